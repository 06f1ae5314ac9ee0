import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { AutosaveController } from './autosaveController';
import { useSaveState } from './useAutosave';

/** The stored document changed elsewhere: load that version, or keep writing over it. */
export function ConflictNotice({ controller, documentId, onReload }: { readonly controller: AutosaveController; readonly documentId: string; readonly onReload: () => void }) {
  const { t } = useTranslation();
  const state = useSaveState(controller);
  if (state.kind !== 'conflict') return null;
  return (
    <div className="notice notice-error" role="alert">
      <span>{t('editor.conflict.message')}</span>
      <span className="notice-actions">
        <button type="button" className="button button-small" onClick={onReload}>
          {t('editor.conflict.reload')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() =>
            void api.documents.get({ id: documentId }).then((r) => {
              if (r.ok) controller.keepMine(r.value.document.revision);
            })
          }
        >
          {t('editor.conflict.keepMine')}
        </button>
      </span>
    </div>
  );
}
