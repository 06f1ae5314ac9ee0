import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../status/useOnline';
import { OutboxJobLine } from './OutboxJobLine';
import { useOutboxJobs } from './useOutboxJobs';

/**
 * "Venter på å bli sendt" in the document: the workflow steps recorded here that the website has
 * not got yet (offline, or the backend not reachable), each with why. Nothing when all is sent.
 */
export function PendingSends({ documentId }: { readonly documentId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const online = useOnline();
  const jobs = useOutboxJobs(documentId);
  return (
    <section className="pending-sends" aria-labelledby={`${id}-heading`} hidden={jobs.length === 0}>
      <h2 id={`${id}-heading`} className="pending-heading">
        <span className="pending-icon" aria-hidden="true">
          ⇡
        </span>
        {t('workflow.pending.heading')}
      </h2>
      <ul className="pending-list" aria-live="polite">
        {jobs.map((job) => (
          <li key={job.id}>
            <OutboxJobLine job={job} online={online} />
          </li>
        ))}
      </ul>
    </section>
  );
}
