/**
 * The closed sets of the domain as plain constants. The zod schemas are built from them; the
 * renderer uses these directly, so its first bundle does not carry zod.
 */
export const DOCUMENT_TYPES = ['pressemelding', 'nyhet', 'artikkel'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The written forms: one per document, never both. */
export const MAALFORMER = ['nb', 'nn'] as const;
export type Maalform = (typeof MAALFORMER)[number];

export const WORKFLOW_STATUSES = ['utkast', 'til_godkjenning', 'godkjent', 'planlagt', 'publisert', 'returnert', 'avpublisert'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** What a person may do in the unit: write, approve (redaktør), push to the site (publiserer). */
export const ROLES = ['skribent', 'redaktor', 'publiserer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The steps a person can take on a document. `revoke` is never offered: the workflow takes it
 * itself when an approved text changes.
 */
export const WORKFLOW_ACTIONS = ['submit', 'withdrawSubmission', 'return', 'approve', 'reopen', 'publish', 'schedule', 'unschedule', 'unpublish', 'revoke'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

function member<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const isDocumentType = member(DOCUMENT_TYPES);
export const isMaalform = member(MAALFORMER);
export const isWorkflowStatus = member(WORKFLOW_STATUSES);
export const isRole = member(ROLES);
export const isWorkflowAction = member(WORKFLOW_ACTIONS);
