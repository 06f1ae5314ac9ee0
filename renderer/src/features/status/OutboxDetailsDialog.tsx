import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { JobControls } from '../publishing/JobControls';
import { PublishingProgressBar } from '../publishing/PublishingProgressBar';
import { usePublishingProgress } from '../publishing/usePublishingProgress';
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
  const progress = usePublishingProgress();
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
    <dialog
      ref={dialog}
      className="dialog outbox-dialog"
      aria-labelledby={`${id}-title`}
      onClose={(event) => {
        // React hands a nested dialog's close (a job's conflict or cancel question) up to this one too.
        if (event.target === event.currentTarget) onClose();
      }}
    >
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
            {jobs.map((job) => {
              const text = describeOutboxJob(t, job, online);
              const p = progress.get(job.id);
              return (
                <li key={job.id} className="outbox-job">
                  <span className="outbox-job-document">{titles.get(job.documentId) || t('workflow.outbox.untitled')}</span>
                  <OutboxJobLine id={`${id}-${job.id}`} text={text} />
                  {p ? <PublishingProgressBar progress={p} label={text.what} /> : null}
                  <JobControls job={job} describedBy={`${id}-${job.id}`} />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </dialog>
  );
}
