import { describe, expect, it } from 'vitest';
import type { BackendCapabilities } from '../../../../shared/domain/backendGrant';
import { DocumentSchema } from '../../../../shared/domain/document';
import { WORKFLOW_STATUSES, type Role, type WorkflowAction, type WorkflowStatus } from '../../../../shared/domain/vocabulary';
import {
  allowedActions,
  approvalHash,
  approvalHolds,
  CHOSEN_ACTIONS,
  lastSubmitter,
  reviseAfterEdit,
  transition,
  type ChosenAction,
} from '../../../../shared/domain/workflow';
import { counter, docIn, KARI, NOW, OLA, ROLE_SETS } from '../../support/workflowFixtures';

/**
 * The table of the contract, written out by hand (not derived from WORKFLOW_RULES): what each
 * single role may do from each status, with no sperrefrist. A person with several roles may do
 * the union.
 */
const BY_ROLE: Record<Role, Record<WorkflowStatus, ChosenAction[]>> = {
  skribent: {
    utkast: ['submit'],
    til_godkjenning: ['withdrawSubmission'],
    godkjent: [],
    planlagt: [],
    publisert: [],
    returnert: ['submit', 'reopen'],
    avpublisert: ['reopen'],
  },
  redaktor: {
    utkast: ['submit'],
    til_godkjenning: ['withdrawSubmission', 'return', 'approve'],
    godkjent: [],
    planlagt: ['unschedule'],
    publisert: ['unpublish'],
    returnert: ['submit', 'reopen'],
    avpublisert: ['reopen'],
  },
  publiserer: {
    utkast: [],
    til_godkjenning: [],
    godkjent: ['publish'],
    planlagt: ['unschedule'],
    publisert: ['unpublish'],
    returnert: [],
    avpublisert: [],
  },
};

const TARGET: Record<ChosenAction, WorkflowStatus> = {
  submit: 'til_godkjenning',
  withdrawSubmission: 'utkast',
  return: 'returnert',
  approve: 'godkjent',
  reopen: 'utkast',
  publish: 'publisert',
  schedule: 'planlagt',
  unschedule: 'godkjent',
  unpublish: 'avpublisert',
};

const expectedFor = (status: WorkflowStatus, roles: readonly Role[], table = BY_ROLE): Set<ChosenAction> =>
  new Set(roles.flatMap((role) => table[role][status]));

/** The same table under a sperrefrist still ahead: a publisher schedules instead of publishing. */
const UNDER_EMBARGO: typeof BY_ROLE = {
  ...BY_ROLE,
  publiserer: { ...BY_ROLE.publiserer, godkjent: ['schedule'] },
};

const EMBARGO_AHEAD = '2026-06-10T12:00:00.000Z';
const EMBARGO_PASSED = '2026-06-10T09:00:00.000Z';

const sorted = (actions: Iterable<string>) => [...actions].sort();

describe('allowedActions: every status × every combination of roles', () => {
  const cases = WORKFLOW_STATUSES.flatMap((status) => ROLE_SETS.map((roles) => [status, roles] as const));
  it('covers 7 statuses × 7 role sets', () => expect(cases).toHaveLength(49));

  it.each(cases)('%s as %j, no sperrefrist', (status, roles) => {
    expect(sorted(allowedActions(docIn(status), roles, NOW))).toEqual(sorted(expectedFor(status, roles)));
  });

  it.each(cases)('%s as %j, sperrefrist ahead', (status, roles) => {
    const doc = docIn(status, { embargoAt: EMBARGO_AHEAD });
    expect(sorted(allowedActions(doc, roles, NOW))).toEqual(sorted(expectedFor(status, roles, UNDER_EMBARGO)));
  });

  it.each(cases)('%s as %j, sperrefrist passed', (status, roles) => {
    const doc = docIn(status, { embargoAt: EMBARGO_PASSED });
    expect(sorted(allowedActions(doc, roles, NOW))).toEqual(sorted(expectedFor(status, roles)));
  });

  it('never offers revoke', () => {
    for (const [status, roles] of cases) expect(allowedActions(docIn(status), roles, NOW)).not.toContain('revoke');
  });
});

describe('transition: every status × action × role set, allowed and refused', () => {
  const cases = WORKFLOW_STATUSES.flatMap((status) => CHOSEN_ACTIONS.flatMap((action) => ROLE_SETS.map((roles) => [status, action, roles] as const)));
  it('covers 7 × 9 × 7 cases', () => expect(cases).toHaveLength(441));

  it.each(cases)('%s --%s--> as %j', (status, action, roles) => {
    const doc = docIn(status);
    const result = transition(doc, action, { actor: KARI, roles }, NOW, { comment: 'Ein kommentar', newId: counter() });
    if (!expectedFor(status, roles).has(action)) {
      // Schedule is refused without a sperrefrist even where the role and status would allow it.
      expect(result).toEqual({ ok: false, error: { code: 'workflow_not_allowed', message: expect.any(String) } });
      return;
    }
    if (!result.ok) throw new Error(`expected ${action} from ${status} to be allowed: ${result.error.message}`);
    const next = result.value;
    expect(next.status).toBe(TARGET[action]);
    expect(next.revision).toBe(doc.revision + 1);
    expect(next.updatedAt).toBe(NOW.toISOString());
    expect(next.audit).toEqual([
      { id: 'id-1', at: NOW.toISOString(), actor: KARI, action, from: status, to: TARGET[action], comment: 'Ein kommentar', docRevision: doc.revision + 1 },
    ]);
    // The content never changes in a workflow step.
    expect(approvalHash(next)).toBe(approvalHash(doc));
    expect(DocumentSchema.safeParse(next).success).toBe(true);
    // An approval exists exactly in the approved statuses.
    expect(next.approval !== null).toBe(['godkjent', 'planlagt', 'publisert'].includes(next.status));
  });

  it('schedules under a sperrefrist ahead, for every role set holding publiserer', () => {
    for (const roles of ROLE_SETS) {
      const result = transition(docIn('godkjent', { embargoAt: EMBARGO_AHEAD }), 'schedule', { actor: KARI, roles }, NOW, { comment: '', newId: counter() });
      expect(result.ok).toBe(roles.includes('publiserer'));
      if (result.ok) expect(result.value.status).toBe('planlagt');
    }
  });

  it('refuses revoke as a chosen step, whoever asks', () => {
    for (const status of WORKFLOW_STATUSES) {
      const result = transition(docIn(status), 'revoke', { actor: KARI, roles: ['skribent', 'redaktor', 'publiserer'] }, NOW, { comment: '', newId: counter() });
      expect(result.ok ? null : result.error.code).toBe('workflow_not_allowed');
    }
  });
});

describe('transition: the rules beyond status and role', () => {
  const editor = { actor: OLA, roles: ['redaktor'] as Role[] };
  const publisher = { actor: OLA, roles: ['publiserer'] as Role[] };

  it('requires a comment to return a document, blank or whitespace alike', () => {
    for (const comment of ['', '   \n ']) {
      const result = transition(docIn('til_godkjenning'), 'return', editor, NOW, { comment, newId: counter() });
      expect(result.ok ? null : result.error.code).toBe('workflow_comment_required');
    }
    const returned = transition(docIn('til_godkjenning'), 'return', editor, NOW, { comment: '  Skriv om ingressen. ', newId: counter() });
    expect(returned.ok && returned.value.audit.at(-1)?.comment).toBe('Skriv om ingressen.');
  });

  it('records the approval bound to the text, by whom, when and at which revision', () => {
    const doc = docIn('til_godkjenning');
    const result = transition(doc, 'approve', editor, NOW, { comment: '', newId: counter() });
    expect(result.ok && result.value.approval).toEqual({ hash: approvalHash(doc), by: OLA, at: NOW.toISOString(), docRevision: doc.revision + 1 });
  });

  it('refuses an approval of a text other than the one the editor read', () => {
    const doc = docIn('til_godkjenning');
    const stale = approvalHash({ ...doc, title: 'Det gamle titlet' });
    const result = transition(doc, 'approve', editor, NOW, { comment: '', newId: counter(), approvalHash: stale });
    expect(result.ok ? null : result.error.code).toBe('approval_mismatch');
    expect(transition(doc, 'approve', editor, NOW, { comment: '', newId: counter(), approvalHash: approvalHash(doc) }).ok).toBe(true);
  });

  it('refuses to publish or schedule a text that differs from the approved one', () => {
    const changed = { ...docIn('godkjent'), title: 'Endra etter godkjenninga' };
    expect(approvalHolds(changed)).toBe(false);
    const published = transition(changed, 'publish', publisher, NOW, { comment: '', newId: counter() });
    expect(published.ok ? null : published.error.code).toBe('approval_mismatch');
    const scheduled = transition({ ...changed, embargoAt: EMBARGO_AHEAD }, 'schedule', publisher, NOW, { comment: '', newId: counter() });
    expect(scheduled.ok ? null : scheduled.error.code).toBe('approval_mismatch');
    const noApproval = transition({ ...docIn('godkjent'), approval: null }, 'publish', publisher, NOW, { comment: '', newId: counter() });
    expect(noApproval.ok ? null : noApproval.error.code).toBe('approval_mismatch');
  });

  it('neither offers nor allows publishing a document in godkjent without an approval (from before approvals existed)', () => {
    const legacy = docIn('godkjent', { approval: null });
    expect(allowedActions(legacy, ['publiserer'], NOW)).toEqual([]);
    expect(allowedActions({ ...legacy, embargoAt: EMBARGO_AHEAD }, ['publiserer'], NOW)).toEqual([]);
    const result = transition(legacy, 'publish', publisher, NOW, { comment: '', newId: counter() });
    expect(result.ok ? null : result.error.code).toBe('approval_mismatch');
    // Its first edit sends it back for approval, so it is not stuck.
    const edited = reviseAfterEdit(legacy, { ...legacy, title: 'Ny', revision: legacy.revision + 1 }, KARI, NOW, counter());
    expect([edited.revoked, edited.document.status]).toEqual([true, 'til_godkjenning']);
  });

  it('refuses to publish when the approval the publisher saw is not the current one', () => {
    const doc = docIn('godkjent');
    const result = transition(doc, 'publish', publisher, NOW, { comment: '', newId: counter(), approvalHash: 'b'.repeat(64) });
    expect(result.ok ? null : result.error.code).toBe('approval_mismatch');
  });

  it('refuses to publish before the sperrefrist and allows it from that very instant', () => {
    const doc = docIn('godkjent', { embargoAt: EMBARGO_AHEAD });
    const early = transition(doc, 'publish', publisher, new Date(Date.parse(EMBARGO_AHEAD) - 1), { comment: '', newId: counter() });
    expect(early.ok ? null : early.error.code).toBe('embargo_not_passed');
    const onTime = transition(doc, 'publish', publisher, new Date(EMBARGO_AHEAD), { comment: '', newId: counter() });
    expect(onTime.ok && onTime.value.publishedAt).toBe(EMBARGO_AHEAD);
  });

  it('refuses to schedule without a sperrefrist ahead', () => {
    for (const embargoAt of [null, EMBARGO_PASSED]) {
      const result = transition(docIn('godkjent', { embargoAt }), 'schedule', publisher, NOW, { comment: '', newId: counter() });
      expect(result.ok ? null : result.error.code).toBe('workflow_not_allowed');
    }
  });

  it('clears the publication time and the approval when a text is taken down', () => {
    const result = transition(docIn('publisert'), 'unpublish', publisher, NOW, { comment: '', newId: counter() });
    expect(result.ok && [result.value.publishedAt, result.value.approval]).toEqual([null, null]);
  });

  it('keeps the approval through scheduling and cancelling it', () => {
    const scheduled = transition(docIn('godkjent', { embargoAt: EMBARGO_AHEAD }), 'schedule', publisher, NOW, { comment: '', newId: counter() });
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    const back = transition(scheduled.value, 'unschedule', publisher, NOW, { comment: '', newId: counter() });
    expect(back.ok && back.value.status).toBe('godkjent');
    expect(back.ok && approvalHolds(back.value)).toBe(true);
  });
});

describe('the backend grant', () => {
  const all: BackendCapabilities = { submit: true, approve: true, publish: true, uploadMedia: true, unpublish: true };
  const everyone: Role[] = ['skribent', 'redaktor', 'publiserer'];
  const cases: [keyof BackendCapabilities, WorkflowStatus, ChosenAction[]][] = [
    ['submit', 'utkast', ['submit']],
    ['approve', 'til_godkjenning', ['approve', 'return']],
    ['publish', 'godkjent', ['publish']],
    ['publish', 'planlagt', ['unschedule']],
    ['unpublish', 'publisert', ['unpublish']],
  ];

  it.each(cases)('without %s, %s loses %j', (capability, status, lost) => {
    const grant = { ...all, [capability]: false };
    const withGrant = allowedActions(docIn(status), everyone, NOW, all);
    const without = allowedActions(docIn(status), everyone, NOW, grant);
    expect(sorted(withGrant.filter((a) => !without.includes(a)))).toEqual(sorted(lost));
    for (const action of lost) {
      const result = transition(docIn(status), action, { actor: KARI, roles: everyone }, NOW, { comment: 'x', newId: counter(), grant });
      expect(result.ok ? null : result.error.code).toBe('workflow_not_allowed');
    }
  });

  it('leaves the purely local steps to the roles alone', () => {
    const none: BackendCapabilities = { submit: false, approve: false, publish: false, uploadMedia: false, unpublish: false };
    expect(allowedActions(docIn('til_godkjenning'), everyone, NOW, none)).toEqual(['withdrawSubmission']);
    expect(allowedActions(docIn('returnert'), everyone, NOW, none)).toEqual(['reopen']);
    expect(allowedActions(docIn('avpublisert'), everyone, NOW, none)).toEqual(['reopen']);
  });
});

describe('reviseAfterEdit', () => {
  const edit = (status: WorkflowStatus, change: Parameters<typeof docIn>[1]) => {
    const before = docIn(status);
    const after = { ...before, ...change, revision: before.revision + 1 };
    return { before, result: reviseAfterEdit(before, after, KARI, NOW, counter('rev')) };
  };

  it.each(['godkjent', 'planlagt', 'publisert'] as const)('revokes the approval of a %s document whose text changed', (status) => {
    const { before, result } = edit(status, { ingress: 'Ein ny ingress.' });
    expect(result.revoked).toBe(true);
    expect(result.document.status).toBe('til_godkjenning');
    expect(result.document.approval).toBeNull();
    expect(result.document.audit.at(-1)).toEqual({
      id: 'rev-1',
      at: NOW.toISOString(),
      actor: KARI,
      action: 'revoke',
      from: status,
      to: 'til_godkjenning',
      comment: '',
      docRevision: before.revision + 1,
    });
  });

  it('keeps a published document linked to the site and its publication time', () => {
    const remote = { backend: 'local-site', remoteId: '42', remoteVersion: '1', url: null };
    const before = docIn('publisert', { remote });
    const result = reviseAfterEdit(before, { ...before, title: 'Retta tittel', revision: before.revision + 1 }, KARI, NOW, counter());
    expect([result.document.remote, result.document.publishedAt]).toEqual([remote, before.publishedAt]);
  });

  it('leaves an approval alone when only the internal note changed', () => {
    const { result } = edit('godkjent', { internalNote: 'Ring departementsråden før kl. 10.' });
    expect(result.revoked).toBe(false);
    expect(result.document.status).toBe('godkjent');
  });

  it.each(['utkast', 'til_godkjenning', 'returnert', 'avpublisert'] as const)('has nothing to revoke in %s', (status) => {
    const { before, result } = edit(status, { title: 'Anna' });
    expect(result.revoked).toBe(false);
    expect(result.document.status).toBe(status);
    expect(result.document.audit).toEqual(before.audit);
  });
});

describe('lastSubmitter', () => {
  it('names the profile of the latest submit, or null', () => {
    expect(lastSubmitter([])).toBeNull();
    let doc = docIn('utkast');
    const step = (action: WorkflowAction, actor = KARI, roles: Role[] = ['skribent', 'redaktor']) => {
      const r = transition(doc, action, { actor, roles }, NOW, { comment: 'x', newId: counter() });
      if (!r.ok) throw new Error(r.error.message);
      doc = r.value;
    };
    step('submit');
    step('return', OLA);
    step('submit', OLA);
    expect(lastSubmitter(doc.audit)).toBe('ola');
  });
});
