import type { OutboxJob } from '../../../../shared/domain/outboxJob';

/** What a person can do about one job in the outbox now. */
export interface JobActions {
  /** "Prøv igjen nå": after a failed attempt, or when it is stopped for something else than a conflict. */
  readonly retry: boolean;
  /** "Avbryt sending": anything not being sent right now. */
  readonly cancel: boolean;
  /** "Løs konflikten": stopped because the item changed on the site. */
  readonly resolve: boolean;
}

/**
 * A conflict is not retried (it would only stop again): it is resolved. A running job can be
 * neither retried nor dropped; the services refuse that too (outbox_job_running).
 */
export function jobActions(job: Pick<OutboxJob, 'state' | 'lastError'>): JobActions {
  if (job.state === 'running' || job.state === 'done') return { retry: false, cancel: false, resolve: false };
  const conflict = job.state === 'blocked' && job.lastError?.code === 'remote_conflict';
  return { retry: !conflict && (job.state === 'blocked' || job.lastError !== null), cancel: true, resolve: conflict };
}
