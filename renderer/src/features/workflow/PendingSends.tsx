import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../status/useOnline';
import { describeOutboxJob } from './describeOutboxJob';
import { OutboxJobLine } from './OutboxJobLine';
import { useOutboxJobs } from './useOutboxJobs';

/**
 * "Venter på å bli sendt" in the document: the workflow steps recorded here that the website has
 * not got yet, and why. One reason shared by all (offline, say) is said once, not per line.
 * Nothing is shown when all is sent.
 */
export function PendingSends({ documentId }: { readonly documentId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const online = useOnline();
  const jobs = useOutboxJobs(documentId);
  const texts = jobs.map((job) => ({ id: job.id, text: describeOutboxJob(t, job, online) }));
  const common = texts.length > 0 && texts.every((j) => j.text.why === texts[0]?.text.why) ? (texts[0]?.text.why ?? null) : null;
  return (
    <section className="pending-sends" aria-labelledby={`${id}-heading`} hidden={jobs.length === 0}>
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
          {texts.map(({ id: jobId, text }) => (
            <li key={jobId}>
              <OutboxJobLine text={text} showWhy={common === null} />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
