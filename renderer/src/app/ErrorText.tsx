import { useTranslation } from 'react-i18next';
import { isErrorCode, type AppError } from '../../../shared/ipc/result';

/** A contract error in the user's language; the technical message never reaches the screen. */
export function ErrorText({ error }: { readonly error: AppError }) {
  const { t } = useTranslation();
  return <>{t(`errors.${isErrorCode(error.code) ? error.code : 'internal'}`)}</>;
}

/** A contract error shown where it happened, announced at once (role="alert"); nothing when there is none. */
export function InlineError({ error }: { readonly error: AppError | null | undefined }) {
  if (!error) return null;
  return (
    <p className="inline-error" role="alert">
      <ErrorText error={error} />
    </p>
  );
}
