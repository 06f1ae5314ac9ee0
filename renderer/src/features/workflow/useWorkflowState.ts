import { useCallback, useState } from 'react';
import type { Document } from '../../../../shared/domain/document';
import type { WorkflowStatus } from '../../../../shared/domain/vocabulary';
import type { WorkflowView } from '../../../../shared/domain/workflow';
import type { AuditEntry } from '../../../../shared/domain/workflowRecord';
import { api } from '../../lib/api';

export interface WorkflowRecord extends WorkflowView {
  readonly audit: readonly AuditEntry[];
}

export interface WorkflowState {
  readonly record: WorkflowRecord;
  /** A save revoked the approval; shown until dismissed or the next step. */
  readonly revoked: boolean;
  dismissRevoked(): void;
  /** A workflow step answered with the stored document. */
  adopt(document: Document): void;
  /** Every successful save reports here (the autosave's answer). */
  onSaved(saved: { readonly status: WorkflowStatus; readonly revoked: boolean }): void;
}

const recordOf = (d: Document): WorkflowRecord => ({ status: d.status, embargoAt: d.embargoAt, approval: d.approval, publishedAt: d.publishedAt, remote: d.remote, audit: d.audit });

/**
 * The open document's workflow facts (status, approval, log), kept apart from the text the
 * editor holds: a step or a revoking save changes them without reloading the editor.
 */
export function useWorkflowState(doc: Document): WorkflowState {
  const [record, setRecord] = useState<WorkflowRecord>(() => recordOf(doc));
  const [revoked, setRevoked] = useState(false);
  const id = doc.id;

  const refresh = useCallback(async () => {
    const result = await api.documents.get({ id });
    if (result.ok) setRecord(recordOf(result.value.document));
  }, [id]);

  const onSaved = useCallback(
    (saved: { readonly status: WorkflowStatus; readonly revoked: boolean }) => {
      if (saved.revoked) setRevoked(true);
      // The log and the approval changed with the status: fetch them rather than guess.
      setRecord((current) => {
        if (saved.revoked || saved.status !== current.status) void refresh();
        return current;
      });
    },
    [refresh],
  );

  const adopt = useCallback((document: Document) => {
    setRecord(recordOf(document));
    setRevoked(false);
  }, []);
  const dismissRevoked = useCallback(() => setRevoked(false), []);

  return { record, revoked, dismissRevoked, adopt, onSaved };
}
