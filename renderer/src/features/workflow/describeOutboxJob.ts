import type { TFunction } from 'i18next';
import type { OutboxJob } from '../../../../shared/domain/outboxJob';
import { formatDate, formatTime } from '../../lib/format';
import { outboxReason } from './outboxReason';

export interface OutboxJobText {
  /** "Godkjent, registrert 23.11.2026 kl. 09.57" */
  readonly what: string;
  /** Why it has not been sent yet. */
  readonly why: string;
  /** Stopped: it needs a person, not patience. */
  readonly blocked: boolean;
}

/** A waiting outbox job in words: what was recorded when (Oslo time), and why it still waits. */
export function describeOutboxJob(t: TFunction, job: OutboxJob, online: boolean): OutboxJobText {
  const reason = outboxReason(job, online);
  const action = job.action === 'sync' ? t('workflow.pending.sync') : t(`workflow.audit.action.${job.action}`);
  const what = t('workflow.pending.item', { action, date: formatDate(job.createdAt), time: formatTime(job.createdAt) });
  switch (reason.kind) {
    case 'blocked':
      return { what, why: t('workflow.pending.reason.blocked', { error: t(`errors.${reason.code}`) }), blocked: true };
    case 'retry':
      return { what, why: t('workflow.pending.reason.retry', { error: t(`errors.${reason.code}`), time: formatTime(reason.at) }), blocked: false };
    default:
      return { what, why: t(`workflow.pending.reason.${reason.kind}`), blocked: false };
  }
}
