/**
 * The workflow state machine: who may move a document from which status to which, and what the
 * step records. Pure and zod-free (the renderer imports it to offer only allowed actions); the
 * clock, ids and the acting person are parameters.
 */
import { err, ok, type Result } from '../ipc/result';
import { approvalHash } from './approvalHash';
import type { BackendCapabilities } from './backendGrant';
import type { Document } from './document';
import { canPublishNow } from './embargo';
import type { Actor } from './profile';
import type { AuditEntry } from './workflowRecord';
import { WORKFLOW_ACTIONS, type Role, type WorkflowAction, type WorkflowStatus } from './vocabulary';

export { approvalHash, canonicalJson, type ApprovedContent } from './approvalHash';

/** What the state machine needs to know of a document to say what may be done with it. */
export type WorkflowView = Pick<Document, 'status' | 'embargoAt' | 'approval' | 'publishedAt' | 'remote'>;

/** The actions a person can choose (`revoke` is taken by the workflow itself). */
export type ChosenAction = Exclude<WorkflowAction, 'revoke'>;

interface Rule {
  readonly from: readonly WorkflowStatus[];
  readonly to: WorkflowStatus;
  readonly roles: readonly Role[];
  /** What the backend must grant for the step to be accepted there; null: purely local. */
  readonly capability: keyof BackendCapabilities | null;
  /** Sperrefrist condition: `passed` (none, or its time has come), `ahead` (still in the future). */
  readonly embargo?: 'passed' | 'ahead';
}

/**
 * The transition table. A person holding several roles may take any step one of them allows.
 * The capability column keeps the app from offering what the backend will refuse: sending for
 * review needs the backend's submit, approving and returning its approve, publishing,
 * scheduling and cancelling a schedule its publish, and taking an item down its unpublish.
 */
export const WORKFLOW_RULES: { readonly [A in ChosenAction]: Rule } = {
  submit: { from: ['utkast', 'returnert'], to: 'til_godkjenning', roles: ['skribent', 'redaktor'], capability: 'submit' },
  withdrawSubmission: { from: ['til_godkjenning'], to: 'utkast', roles: ['skribent', 'redaktor'], capability: null },
  return: { from: ['til_godkjenning'], to: 'returnert', roles: ['redaktor'], capability: 'approve' },
  approve: { from: ['til_godkjenning'], to: 'godkjent', roles: ['redaktor'], capability: 'approve' },
  reopen: { from: ['returnert', 'avpublisert'], to: 'utkast', roles: ['skribent', 'redaktor'], capability: null },
  publish: { from: ['godkjent'], to: 'publisert', roles: ['publiserer'], capability: 'publish', embargo: 'passed' },
  schedule: { from: ['godkjent'], to: 'planlagt', roles: ['publiserer'], capability: 'publish', embargo: 'ahead' },
  unschedule: { from: ['planlagt'], to: 'godkjent', roles: ['publiserer', 'redaktor'], capability: 'publish' },
  unpublish: { from: ['publisert'], to: 'avpublisert', roles: ['publiserer', 'redaktor'], capability: 'unpublish' },
};

/** The chosen actions in the order a UI lists them. */
export const CHOSEN_ACTIONS: readonly ChosenAction[] = WORKFLOW_ACTIONS.filter((a): a is ChosenAction => a !== 'revoke');

/** Statuses in which a document carries an approval; everywhere else it is null. */
export const APPROVED_STATUSES: readonly WorkflowStatus[] = ['godkjent', 'planlagt', 'publisert'];

type Refusal = 'status' | 'role' | 'grant' | 'embargo' | 'approval';

function refusal(doc: WorkflowView, action: ChosenAction, roles: readonly Role[], now: Date, grant: BackendCapabilities | null | undefined): Refusal | null {
  const rule = WORKFLOW_RULES[action];
  if (!rule.from.includes(doc.status)) return 'status';
  if (!rule.roles.some((role) => roles.includes(role))) return 'role';
  if (grant && rule.capability && !grant[rule.capability]) return 'grant';
  if (rule.embargo === 'passed' && !canPublishNow(doc.embargoAt, now)) return 'embargo';
  if (rule.embargo === 'ahead' && canPublishNow(doc.embargoAt, now)) return 'embargo';
  // Only an approved text goes out (a document from before approvals existed has none).
  if (rule.embargo !== undefined && doc.approval === null) return 'approval';
  return null;
}

/**
 * The steps a person with `roles` may take on the document now. Never `revoke`. Without a
 * grant (no backend known yet) only the roles decide; with one, steps the backend would refuse
 * are left out. Under a sperrefrist still ahead `schedule` is offered instead of `publish`.
 */
export function allowedActions(doc: WorkflowView, roles: readonly Role[], now: Date, grant?: BackendCapabilities | null): ChosenAction[] {
  return CHOSEN_ACTIONS.filter((action) => refusal(doc, action, roles, now, grant) === null);
}

export interface WorkflowActor {
  readonly actor: Actor;
  readonly roles: readonly Role[];
}

export interface TransitionOptions {
  /** Why; required for `return`, optional otherwise. Trimmed. */
  readonly comment: string;
  readonly newId: () => string;
  /**
   * approve: the hash of the text the editor looked at; refused (approval_mismatch) if the
   * document has changed since. publish/schedule: the approval the publisher saw.
   */
  readonly approvalHash?: string;
  readonly grant?: BackendCapabilities | null;
}

/**
 * Takes one workflow step. Answers the next document (revision + 1, updatedAt = now, one more
 * audit entry) or a refusal: workflow_not_allowed (status, role or backend right; `revoke`
 * always), workflow_comment_required (return without a comment), embargo_not_passed (publish
 * before the sperrefrist; scheduling without a sperrefrist ahead is workflow_not_allowed),
 * approval_mismatch (publish or schedule of a text that is not the approved one).
 */
export function transition(doc: Document, action: WorkflowAction, who: WorkflowActor, now: Date, opts: TransitionOptions): Result<Document> {
  if (action === 'revoke') return err('workflow_not_allowed', 'An approval is revoked by editing the text, not chosen');
  const why = refusal(doc, action, who.roles, now, opts.grant);
  if (why === 'status') return err('workflow_not_allowed', `Cannot ${action} a document that is ${doc.status}`);
  if (why === 'role') return err('workflow_not_allowed', `${action} needs one of the roles ${WORKFLOW_RULES[action].roles.join(', ')}`);
  if (why === 'grant') return err('workflow_not_allowed', `The backend does not grant ${WORKFLOW_RULES[action].capability ?? ''}`);
  if (why === 'approval') return err('approval_mismatch', 'The document has no approval');
  if (why === 'embargo') {
    return action === 'publish'
      ? err('embargo_not_passed', `The sperrefrist ${doc.embargoAt ?? ''} has not passed`)
      : err('workflow_not_allowed', 'Only a document with a sperrefrist ahead can be scheduled');
  }
  const comment = opts.comment.trim();
  if (action === 'return' && comment === '') return err('workflow_comment_required', 'Say why the document is returned');

  const currentHash = approvalHash(doc);
  const at = now.toISOString();
  const revision = doc.revision + 1;
  const to = WORKFLOW_RULES[action].to;
  let next: Document = { ...doc, status: to, revision, updatedAt: at };

  switch (action) {
    case 'approve':
      if (opts.approvalHash !== undefined && opts.approvalHash !== currentHash) return err('approval_mismatch', 'The text changed after it was opened for approval');
      next = { ...next, approval: { hash: currentHash, by: { ...who.actor }, at, docRevision: revision } };
      break;
    case 'publish':
    case 'schedule':
      if (!doc.approval || doc.approval.hash !== currentHash) return err('approval_mismatch', 'The text differs from the approved one');
      if (opts.approvalHash !== undefined && opts.approvalHash !== doc.approval.hash) return err('approval_mismatch', 'The approval changed after it was opened');
      if (action === 'publish') next = { ...next, publishedAt: at };
      break;
    case 'unpublish':
      // Off the site: a fresh round of approval is needed before it goes out again.
      next = { ...next, publishedAt: null, approval: null };
      break;
    case 'unschedule':
      break;
    default:
      // submit, withdrawSubmission, return, reopen: nothing approved in the statuses they lead to.
      next = { ...next, approval: null };
  }
  return ok({ ...next, audit: [...doc.audit, auditEntry(opts.newId(), at, who.actor, action, doc.status, to, comment, revision)] });
}

/**
 * After a save: if the saved text no longer matches its approval, the approval is revoked and
 * the document goes back for approval (a published one stays on the site until it is approved
 * and published again; `remote` and `publishedAt` are kept). Answers `after` unchanged when
 * nothing approved was touched. `after` already carries the save's revision. A document in an
 * approved status without any approval (written before approvals existed) goes back as well.
 */
export function reviseAfterEdit(before: Document, after: Document, actor: Actor, now: Date, newId: () => string): { document: Document; revoked: boolean } {
  const approval = after.approval;
  // An approved status without an approval (a document from before approvals existed) goes back too.
  const stale = approval === null ? APPROVED_STATUSES.includes(after.status) : approval.hash !== approvalHash(after);
  if (!stale) return { document: after, revoked: false };
  const entry = auditEntry(newId(), now.toISOString(), actor, 'revoke', before.status, 'til_godkjenning', '', after.revision);
  return { document: { ...after, status: 'til_godkjenning', approval: null, audit: [...after.audit, entry] }, revoked: true };
}

/** True when the document has an approval and its text is still exactly the approved one. */
export function approvalHolds(doc: Document): boolean {
  return doc.approval !== null && doc.approval.hash === approvalHash(doc);
}

/** The profile that last sent the document for approval, or null. */
export function lastSubmitter(audit: readonly AuditEntry[]): string | null {
  for (let i = audit.length - 1; i >= 0; i--) if (audit[i]?.action === 'submit') return audit[i]?.actor.profileId ?? null;
  return null;
}

function auditEntry(id: string, at: string, actor: Actor, action: WorkflowAction, from: WorkflowStatus, to: WorkflowStatus, comment: string, docRevision: number): AuditEntry {
  return { id, at, actor: { ...actor }, action, from, to, comment, docRevision };
}
