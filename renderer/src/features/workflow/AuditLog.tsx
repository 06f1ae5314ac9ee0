import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/workflowRecord';
import { formatDate, formatTime } from '../../lib/format';

/**
 * "Logg og kommentarer": every workflow step of the document, newest first: what happened, from
 * which status to which, who, when (Oslo time) and the comment they left.
 */
export function AuditLog({ audit }: { readonly audit: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const id = useId();
  const entries = [...audit].reverse();
  return (
    <section className="audit-log" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="doc-details-heading">
        {t('workflow.audit.heading')}
      </h2>
      {entries.length === 0 ? (
        <p className="details-empty">{t('workflow.audit.empty')}</p>
      ) : (
        <ol className="audit-entries">
          {entries.map((entry) => (
            <li key={entry.id} className={`audit-entry audit-${entry.action}`}>
              <p className="audit-what">
                <strong>{t(`workflow.audit.action.${entry.action}`)}</strong>
                <span className="audit-move">
                  {t('workflow.audit.move', { from: t(`status.workflow.${entry.from}`), to: t(`status.workflow.${entry.to}`) })}
                </span>
              </p>
              <p className="audit-who">
                {t('workflow.audit.by', { name: entry.actor.name })}
                {', '}
                <time dateTime={entry.at}>{t('workflow.audit.at', { date: formatDate(entry.at), time: formatTime(entry.at) })}</time>
              </p>
              {entry.comment ? <blockquote className="audit-comment">{entry.comment}</blockquote> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
