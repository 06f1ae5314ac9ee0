import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/domain/documentSummary';
import type { AppError } from '../../../shared/ipc/result';
import { api } from '../lib/api';
import { fileToBase64 } from '../lib/download';
import { formatDate, formatTime } from '../lib/format';
import { ChoiceDialog } from './ChoiceDialog';
import { ErrorText } from './ErrorText';

interface Options {
  readonly onOpen: (id: string) => void;
  readonly onMessage: (text: string, undo?: () => void) => void;
}

/** Library-wide actions and the questions some of them ask (import conflicts, emptying the bin). */
export function useLibraryActions({ onOpen, onMessage }: Options) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<ReactNode>(null);

  const showError = useCallback(
    (error: AppError) =>
      setDialog(
        <ChoiceDialog title={t('errors.title')} choices={[]} cancelLabel={t('settings.close')} onChoose={() => setDialog(null)}>
          <p role="alert">
            <ErrorText error={error} />
          </p>
        </ChoiceDialog>,
      ),
    [t],
  );

  const create = useCallback(async () => {
    const result = await api.documents.create({ type: 'pressemelding', maalform: 'nb' });
    if (result.ok) onOpen(result.value.id);
    else showError(result.error);
  }, [onOpen, showError]);

  const addSamples = useCallback(async () => {
    const result = await api.library.addSamples();
    if (result.ok) onMessage(t('library.samplesAdded', { count: result.value.added }));
    else showError(result.error);
  }, [onMessage, showError, t]);

  const importFile = useCallback(
    async (file: File) => {
      const data = await fileToBase64(file);
      const run = async (resolution: 'ask' | 'keep-both' | 'replace') => {
        const result = await api.documents.import({ fileName: file.name, data, resolution });
        if (!result.ok) return showError(result.error);
        const outcome = result.value;
        if (outcome.outcome === 'conflict') return askConflict(outcome.existing, outcome.incoming, run);
        onMessage(outcome.outcome === 'unchanged' ? t('library.import.unchanged', { title: outcome.document.title }) : t('library.import.done', { title: outcome.document.title }));
        onOpen(outcome.document.id);
      };
      const askConflict = (existing: DocumentSummary, incoming: DocumentSummary, again: (r: 'keep-both' | 'replace') => Promise<void>) =>
        setDialog(
          <ChoiceDialog
            title={t('library.import.conflictTitle')}
            cancelLabel={t('common.cancel')}
            choices={[
              { value: 'keep-both', label: t('library.import.keepBoth'), kind: 'secondary' },
              { value: 'replace', label: t('library.import.replace'), kind: 'danger' },
            ]}
            onChoose={(choice) => {
              setDialog(null);
              if (choice) void again(choice);
            }}
          >
            <p>{t('library.import.conflictBody', { title: existing.title || t('library.untitled') })}</p>
            <ul className="conflict-facts">
              <li>{t('library.import.mine', { date: formatDate(existing.updatedAt), time: formatTime(existing.updatedAt), count: existing.words })}</li>
              <li>{t('library.import.theirs', { date: formatDate(incoming.updatedAt), time: formatTime(incoming.updatedAt), count: incoming.words })}</li>
            </ul>
            <p className="hint">{t('library.import.replaceHint')}</p>
          </ChoiceDialog>,
        );
      await run('ask');
    },
    [onMessage, onOpen, showError, t],
  );

  const askEmptyBin = useCallback(() => {
    setDialog(
      <ChoiceDialog
        title={t('library.bin.emptyConfirmTitle')}
        cancelLabel={t('common.cancel')}
        choices={[{ value: 'empty', label: t('library.bin.empty'), kind: 'danger' }]}
        onChoose={(choice) => {
          setDialog(null);
          if (!choice) return;
          void api.library.emptyBin().then((r) => (r.ok ? onMessage(t('library.bin.emptied', { count: r.value.removed })) : showError(r.error)));
        }}
      >
        <p>{t('library.bin.emptyConfirmBody')}</p>
      </ChoiceDialog>,
    );
  }, [onMessage, showError, t]);

  const restoreFromBin = useCallback(
    async (id: string) => {
      const result = await api.documents.untrash({ id });
      if (result.ok) onMessage(t('library.bin.restored', { title: result.value.title || t('library.untitled') }), () => void api.documents.trash({ id }));
      else showError(result.error);
    },
    [onMessage, showError, t],
  );

  return { create, addSamples, importFile, askEmptyBin, restoreFromBin, dialog };
}
