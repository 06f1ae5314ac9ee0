import type { OutboxJob } from '../../../../shared/domain/outboxJob';
import type { ErrorCode } from '../../../../shared/ipc/result';

/** Why a job is still waiting, as the status bar and the document say it. */
export type OutboxReason =
  | { readonly kind: 'offline' }
  | { readonly kind: 'running' }
  | { readonly kind: 'blocked'; readonly code: ErrorCode }
  | { readonly kind: 'retry'; readonly code: ErrorCode; readonly at: string }
  | { readonly kind: 'waiting' };

/**
 * A stopped job says what stopped it whatever the network; otherwise, offline comes first (the
 * obvious reason), then a failed attempt with its next try, then plain waiting in the queue.
 */
export function outboxReason(job: Pick<OutboxJob, 'state' | 'lastError' | 'nextAttemptAt'>, online: boolean): OutboxReason {
  if (job.state === 'blocked') return { kind: 'blocked', code: job.lastError?.code ?? 'internal' };
  if (job.state === 'running') return { kind: 'running' };
  if (!online) return { kind: 'offline' };
  if (job.lastError) return { kind: 'retry', code: job.lastError.code, at: job.nextAttemptAt };
  return { kind: 'waiting' };
}
