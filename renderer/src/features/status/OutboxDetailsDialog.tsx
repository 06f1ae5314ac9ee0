import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { describeOutboxJob } from '../workflow/describeOutboxJob';
import { OutboxJobLine } from '../workflow/OutboxJobLine';
import { useOutboxJobs } from '../workflow/useOutboxJobs';
import { useOnline } from './useOnline';

/**
 * What waits to be sent, for every document: each step, when it was recorded and why it has not
 * gone yet (offline, a failed attempt and the next one, or stopped with the error). A modal <dialog>.
 */
export function OutboxDetailsDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const online = useOnline();
  const jobs = useOutboxJobs(null);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    const missing = [...new Set(jobs.map((j) => j.documentId))].filter((d) => !titles.has(d));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map(async (documentId) => [documentId, await api.documents.get({ id: documentId })] as const)).then((answers) => {
      if (!live) return;
      setTitles((current) => {
        const next = new Map(current);
        for (const [documentId, answer] of answers) next.set(documentId, answer.ok ? answer.value.document.title : '');
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [jobs, titles]);

  return (
    <dialog ref={dialog} className="dialog outbox-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="dialog-header">
        <h2 id={`${id}-title`}>{t('workflow.outbox.title')}</h2>
        <button type="button" className="button button-quiet" onClick={() => dialog.current?.close()}>
          {t('workflow.outbox.close')}
        </button>
      </div>
      <div className="dialog-content">
        {jobs.length === 0 ? (
          <p>{t('workflow.outbox.none')}</p>
        ) : (
          <ul className="outbox-jobs">
            {jobs.map((job) => (
              <li key={job.id} className="outbox-job">
                <span className="outbox-job-document">{titles.get(job.documentId) || t('workflow.outbox.untitled')}</span>
                <OutboxJobLine text={describeOutboxJob(t, job, online)} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </dialog>
  );
}
