import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxJob } from '../../../../shared/domain/outboxJob';
import type { AppError } from '../../../../shared/ipc/result';
import { ChoiceDialog } from '../../app/ChoiceDialog';
import { InlineError } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { ConflictDialog } from './ConflictDialog';
import { jobActions } from './jobActions';

interface JobControlsProps {
  readonly job: OutboxJob;
  /** What the job is, for the buttons' descriptions ("Publisert, registrert …"). */
  readonly describedBy: string;
}

/**
 * The buttons under one waiting job: try again now, resolve a conflict, cancel (with a
 * question first). Errors from these go beside them, in the user's language.
 */
export function JobControls({ job, describedBy }: JobControlsProps) {
  const { t } = useTranslation();
  const actions = jobActions(job);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [asking, setAsking] = useState(false);
  const [conflict, setConflict] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const resolveButton = useRef<HTMLButtonElement>(null);
  if (!actions.retry && !actions.cancel && !actions.resolve) return null;

  const run = async (call: () => Promise<{ ok: true } | { ok: false; error: AppError }>) => {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <div className="job-controls">
      {actions.resolve ? (
        <button ref={resolveButton} type="button" className="button button-small" aria-haspopup="dialog" aria-describedby={describedBy} onClick={() => setConflict(true)}>
          {t('publishing.job.resolve')}
        </button>
      ) : null}
      {actions.retry ? (
        <button
          type="button"
          className="button button-small"
          aria-describedby={describedBy}
          // aria-disabled, not disabled: a disabled button drops focus to the page while it works.
          aria-disabled={busy}
          onClick={() => {
            if (!busy) void run(() => api.publishing.retry({ jobId: job.id }));
          }}
        >
          {t('publishing.job.retry')}
        </button>
      ) : null}
      {actions.cancel ? (
        <button ref={cancelButton} type="button" className="button button-small button-quiet button-danger-text" aria-haspopup="dialog" aria-describedby={describedBy} disabled={busy} onClick={() => setAsking(true)}>
          {t('publishing.job.cancel')}
        </button>
      ) : null}
      <InlineError error={error} />
      {asking ? (
        <ChoiceDialog
          title={t('publishing.job.cancelTitle')}
          cancelLabel={t('publishing.job.cancelKeep')}
          choices={[{ value: 'drop', label: t('publishing.job.cancelConfirm'), kind: 'danger' }]}
          onChoose={(value) => {
            setAsking(false);
            if (value !== 'drop') return cancelButton.current?.focus();
            // The line goes away with its buttons: focus stays in the list (its summary, or the dialog's close button).
            const button = cancelButton.current;
            void run(() => api.publishing.cancel({ jobId: job.id })).then(() => refocusWhenGone(button, button?.closest('dialog, .pending-sends') ?? null));
          }}
        >
          <p>{t('publishing.job.cancelExplain')}</p>
        </ChoiceDialog>
      ) : null}
      {conflict ? (
        <ConflictDialog
          jobId={job.id}
          onClose={() => {
            setConflict(false);
            const button = resolveButton.current;
            if (button?.isConnected) button.focus();
            // Resolved, the job's line changes or goes: focus follows to what holds it.
            refocusWhenGone(button, button?.closest('dialog, .pending-sends') ?? null);
          }}
        />
      ) : null}
    </div>
  );
}

/** Once the job's line has gone (the outbox said so), focus moves to what holds the list, if it still stands. */
function refocusWhenGone(button: HTMLElement | null, host: Element | null, tries = 100): void {
  if (!button) return;
  if (button.isConnected) {
    if (tries > 0) setTimeout(() => refocusWhenGone(button, host, tries - 1), 100);
    return;
  }
  if (document.activeElement !== document.body && document.activeElement !== null) return;
  // The list empties and hides with its last line, or the controls stood in a notice: then the
  // document region takes focus.
  const main = document.getElementById('main');
  const target = !host?.isConnected || host.closest('[hidden]') ? main : (host.querySelector<HTMLElement>('summary, .dialog-header button') ?? main);
  target?.focus();
}
