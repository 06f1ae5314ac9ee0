import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Maalform } from '../../../../shared/domain/document';
import type { TranslateDocumentOutput, TranslationStatus } from '../../../../shared/domain/translation';
import type { AppError } from '../../../../shared/ipc/result';
import { ErrorText } from '../../app/ErrorText';
import { api } from '../../lib/api';

interface TranslateActionProps {
  readonly documentId: string;
  readonly maalform: Maalform;
  /** Stores what the editor holds; resolves false if that failed. */
  readonly flush: () => Promise<boolean>;
  /** The revision the stored document is at after the flush. */
  readonly baseRevision: () => number;
  readonly onTranslated: (result: TranslateDocumentOutput) => void;
}

type Phase =
  | { readonly kind: 'checking' }
  | { readonly kind: 'confirm'; readonly status: TranslationStatus; readonly variant: 'a' | 'e' }
  | { readonly kind: 'unavailable'; readonly status: TranslationStatus }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'failed'; readonly error: AppError };

/**
 * "Skriv om til nynorsk" / "Skriv om til bokmål": a button, then a modal dialog that says
 * what will happen (the original stays in the history) or what to install, the progress with
 * a Stop button while Apertium works, and the result handed to the editor.
 */
export function TranslateAction({ documentId, maalform, flush, baseRevision, onTranslated }: TranslateActionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const target: Maalform = maalform === 'nb' ? 'nn' : 'nb';
  const label = target === 'nn' ? t('translate.action.toNn') : t('translate.action.toNb');
  return (
    <>
      <button ref={opener} type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? (
        <TranslateDialog
          documentId={documentId}
          target={target}
          flush={flush}
          baseRevision={baseRevision}
          onClose={(result) => {
            setOpen(false);
            if (result) onTranslated(result);
            else opener.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

interface TranslateDialogProps {
  readonly documentId: string;
  readonly target: Maalform;
  readonly flush: () => Promise<boolean>;
  readonly baseRevision: () => number;
  readonly onClose: (result: TranslateDocumentOutput | null) => void;
}

function TranslateDialog({ documentId, target, flush, baseRevision, onClose }: TranslateDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const running = phase.kind === 'running';

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    void Promise.all([api.translation.status(), api.settings.get()]).then(([status, settings]) => {
      if (!live) return;
      if (!status.ok) setPhase({ kind: 'failed', error: status.error });
      else if (!status.value.available) setPhase({ kind: 'unavailable', status: status.value });
      else setPhase({ kind: 'confirm', status: status.value, variant: settings.ok ? settings.value.translation.nynorskInfinitive : 'e' });
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      api.onTranslationProgress((progress) => {
        if (progress.id !== documentId) return;
        setPhase((p) => (p.kind === 'running' ? { kind: 'running', done: progress.done, total: progress.total } : p));
      }),
    [documentId],
  );

  // Focus the first thing to do once the dialog knows what it is showing.
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [phase.kind]);

  const start = async () => {
    setPhase({ kind: 'running', done: 0, total: 0 });
    if (!(await flush())) {
      setPhase({ kind: 'failed', error: { code: 'storage_failed', message: 'The document could not be saved before rewriting' } });
      return;
    }
    const result = await api.translation.translateDocument({ id: documentId, baseRevision: baseRevision(), target });
    if (result.ok) {
      dialog.current?.close();
      onClose(result.value);
    } else setPhase({ kind: 'failed', error: result.error });
  };

  const stop = () => void api.translation.cancel({ id: documentId });

  const close = () => {
    dialog.current?.close();
    onClose(null);
  };

  const title = target === 'nn' ? t('translate.confirm.titleNn') : t('translate.confirm.titleNb');
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape while Apertium works stops it; the dialog then says so.
        event.preventDefault();
        if (running) stop();
        else close();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{phase.kind === 'unavailable' ? t('translate.unavailable.heading') : title}</h2>
      </div>
      <div id={bodyId} className="dialog-content" aria-live="polite">
        {phase.kind === 'checking' ? <p>{t('translate.confirm.checking')}</p> : null}
        {phase.kind === 'confirm' ? (
          <>
            <p>{target === 'nn' ? t('translate.confirm.bodyNn', { variant: t(`translate.variant.${phase.variant}`) }) : t('translate.confirm.bodyNb')}</p>
            <p>{t('translate.confirm.check')}</p>
            <p className="hint">{phase.status.engine === 'apy' ? t('translate.confirm.engineApy', { url: phase.status.detail }) : t('translate.confirm.engineCli')}</p>
          </>
        ) : null}
        {phase.kind === 'unavailable' ? (
          <p className="translate-unavailable">{t(`translate.unavailable.${phase.status.problem ?? 'cli_not_found'}`)}</p>
        ) : null}
        {phase.kind === 'running' ? (
          <div className="translate-progress">
            <span id={`${titleId}-progress`}>{t('translate.progress.label')}</span>
            <progress aria-labelledby={`${titleId}-progress`} max={phase.total || 1} value={phase.total ? phase.done : undefined} />
            {phase.total ? <span className="hint">{t('translate.progress.status', { done: phase.done, total: phase.total })}</span> : null}
          </div>
        ) : null}
        {phase.kind === 'failed' ? (
          <p className="inline-error" role="alert">
            <ErrorText error={phase.error} />
          </p>
        ) : null}
      </div>
      <div className="dialog-footer">
        {running ? (
          <button type="button" className="button button-secondary" data-autofocus onClick={stop}>
            {t('translate.progress.cancel')}
          </button>
        ) : (
          <button type="button" className="button button-quiet" data-autofocus={phase.kind !== 'confirm' ? true : undefined} onClick={close}>
            {phase.kind === 'confirm' || phase.kind === 'checking' ? t('translate.confirm.cancel') : t('settings.close')}
          </button>
        )}
        {phase.kind === 'confirm' ? (
          <button type="button" className="button" data-autofocus onClick={() => void start()}>
            {t('translate.confirm.start')}
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
