import { diffWords } from 'diff';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document, DocumentContent } from '../../../../shared/domain/document';
import { plainText } from '../../../../shared/domain/plainText';
import type { RevisionInfo } from '../../../../shared/domain/revision';
import type { AppError } from '../../../../shared/ipc/result';
import { InlineError } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { formatDate, formatTime } from '../../lib/format';

interface HistoryDialogProps {
  readonly documentId: string;
  readonly current: DocumentContent;
  readonly baseRevision: number;
  readonly onClose: () => void;
  /** After a restore; `undo` puts back what the restore replaced and resolves once it is stored. */
  readonly onRestored: (undo: () => Promise<void>) => void;
}

function asText(c: Pick<DocumentContent, 'title' | 'ingress' | 'body'>): string {
  return [c.title, c.ingress, plainText(c.body)].filter((s) => s.trim() !== '').join('\n\n');
}

/**
 * The document's snapshots: when, why, who and how long; what each differs from the text as it
 * is now; and restoring one (itself recorded, so it can be undone).
 */
export function HistoryDialog({ documentId, current, baseRevision, onClose, onRestored }: HistoryDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [selected, setSelected] = useState<RevisionInfo | null>(null);
  const [selectedDoc, setSelectedDoc] = useState<Document | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    void api.documents.revisions({ id: documentId }).then((r) => {
      if (r.ok) {
        setRevisions(r.value);
        setSelected(r.value[0] ?? null);
      } else setError(r.error);
    });
  }, [documentId]);

  useEffect(() => {
    if (!selected) return;
    let live = true;
    void api.documents.revision({ id: documentId, revisionId: selected.id }).then((r) => {
      if (!live) return;
      if (r.ok) setSelectedDoc(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [documentId, selected]);

  const restore = async () => {
    if (!selected) return;
    const result = await api.documents.restoreRevision({ id: documentId, revisionId: selected.id, baseRevision });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onRestored(async () => {
      // The snapshot taken just before the restore is the newest 'before-restore' one.
      const list = await api.documents.revisions({ id: documentId });
      if (!list.ok) return;
      const before = list.value.find((r) => r.kind === 'before-restore');
      // Build on the stored revision, not the one the restore made: the writer may have gone on
      // typing since. What they typed is kept as the next 'before-restore' snapshot.
      const stored = await api.documents.get({ id: documentId });
      if (before && stored.ok) await api.documents.restoreRevision({ id: documentId, revisionId: before.id, baseRevision: stored.value.document.revision });
    });
  };

  const parts = selectedDoc ? diffWords(asText(selectedDoc), asText(current)) : [];
  const unchanged = parts.every((p) => !p.added && !p.removed);

  return (
    <dialog ref={dialog} className="dialog dialog-wide" aria-labelledby={titleId} onClose={onClose}>
      <div className="dialog-header">
        <h2 id={titleId}>{t('history.title')}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('settings.close')}
        </button>
      </div>
      <InlineError error={error} />
      <div className="history-body">
        <div className="history-list">
          {revisions === null ? (
            <p>{t('app.loading')}</p>
          ) : revisions.length === 0 ? (
            <p className="hint">{t('history.none')}</p>
          ) : (
            <ul aria-label={t('history.listLabel')}>
              {revisions.map((r) => (
                <li key={r.id}>
                  <button type="button" className={`history-item${selected?.id === r.id ? ' is-selected' : ''}`} aria-pressed={selected?.id === r.id} onClick={() => setSelected(r)}>
                    <span className="history-when">
                      {formatDate(r.at)} {formatTime(r.at)}
                    </span>
                    <span className="history-kind">{t(`history.kind.${r.kind}`)}</span>
                    <span className="history-meta">{t('history.meta', { author: r.authorName || t('history.unknownAuthor'), count: r.chars })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="history-diff">
          {selected && selectedDoc ? (
            <>
              <h3>{t('history.compareHeading', { date: formatDate(selected.at), time: formatTime(selected.at) })}</h3>
              <p className="hint">{t('history.legend')}</p>
              <div className="diff" lang={selectedDoc.maalform}>
                {unchanged ? (
                  <p>{t('history.same')}</p>
                ) : (
                  parts.map((p, i) =>
                    p.added ? (
                      <ins key={i}>{p.value}</ins>
                    ) : p.removed ? (
                      <del key={i}>{p.value}</del>
                    ) : (
                      <span key={i}>{p.value}</span>
                    ),
                  )
                )}
              </div>
              <div className="dialog-footer">
                <button type="button" className="button" disabled={unchanged} onClick={() => void restore()}>
                  {t('history.restore')}
                </button>
              </div>
            </>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
