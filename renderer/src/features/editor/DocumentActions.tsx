import { useTranslation } from 'react-i18next';
import type { Document } from '../../../../shared/domain/document';
import type { AppError } from '../../../../shared/ipc/result';
import { api } from '../../lib/api';
import { downloadBase64 } from '../../lib/download';

interface DocumentActionsProps {
  readonly document: Document;
  readonly title: string;
  readonly onHistory: () => void;
  readonly flush: () => Promise<boolean>;
  readonly onClosed: () => void;
  readonly onMessage: (message: string, undo?: () => void) => void;
  readonly onError: (error: AppError | null) => void;
}

/** History, duplicate, export and delete for the open document. */
export function DocumentActions({ document: doc, title, onHistory, flush, onClosed, onMessage, onError }: DocumentActionsProps) {
  const { t } = useTranslation();
  const untitled = t('library.untitled');

  const duplicate = async () => {
    await flush();
    const result = await api.documents.duplicate({ id: doc.id, title: t('library.copyTitle', { title: title || untitled }) });
    if (result.ok) onMessage(t('library.duplicated', { title: result.value.title }));
    onError(result.ok ? null : result.error);
  };

  const exportFile = async () => {
    await flush();
    const result = await api.documents.export({ id: doc.id });
    if (result.ok) {
      downloadBase64(result.value.fileName, result.value.data, 'application/vnd.melding+zip');
      onMessage(t('library.exported', { file: result.value.fileName }));
    }
    onError(result.ok ? null : result.error);
  };

  const trash = async () => {
    await flush();
    const result = await api.documents.trash({ id: doc.id });
    onError(result.ok ? null : result.error);
    if (!result.ok) return;
    onClosed();
    onMessage(t('library.trashed', { title: title || untitled }), () => void api.documents.untrash({ id: doc.id }));
  };

  return (
    <div className="doc-actions" role="group" aria-label={t('editor.actions.label')}>
      <button type="button" className="button button-quiet" onClick={onHistory}>
        {t('editor.actions.history')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => void duplicate()}>
        {t('editor.actions.duplicate')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => void exportFile()}>
        {t('editor.actions.export')}
      </button>
      <button type="button" className="button button-quiet button-danger-text" onClick={() => void trash()}>
        {t('editor.actions.trash')}
      </button>
    </div>
  );
}
