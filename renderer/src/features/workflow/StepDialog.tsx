import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document, ImageUse } from '../../../../shared/domain/document';
import type { PreflightItem, PreflightStage } from '../../../../shared/domain/preflight';
import type { ChosenAction } from '../../../../shared/domain/workflow';
import type { AppError } from '../../../../shared/ipc/result';
import { InlineError } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { formatDate, formatTime } from '../../lib/format';
import { useOnline } from '../status/useOnline';
import { PreflightChecklist } from './PreflightChecklist';
import { checklistView, stepMayProceed } from './preflightView';

/** The steps checked before they are taken, and against which checklist. */
export const PREFLIGHT_STAGE: Partial<Record<ChosenAction, PreflightStage>> = { submit: 'submit', approve: 'submit', publish: 'publish', schedule: 'publish' };

interface StepDialogProps {
  readonly documentId: string;
  readonly action: ChosenAction;
  readonly images: readonly Pick<ImageUse, 'id'>[];
  readonly embargoAt: string | null;
  /** Stores what is typed and answers the revision to build on; null when the save failed. */
  readonly prepare: () => Promise<number | null>;
  /** For approve: the hash of the text the editor sees; for publish/schedule: the approval seen. */
  readonly approvalHash: () => string | undefined;
  readonly onDone: (document: Document) => void;
  readonly onCancel: () => void;
  readonly onGoTo: (item: PreflightItem) => void;
}

/**
 * One workflow step: what it does, a comment (required to return a text), and for sending,
 * approving and publishing the pre-flight checklist from the services. A modal <dialog>: focus
 * stays inside, Escape cancels; the caller puts focus back.
 */
export function StepDialog({ documentId, action, images, embargoAt, prepare, approvalHash, onDone, onCancel, onGoTo }: StepDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const online = useOnline();
  const dialog = useRef<HTMLDialogElement>(null);
  const comment = useRef<HTMLTextAreaElement>(null);
  const stage = PREFLIGHT_STAGE[action];
  const [items, setItems] = useState<readonly PreflightItem[] | null>(stage ? null : []);
  const [text, setText] = useState('');
  const [acceptSpelling, setAcceptSpelling] = useState(false);
  const [commentMissing, setCommentMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const commentRequired = action === 'return';

  useEffect(() => {
    dialog.current?.showModal();
    comment.current?.focus();
  }, []);

  // The caller's functions may change identity on every render; the checklist runs once per opening.
  const prepareRef = useRef(prepare);
  useEffect(() => {
    prepareRef.current = prepare;
  }, [prepare]);
  // Bumped to run the checklist again (a step refused because the text changed meanwhile).
  const [checks, setChecks] = useState(0);
  useEffect(() => {
    if (!stage) return;
    let live = true;
    // The checklist is about the stored text: store what was just typed first.
    void prepareRef
      .current()
      .then(() => api.workflow.preflight({ id: documentId, stage }))
      .then((result) => {
        if (!live) return;
        if (result.ok) setItems(result.value.items);
        else setError(result.error);
      });
    return () => {
      live = false;
    };
  }, [documentId, stage, checks]);

  const view = useMemo(() => checklistView(items ?? [], images), [items, images]);
  const ready = items !== null && stepMayProceed(view, acceptSpelling);

  const confirm = async () => {
    if (commentRequired && text.trim() === '') {
      setCommentMissing(true);
      comment.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const baseRevision = await prepare();
    if (baseRevision === null) {
      setBusy(false);
      setError({ code: 'internal', message: '' });
      return;
    }
    const result = await api.workflow.transition({ id: documentId, action, comment: text.trim(), baseRevision, acceptSpelling, approvalHash: approvalHash() });
    setBusy(false);
    if (result.ok) {
      dialog.current?.close();
      onDone(result.value);
      return;
    }
    setError(result.error);
    // The text changed under the checklist (another window, a late save): check it again.
    if (result.error.code === 'preflight_blocked') setChecks((n) => n + 1);
  };

  const label = t(`workflow.actions.${action}`);
  const when = embargoAt ? { date: formatDate(embargoAt), time: formatTime(embargoAt) } : { date: '', time: '' };
  return (
    <dialog
      ref={dialog}
      className="dialog step-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-explain`}
      onCancel={(event) => {
        // Close first: focus cannot leave a dialog that is still modal.
        event.preventDefault();
        dialog.current?.close();
        onCancel();
      }}
    >
      <div className="dialog-header">
        <h2 id={`${id}-title`}>{label}</h2>
      </div>
      <div className="dialog-content">
        <p id={`${id}-explain`}>{t(`workflow.explain.${action}`, when)}</p>
        {!online ? (
          <p className="step-offline">
            <span className="status-dot" aria-hidden="true" />
            {t('workflow.dialog.offline')}
          </p>
        ) : null}
        {stage ? (
          items === null ? (
            <p role="status">{t('workflow.dialog.checking')}</p>
          ) : (
            <PreflightChecklist
              view={view}
              acceptSpelling={acceptSpelling}
              onAcceptSpelling={setAcceptSpelling}
              onGoTo={(item) => {
                dialog.current?.close();
                onGoTo(item);
              }}
            />
          )
        ) : null}
        <div className="form-field step-comment">
          <label className="form-label" htmlFor={`${id}-comment`}>
            {t('workflow.dialog.comment')}
          </label>
          <p id={`${id}-comment-hint`} className={commentMissing ? 'field-error' : 'hint'}>
            {commentRequired ? t('workflow.dialog.commentRequired') : t('workflow.dialog.commentOptional')}
          </p>
          <textarea
            ref={comment}
            id={`${id}-comment`}
            className="input step-comment-input"
            rows={3}
            maxLength={5000}
            value={text}
            required={commentRequired}
            aria-required={commentRequired || undefined}
            aria-invalid={commentMissing || undefined}
            aria-describedby={`${id}-comment-hint`}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim() !== '') setCommentMissing(false);
            }}
          />
        </div>
        <InlineError error={error} />
        <p className="visually-hidden" role="status">
          {busy ? t('workflow.dialog.busy') : ''}
        </p>
      </div>
      <div className="dialog-footer">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            dialog.current?.close();
            onCancel();
          }}
        >
          {t('workflow.dialog.cancel')}
        </button>
        {/* aria-disabled, not disabled: a disabled button drops focus to the page while it works, and an error then finds nobody there. */}
        <button
          type="button"
          className={`button${action === 'unpublish' ? ' button-danger' : ''}`}
          aria-disabled={!ready || busy}
          onClick={() => {
            if (ready && !busy) void confirm();
          }}
        >
          {label}
        </button>
      </div>
    </dialog>
  );
}
