import { useTranslation } from 'react-i18next';
import type { OutboxJob } from '../../../../shared/domain/outboxJob';
import { formatDate, formatTime } from '../../lib/format';
import { outboxReason } from './outboxReason';

/** One job waiting to be sent: what, recorded when (Oslo time), and why it has not gone yet. */
export function OutboxJobLine({ job, online }: { readonly job: OutboxJob; readonly online: boolean }) {
  const { t } = useTranslation();
  const reason = outboxReason(job, online);
  const what = job.action === 'sync' ? t('workflow.pending.sync') : t(`workflow.audit.action.${job.action}`);
  let why: string;
  switch (reason.kind) {
    case 'blocked':
      why = t('workflow.pending.reason.blocked', { error: t(`errors.${reason.code}`) });
      break;
    case 'retry':
      why = t('workflow.pending.reason.retry', { error: t(`errors.${reason.code}`), time: formatTime(reason.at) });
      break;
    default:
      why = t(`workflow.pending.reason.${reason.kind}`);
  }
  return (
    <>
      <span className="outbox-job-what">{t('workflow.pending.item', { action: what, date: formatDate(job.createdAt), time: formatTime(job.createdAt) })}</span>
      <span className={`outbox-job-why${reason.kind === 'blocked' ? ' is-blocked' : ''}`}>
        {reason.kind === 'blocked' ? (
          <span className="outbox-job-icon" aria-hidden="true">
            !
          </span>
        ) : null}
        {why}
      </span>
    </>
  );
}
