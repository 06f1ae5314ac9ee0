import { z } from 'zod';
import { ActorSchema } from './profile';
import { WORKFLOW_ACTIONS, WORKFLOW_STATUSES } from './vocabulary';

const IsoInstant = z.iso.datetime({ offset: true });

export const WorkflowActionSchema = z.enum(WORKFLOW_ACTIONS);

/**
 * An editor's approval, bound to exactly the text approved: `hash` is `approvalHash(doc)` (SHA-256
 * over the canonical published content), so any later change is detectable without the old text.
 */
export const ApprovalSchema = z
  .object({
    hash: z.string().regex(/^[a-f0-9]{64}$/),
    by: ActorSchema,
    at: IsoInstant,
    /** The document revision approved; its snapshot is kept in the history. */
    docRevision: z.number().int().nonnegative(),
  })
  .strict();
export type Approval = z.infer<typeof ApprovalSchema>;

/** One line of a document's audit log: who moved it from where to where, when, and why. */
export const AuditEntrySchema = z
  .object({
    id: z.string().min(1).max(64),
    at: IsoInstant,
    actor: ActorSchema,
    action: WorkflowActionSchema,
    from: z.enum(WORKFLOW_STATUSES),
    to: z.enum(WORKFLOW_STATUSES),
    comment: z.string().max(5000),
    /** The document revision the step was taken on. */
    docRevision: z.number().int().nonnegative(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
