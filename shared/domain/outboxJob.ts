import { z } from 'zod';
import { ERROR_CODES } from '../ipc/result';
import { ActorSchema } from './profile';
import { WORKFLOW_ACTIONS } from './vocabulary';

const IsoInstant = z.iso.datetime({ offset: true });

/**
 * What a job asks the backend to do: a workflow step as it was taken offline, or `sync` (send
 * the document's current text to where it already is on the site).
 */
export const OUTBOX_ACTIONS = [...WORKFLOW_ACTIONS, 'sync'] as const;
export type OutboxAction = (typeof OUTBOX_ACTIONS)[number];

/** The steps that carry an approval (`approvalHash`) and go out only while the text still matches it. */
export const APPROVAL_CARRYING_ACTIONS: readonly OutboxAction[] = ['publish', 'schedule'];

/**
 * waiting: to be sent (now or at `nextAttemptAt`); running: being sent; blocked: needs a person
 * (a conflict on the site, a refused right) and is not retried on its own; done: confirmed.
 */
export const OUTBOX_JOB_STATES = ['waiting', 'running', 'blocked', 'done'] as const;
export type OutboxJobState = (typeof OUTBOX_JOB_STATES)[number];

export const OutboxErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string().max(2000), at: IsoInstant }).strict();
export type OutboxError = z.infer<typeof OutboxErrorSchema>;

/** One remote operation, persisted until the backend has confirmed it. Its id is its idempotency key. */
export const OutboxJobSchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    action: z.enum(OUTBOX_ACTIONS),
    /** The backend chosen when the step was taken; null means the one configured when it runs. */
    backendId: z.string().max(200).nullable(),
    actor: ActorSchema,
    createdAt: IsoInstant,
    /** The document revision the step was taken on. */
    docRevision: z.number().int().nonnegative(),
    /** For publish and schedule: the approval the text must still match when it is sent. */
    approvalHash: z.string().regex(/^[a-f0-9]{64}$/).nullable(),
    comment: z.string().max(5000),
    state: z.enum(OUTBOX_JOB_STATES),
    attempts: z.number().int().nonnegative(),
    nextAttemptAt: IsoInstant,
    lastError: OutboxErrorSchema.nullable(),
    finishedAt: IsoInstant.nullable(),
    /**
     * After a conflict, the site's version a person chose to overwrite ("keep mine"): sent with
     * the job, so the site refuses it if the item changed yet again. Kept across restarts; cleared
     * when the job stops for a person again. Older files have none.
     */
    overwriteVersion: z.string().max(1000).nullable().default(null),
  })
  .strict();
export type OutboxJob = z.infer<typeof OutboxJobSchema>;

/** What a caller gives to queue a job; the store fills in the rest. */
export type NewOutboxJob = Pick<OutboxJob, 'documentId' | 'action' | 'backendId' | 'actor' | 'docRevision' | 'approvalHash' | 'comment'>;

export const OutboxFileSchema = z.object({ schemaVersion: z.literal(1), jobs: z.array(OutboxJobSchema) }).strict();
export type OutboxFile = z.infer<typeof OutboxFileSchema>;
