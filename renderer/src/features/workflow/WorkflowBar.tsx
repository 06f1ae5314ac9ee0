import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendCapabilities } from '../../../../shared/domain/backendGrant';
import { allowedActions, type ChosenAction, type WorkflowView } from '../../../../shared/domain/workflow';
import type { Role } from '../../../../shared/domain/vocabulary';
import { formatDate, formatTime } from '../../lib/format';

interface WorkflowBarProps {
  readonly view: WorkflowView;
  readonly roles: readonly Role[];
  readonly grant: BackendCapabilities | null;
  readonly onChoose: (action: ChosenAction, button: HTMLButtonElement) => void;
}

/** Steps that move a text forward get the primary look; the rest are quieter. */
const FORWARD: ReadonlySet<ChosenAction> = new Set(['submit', 'approve', 'publish', 'schedule']);

/** Re-evaluated every half minute: a sperrefrist that passes turns "Planlegg" into "Publiser". */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The document's status and the workflow steps the active profile may take now, and only those
 * (the shared state machine decides, with the website's grant). Each step opens the step dialog.
 */
export function WorkflowBar({ view, roles, grant, onChoose }: WorkflowBarProps) {
  const { t } = useTranslation();
  const now = useMinuteClock();
  const actions = allowedActions(view, roles, now, grant);
  const scheduled = view.status === 'planlagt' && view.embargoAt;
  return (
    <div className="workflow-bar" role="group" aria-label={t('workflow.bar.label')}>
      <span className={`badge status-${view.status}`}>
        <span className="visually-hidden">{t('workflow.bar.status')}: </span>
        {t(`status.workflow.${view.status}`)}
      </span>
      {view.approval && (view.status === 'godkjent' || view.status === 'planlagt') ? (
        <span className="workflow-fact">{t('workflow.approvedBy', { name: view.approval.by.name, date: formatDate(view.approval.at), time: formatTime(view.approval.at) })}</span>
      ) : null}
      {actions.includes('schedule') && view.embargoAt ? (
        <span className="workflow-fact">{t('workflow.embargoAhead', { date: formatDate(view.embargoAt), time: formatTime(view.embargoAt) })}</span>
      ) : null}
      {scheduled ? <span className="workflow-fact">{t('workflow.scheduledFor', { date: formatDate(scheduled), time: formatTime(scheduled) })}</span> : null}
      {actions.length === 0 ? <span className="workflow-fact">{t('workflow.bar.none')}</span> : null}
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={`button button-small${FORWARD.has(action) ? '' : action === 'unpublish' ? ' button-secondary button-danger-text' : ' button-secondary'}`}
          aria-haspopup="dialog"
          data-workflow-action={action}
          onClick={(e) => onChoose(action, e.currentTarget)}
        >
          {t(`workflow.actions.${action}`)}
        </button>
      ))}
    </div>
  );
}
