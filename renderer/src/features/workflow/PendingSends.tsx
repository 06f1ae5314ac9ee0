import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { onDocumentReplaced } from '../publishing/documentReplaced';
import { JobControls } from '../publishing/JobControls';
import { PublishingProgressBar } from '../publishing/PublishingProgressBar';
import { usePublishingProgress } from '../publishing/usePublishingProgress';
import { useOnline } from '../status/useOnline';
import { describeOutboxJob } from './describeOutboxJob';
import { OutboxJobLine } from './OutboxJobLine';
import { useOutboxJobs } from './useOutboxJobs';

/**
 * "Venter på å bli sendt" in the document: the workflow steps recorded here that the website has
 * not got yet, and why. One reason shared by all (offline, say) is said once, not per line.
 * Nothing is shown when all is sent. A job being sent shows its progress bar outside the
 * folded list, so it is seen without opening it; each line has what can be done about it.
 */
export function PendingSends({ documentId, onReplaced }: { readonly documentId: string; /** The text was replaced by a conflict resolution: load it again. */ readonly onReplaced?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const online = useOnline();
  const jobs = useOutboxJobs(documentId);
  const progress = usePublishingProgress();
  // By the document, not by the list: a quick job can be under way before the list has it.
  const running = [...progress.values()].filter((p) => p.documentId === documentId).map((p) => ({ progress: p, job: jobs.find((j) => j.id === p.jobId) }));
  // A conflict resolved anywhere in the window may have replaced this document's text.
  useEffect(() => (onReplaced ? onDocumentReplaced((replaced) => replaced === documentId && onReplaced()) : undefined), [documentId, onReplaced]);
  const texts = jobs.map((job) => ({ id: job.id, text: describeOutboxJob(t, job, online) }));
  const common = texts.length > 0 && texts.every((j) => j.text.why === texts[0]?.text.why) ? (texts[0]?.text.why ?? null) : null;
  return (
    <section className="pending-sends" aria-labelledby={`${id}-heading`} hidden={jobs.length === 0 && running.length === 0}>
      {/* One line until asked for more; opened at once when something is stopped and needs a person. */}
      <details open={texts.some((j) => j.text.blocked) || undefined}>
        <summary className="pending-summary">
          <span className="pending-icon" aria-hidden="true">
            ⇡
          </span>
          <span id={`${id}-heading`} className="pending-heading">
            {t('workflow.pending.heading')}
          </span>
          <span className="badge">{jobs.length}</span>
          {common ? <span className="pending-reason">{common}</span> : null}
        </summary>
        <ul className="pending-list">
          {texts.map(({ id: jobId, text }, index) => (
            <li key={jobId}>
              <OutboxJobLine id={`${id}-${jobId}`} text={text} showWhy={common === null} />
              {jobs[index] ? <JobControls job={jobs[index]} describedBy={`${id}-${jobId}`} /> : null}
            </li>
          ))}
        </ul>
      </details>
      {running.map(({ job, progress: p }) => (
        <PublishingProgressBar key={p.jobId} progress={p} label={job ? describeOutboxJob(t, job, online).what : t('publishing.job.sending')} />
      ))}
    </section>
  );
}
