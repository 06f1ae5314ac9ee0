import { useTranslation } from 'react-i18next';

/**
 * Said at once (role="alert") when a save changed an approved text: the approval is gone and the
 * document waits for approval again. Stays until dismissed, so it is not missed.
 */
export function RevocationNotice({ onDismiss }: { readonly onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning revocation-notice" role="alert">
      <span className="notice-icon" aria-hidden="true">
        ⚠
      </span>
      <p>{t('workflow.revoked')}</p>
      <button type="button" className="button button-quiet button-small" onClick={onDismiss}>
        {t('workflow.revokedDismiss')}
      </button>
    </div>
  );
}
