import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalHash } from '../../../../shared/domain/approvalHash';
import type { DocumentContent } from '../../../../shared/domain/document';
import type { PreflightItem } from '../../../../shared/domain/preflight';
import type { ChosenAction } from '../../../../shared/domain/workflow';
import { formatDate, formatTime } from '../../lib/format';
import type { AutosaveController } from '../editor/autosaveController';
import { useProfile } from '../profile/ProfileContext';
import { focusPreflightTarget } from './focusPreflightTarget';
import { StepDialog } from './StepDialog';
import { WorkflowBar } from './WorkflowBar';
import type { WorkflowState } from './useWorkflowState';

interface WorkflowControlsProps {
  readonly documentId: string;
  readonly workflow: WorkflowState;
  readonly autosave: AutosaveController;
  /** The text as the editor holds it now (for the approval's hash and the sperrefrist). */
  readonly readContent: () => DocumentContent;
  readonly embargoAt: string | null;
  readonly images: DocumentContent['images'];
  /** Leave the preview, so the field a checklist link points at can take focus. */
  readonly showFields: () => void;
  readonly onMessage: (message: string) => void;
}

/** The workflow bar in the document header and the step dialog it opens. */
export function WorkflowControls({ documentId, workflow, autosave, readContent, embargoAt, images, showFields, onMessage }: WorkflowControlsProps) {
  const { t } = useTranslation();
  const { profile, grant } = useProfile();
  const [step, setStep] = useState<ChosenAction | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const view = { ...workflow.record, embargoAt };

  const prepare = useCallback(async () => ((await autosave.flush()) ? autosave.baseRevision : null), [autosave]);

  const hashFor = (action: ChosenAction): string | undefined => {
    if (action === 'approve') return approvalHash(readContent());
    if (action === 'publish' || action === 'schedule') return workflow.record.approval?.hash;
    return undefined;
  };

  const goTo = (item: PreflightItem) => {
    setStep(null);
    showFields();
    // After the dialog is gone and the fields are shown again.
    requestAnimationFrame(() => {
      if (!focusPreflightTarget(document, item)) opener.current?.focus();
    });
  };

  return (
    <div ref={bar} className="workflow-controls" tabIndex={-1}>
      <WorkflowBar
        view={view}
        roles={profile?.roles ?? []}
        grant={grant?.capabilities ?? null}
        onChoose={(action, button) => {
          opener.current = button;
          setStep(action);
        }}
      />
      {step ? (
        <StepDialog
          documentId={documentId}
          action={step}
          images={images}
          embargoAt={embargoAt}
          prepare={prepare}
          approvalHash={() => hashFor(step)}
          onCancel={() => {
            setStep(null);
            opener.current?.focus();
          }}
          onGoTo={goTo}
          onDone={(document) => {
            autosave.adoptRevision(document.revision);
            workflow.adopt(document);
            setStep(null);
            const at = document.embargoAt ? { date: formatDate(document.embargoAt), time: formatTime(document.embargoAt) } : { date: '', time: '' };
            onMessage(t(`workflow.done.${step}`, at));
            // The button pressed is usually gone with the old status: the next step, or the bar.
            requestAnimationFrame(() => (bar.current?.querySelector<HTMLElement>('[data-workflow-action]') ?? bar.current)?.focus());
          }}
        />
      ) : null}
    </div>
  );
}
