import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightItem } from '../../../../shared/domain/preflight';
import type { ChecklistLine, ChecklistView } from './preflightView';

interface PreflightChecklistProps {
  readonly view: ChecklistView;
  readonly acceptSpelling: boolean;
  readonly onAcceptSpelling: (accept: boolean) => void;
  /** Close the dialog and go to the problem. */
  readonly onGoTo: (item: PreflightItem) => void;
}

/**
 * The pre-flight checklist: what must be fixed, what is worth a look, and what is in order, each
 * group under its own heading and each line with a sign and a word ("Må rettes:", "Advarsel:"),
 * so colour is never the only difference. Every problem is a link to the field.
 */
export function PreflightChecklist({ view, acceptSpelling, onAcceptSpelling, onGoTo }: PreflightChecklistProps) {
  const { t } = useTranslation();
  const id = useId();
  const problem = (line: ChecklistLine, kind: 'blocking' | 'warning') => (
    <li key={line.item.id} className={`preflight-item is-${kind}`}>
      <span className="preflight-icon" aria-hidden="true">
        {kind === 'blocking' ? '✕' : '!'}
      </span>
      <span className="visually-hidden">{kind === 'blocking' ? t('workflow.preflight.blockingMark') : t('workflow.preflight.warningMark')} </span>
      <button type="button" className="link-button preflight-link" onClick={() => onGoTo(line.item)}>
        {t(`workflow.preflight.check.${line.item.check}`, { number: line.imageNumber })}
      </button>
    </li>
  );
  return (
    <section className="preflight" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="preflight-heading">
        {t('workflow.preflight.heading')}
      </h3>
      {view.blocking.length === 0 && view.warnings.length === 0 ? (
        <p className="preflight-all-ok">
          <span className="preflight-icon" aria-hidden="true">
            ✓
          </span>
          {t('workflow.preflight.allOk')}
        </p>
      ) : null}
      {view.blocking.length > 0 ? (
        <div className="preflight-group is-blocking">
          <h4 id={`${id}-blocking`}>{t('workflow.preflight.blockingHeading', { count: view.blocking.length })}</h4>
          <ul aria-labelledby={`${id}-blocking`}>{view.blocking.map((line) => problem(line, 'blocking'))}</ul>
          {view.onlySpellingBlocks ? (
            <label className="checkbox preflight-accept">
              <input type="checkbox" checked={acceptSpelling} onChange={(e) => onAcceptSpelling(e.target.checked)} />
              {t('workflow.preflight.acceptSpelling')}
            </label>
          ) : null}
        </div>
      ) : null}
      {view.warnings.length > 0 ? (
        <div className="preflight-group is-warning">
          <h4 id={`${id}-warnings`}>{t('workflow.preflight.warningHeading', { count: view.warnings.length })}</h4>
          <ul aria-labelledby={`${id}-warnings`}>{view.warnings.map((line) => problem(line, 'warning'))}</ul>
        </div>
      ) : null}
      {view.passed.length > 0 ? (
        <div className="preflight-group is-ok">
          <h4 id={`${id}-ok`}>{t('workflow.preflight.okHeading')}</h4>
          <ul aria-labelledby={`${id}-ok`} className="preflight-passed">
            {view.passed.map((check) => (
              <li key={check}>
                <span className="preflight-icon" aria-hidden="true">
                  ✓
                </span>
                <span className="visually-hidden">{t('workflow.preflight.okMark')} </span>
                {t(`workflow.preflight.ok.${check}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
