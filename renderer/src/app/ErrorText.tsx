import { useTranslation } from 'react-i18next';
import { isErrorCode, type AppError } from '../../../shared/ipc/result';

/** A contract error in the user's language; the technical message never reaches the screen. */
export function ErrorText({ error }: { readonly error: AppError }) {
  const { t } = useTranslation();
  return <>{t(`errors.${isErrorCode(error.code) ? error.code : 'internal'}`)}</>;
}
