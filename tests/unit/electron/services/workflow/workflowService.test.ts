import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../../electron/services/eventBus';
import { Library } from '../../../../../electron/services/library/library';
import { silentLogger } from '../../../../../electron/services/logger';
import { OutboxStore } from '../../../../../electron/services/outbox/outboxStore';
import { localGrantSource } from '../../../../../electron/services/profiles/currentGrant';
import { ProfileStore } from '../../../../../electron/services/profiles/profileStore';
import { SettingsService, type Notice } from '../../../../../electron/services/settingsService';
import { languageBlocks, WorkflowService, type TransitionRequest } from '../../../../../electron/services/workflow/workflowService';
import type { Document } from '../../../../../shared/domain/document';
import type { LanguageBlock } from '../../../../../shared/domain/language';
import { DEFAULT_LIBRARY_QUERY } from '../../../../../shared/domain/libraryQuery';
import type { Role } from '../../../../../shared/domain/vocabulary';
import { approvalHash } from '../../../../../shared/domain/workflow';
import { err, ok } from '../../../../../shared/ipc/result';
import { content, TestClock } from '../../../support/libraryFixture';

/** Marks "feilstava" as a spelling error and "ikke" as Bokmål in Nynorsk text; `down` makes the checker fail. */
function fakeLanguage() {
  const state = { down: false, calls: 0 };
  const check = async (_maalform: 'nb' | 'nn', blocks: readonly LanguageBlock[]) => {
    state.calls++;
    if (state.down) return err('language_unavailable', 'no dictionary');
    return ok({
      blocks: blocks.map(({ key, text }) => ({
        key,
        stats: { words: 0, thisForm: 0, otherForm: 0 },
        issues: [...text.matchAll(/feilstava|ikke/g)].map((m) => ({
          kind: m[0] === 'ikke' ? ('maalform' as const) : ('spelling' as const),
          from: m.index,
          to: m.index + m[0].length,
          word: m[0],
          suggestion: null,
        })),
      })),
    });
  };
  return { check, state };
}

async function setUp(dir?: string) {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'melding-workflow-')));
  const clock = new TestClock(Date.parse('2026-06-10T08:00:00Z'));
  const bus = new EventBus();
  const events: [string, unknown][] = [];
  bus.subscribe((event, payload) => events.push([event, payload]));
  const notices: Notice[] = [];
  const settings = await SettingsService.open(dataDir, bus, silentLogger, notices);
  const profiles = await ProfileStore.open(dataDir, { bus, logger: silentLogger, newId: randomUUID, settings, systemUserName: () => 'kari' }, notices);
  const library = await Library.open(
    { dir: join(dataDir, 'library'), bus, logger: silentLogger, now: clock.now, newId: randomUUID, author: () => ({ name: profiles.active().name, email: profiles.active().email }), actor: () => profiles.actor() },
    notices,
  );
  const outbox = await OutboxStore.open(dataDir, { bus, logger: silentLogger, now: clock.now, newId: randomUUID }, notices);
  const language = fakeLanguage();
  const workflow = new WorkflowService({ library, outbox, profiles, settings, language, grants: localGrantSource(clock.now), logger: silentLogger, now: clock.now, newId: randomUUID });

  // Kari writes, Ola edits (approves), Per publishes.
  const kari = profiles.active();
  await profiles.save({ ...kari, name: 'Kari Skribent', roles: ['skribent'] });
  const save = async (name: string, roles: Role[]) => {
    const r = await profiles.save({ id: null, name, email: '', roles });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const ola = await save('Ola Redaktør', ['redaktor']);
  const per = await save('Per Publiserer', ['publiserer']);
  const as = async (profileId: string) => {
    const r = await profiles.activate(profileId);
    if (!r.ok) throw new Error(r.error.message);
  };
  return { dataDir, clock, events, notices, settings, profiles, library, outbox, language, workflow, kari: kari.id, ola: ola.id, per: per.id, as };
}

type World = Awaited<ReturnType<typeof setUp>>;

const COMPLETE = content({
  title: 'Nytt tilskot til kystkulturen',
  ingress: 'Regjeringa aukar tilskotet.',
  contacts: [{ contactId: null, name: 'Per Pressevakt', roleNb: 'pressevakt', roleNn: 'pressevakt', phone: '+47 22 24 90 90', email: '' }],
});

async function writeDoc(w: World, overrides: Partial<typeof COMPLETE> = {}): Promise<Document> {
  const created = await w.library.create({ type: 'pressemelding', maalform: 'nn' });
  if (!created.ok) throw new Error(created.error.message);
  const saved = await w.library.save(created.value.id, 0, { ...COMPLETE, ...overrides });
  if (!saved.ok) throw new Error(saved.error.message);
  return current(w, created.value.id);
}

async function current(w: World, id: string): Promise<Document> {
  const got = await w.library.get(id);
  if (!got.ok) throw new Error(got.error.message);
  return got.value.document;
}

async function step(w: World, doc: Document, action: TransitionRequest['action'], extra: Partial<TransitionRequest> = {}) {
  return w.workflow.transition({ id: doc.id, action, comment: '', baseRevision: doc.revision, acceptSpelling: false, ...extra });
}

async function must(result: Awaited<ReturnType<typeof step>>): Promise<Document> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const queue = (w: World, q: 'all' | 'toApprove' | 'returnedToMe' | 'scheduled') => {
  const me = w.profiles.active();
  return w.library.list({ ...DEFAULT_LIBRARY_QUERY, queue: q }, 0, 50, { profileId: me.id, roles: me.roles }).items.map((s) => s.id);
};

describe('WorkflowService', () => {
  it('walks a press release from writer to editor and back, and on to approval, recording and queueing every step', async () => {
    const w = await setUp();
    let doc = await writeDoc(w);

    doc = await must(await step(w, doc, 'submit', { comment: 'Klar til lesing.' }));
    expect(doc.status).toBe('til_godkjenning');
    expect(w.outbox.list({ documentId: doc.id }).map((j) => [j.action, j.actor.profileId, j.docRevision, j.comment, j.backendId])).toEqual([
      ['submit', w.kari, doc.revision, 'Klar til lesing.', 'local-site'],
    ]);
    expect(queue(w, 'toApprove')).toEqual([]); // Kari is no editor

    await w.as(w.ola);
    expect(queue(w, 'toApprove')).toEqual([doc.id]);
    const noComment = await step(w, doc, 'return');
    expect(noComment.ok ? null : noComment.error.code).toBe('workflow_comment_required');
    doc = await must(await step(w, doc, 'return', { comment: 'Ingressen må seie kor mykje.' }));
    expect(doc.status).toBe('returnert');
    expect(queue(w, 'toApprove')).toEqual([]);
    expect(queue(w, 'returnedToMe')).toEqual([]); // Ola did not send it

    await w.as(w.kari);
    expect(queue(w, 'returnedToMe')).toEqual([doc.id]);
    const fixed = await w.workflow.save(doc.id, doc.revision, { ...COMPLETE, ingress: 'Regjeringa aukar tilskotet med 20 millionar.' });
    expect(fixed).toMatchObject({ ok: true, value: { status: 'returnert', revoked: false } });
    doc = await current(w, doc.id);
    doc = await must(await step(w, doc, 'submit'));

    await w.as(w.ola);
    doc = await must(await step(w, doc, 'approve', { approvalHash: approvalHash(doc) }));
    expect(doc.status).toBe('godkjent');
    expect(doc.approval).toMatchObject({ hash: approvalHash(doc), by: { profileId: w.ola, name: 'Ola Redaktør' }, docRevision: doc.revision });
    expect(doc.audit.map((a) => [a.action, a.from, a.to, a.actor.name])).toEqual([
      ['submit', 'utkast', 'til_godkjenning', 'Kari Skribent'],
      ['return', 'til_godkjenning', 'returnert', 'Ola Redaktør'],
      ['submit', 'returnert', 'til_godkjenning', 'Kari Skribent'],
      ['approve', 'til_godkjenning', 'godkjent', 'Ola Redaktør'],
    ]);
    expect(w.outbox.list({ documentId: doc.id }).map((j) => j.action)).toEqual(['submit', 'return', 'submit', 'approve']);
    expect(w.library.summary(doc.id)).toMatchObject({ status: 'godkjent', submittedBy: w.kari, approvedBy: w.ola, publishedAt: null });
    // Every step left a snapshot in the history.
    const history = await w.library.revisionList(doc.id);
    expect(history.ok && history.value.filter((r) => r.kind === 'status')).toHaveLength(4);
  });

  it('revokes an approval when the text is edited afterwards, visibly and queued', async () => {
    const w = await setUp();
    await w.as(w.ola);
    let doc = await writeDoc(w);
    doc = await must(await step(w, doc, 'submit'));
    doc = await must(await step(w, doc, 'approve'));

    // The internal note is not published: no revocation.
    const note = await w.workflow.save(doc.id, doc.revision, { ...COMPLETE, internalNote: 'Ring før ti.' });
    expect(note).toMatchObject({ ok: true, value: { status: 'godkjent', revoked: false } });
    doc = await current(w, doc.id);

    const edit = await w.workflow.save(doc.id, doc.revision, { ...COMPLETE, internalNote: 'Ring før ti.', title: 'Nytt og større tilskot' });
    expect(edit).toMatchObject({ ok: true, value: { status: 'til_godkjenning', revoked: true } });
    doc = await current(w, doc.id);
    expect(doc.approval).toBeNull();
    expect(doc.audit.at(-1)).toMatchObject({ action: 'revoke', from: 'godkjent', to: 'til_godkjenning', actor: { profileId: w.ola } });
    expect(w.outbox.list({ documentId: doc.id }).map((j) => j.action)).toEqual(['submit', 'approve', 'revoke']);
    // Survives a restart.
    await w.library.close();
    const again = await setUp(w.dataDir);
    const reread = await again.library.get(doc.id);
    expect(reread.ok && [reread.value.document.status, reread.value.document.approval]).toEqual(['til_godkjenning', null]);
    await again.library.close();
  });

  it('an edit that revokes the approval drops the publish still waiting to be sent, so the revoke is not held behind it', async () => {
    const w = await setUp();
    await w.as(w.ola);
    let doc = await writeDoc(w);
    doc = await must(await step(w, doc, 'submit'));
    doc = await must(await step(w, doc, 'approve'));
    await w.as(w.per);
    doc = await must(await step(w, doc, 'publish'));
    expect(w.outbox.list({ documentId: doc.id }).map((j) => j.action)).toEqual(['submit', 'approve', 'publish']);

    await w.as(w.ola);
    const edit = await w.workflow.save(doc.id, doc.revision, { ...COMPLETE, title: 'Nytt og større tilskot' });
    expect(edit).toMatchObject({ ok: true, value: { status: 'til_godkjenning', revoked: true } });
    // The publish carried the approval the edit revoked: it would only stop at the approval check.
    expect(w.outbox.list({ documentId: doc.id }).map((j) => j.action)).toEqual(['submit', 'approve', 'revoke']);
  });

  it('revokes an approval when an older version is restored from the history', async () => {
    const w = await setUp();
    await w.as(w.ola);
    let doc = await writeDoc(w);
    const first = await w.library.snapshot(doc.id, 'manual');
    if (!first.ok) throw new Error(first.error.message);
    await w.workflow.save(doc.id, doc.revision, { ...COMPLETE, title: 'Betre tittel' });
    doc = await current(w, doc.id);
    doc = await must(await step(w, doc, 'submit'));
    doc = await must(await step(w, doc, 'approve'));
    const restored = await w.library.restore(doc.id, first.value.id, doc.revision);
    expect(restored.ok && [restored.value.title, restored.value.status, restored.value.approval]).toEqual([COMPLETE.title, 'til_godkjenning', null]);
  });

  it('lets a publisher schedule, not publish, before the sperrefrist, and publish once it has passed', async () => {
    const w = await setUp();
    const embargoAt = '2026-06-10T10:00:00.000Z'; // 12.00 in Oslo; the clock is at 10.00 Oslo
    await w.as(w.ola);
    let doc = await writeDoc(w, { embargoAt });
    doc = await must(await step(w, doc, 'submit'));
    doc = await must(await step(w, doc, 'approve'));

    await w.as(w.per);
    const early = await step(w, doc, 'publish');
    expect(early.ok ? null : early.error.code).toBe('embargo_not_passed');
    const scheduled = await must(await step(w, doc, 'schedule', { approvalHash: doc.approval?.hash }));
    expect(scheduled.status).toBe('planlagt');
    const job = w.outbox.list({ documentId: doc.id }).at(-1);
    expect([job?.action, job?.approvalHash]).toEqual(['schedule', approvalHash(doc)]);
    expect(queue(w, 'scheduled')).toEqual([doc.id]);

    doc = await must(await step(w, scheduled, 'unschedule'));
    w.clock.ms = Date.parse(embargoAt);
    doc = await must(await step(w, doc, 'publish'));
    expect([doc.status, doc.publishedAt]).toEqual(['publisert', embargoAt]);
    expect(w.library.summary(doc.id)?.publishedAt).toBe(embargoAt);
    expect(w.outbox.list({ documentId: doc.id }).at(-1)).toMatchObject({ action: 'publish', approvalHash: approvalHash(doc) });
  });

  it('refuses steps the active profile has no role for, changing nothing and queueing nothing', async () => {
    const w = await setUp();
    let doc = await writeDoc(w);
    doc = await must(await step(w, doc, 'submit'));
    const before = w.outbox.list().length;
    for (const action of ['approve', 'return', 'publish'] as const) {
      const refused = await step(w, doc, action, { comment: 'x' });
      expect(refused.ok ? null : refused.error.code).toBe('workflow_not_allowed');
    }
    expect(w.outbox.list()).toHaveLength(before);
    expect((await current(w, doc.id)).revision).toBe(doc.revision);
  });

  it('refuses a step on a stale revision or a document in the bin', async () => {
    const w = await setUp();
    let doc = await writeDoc(w);
    const stale = await w.workflow.transition({ id: doc.id, action: 'submit', comment: '', baseRevision: doc.revision - 1, acceptSpelling: false });
    expect(stale.ok ? null : stale.error.code).toBe('document_conflict');
    await w.library.trash(doc.id);
    doc = await current(w, doc.id);
    const binned = await step(w, doc, 'submit');
    expect(binned.ok ? null : binned.error.code).toBe('document_in_bin');
  });

  it('runs the pre-flight checklist on the server: blocking items stop the step, accepted spelling does not', async () => {
    const w = await setUp();
    let doc = await writeDoc(w, { title: '', ingress: 'Ein feilstava ingress som ikke er nynorsk.' });
    const preflight = await w.workflow.preflight(doc.id, 'submit');
    expect(preflight.ok && preflight.value.items.filter((i) => !i.ok).map((i) => [i.id, i.severity, i.count])).toEqual([
      ['title', 'blocking', undefined],
      ['spelling', 'blocking', 1],
      ['maalform', 'warning', 1],
    ]);
    const blocked = await step(w, doc, 'submit');
    expect(blocked.ok ? null : blocked.error).toEqual({ code: 'preflight_blocked', message: 'Blocking checks: title, spelling' });

    const saved = await w.workflow.save(doc.id, doc.revision, { ...COMPLETE, ingress: 'Ein feilstava ingress.' });
    expect(saved.ok).toBe(true);
    doc = await current(w, doc.id);
    const stillBlocked = await step(w, doc, 'submit');
    expect(stillBlocked.ok ? null : stillBlocked.error.code).toBe('preflight_blocked');
    doc = await must(await step(w, doc, 'submit', { acceptSpelling: true }));
    expect(doc.status).toBe('til_godkjenning');
  });

  it('goes on without the language items when the checker is down', async () => {
    const w = await setUp();
    const doc = await writeDoc(w, { ingress: 'Ein feilstava ingress.' });
    w.language.state.down = true;
    const preflight = await w.workflow.preflight(doc.id, 'submit');
    expect(preflight.ok && preflight.value.items.map((i) => i.check)).not.toContain('spelling');
    expect((await step(w, doc, 'submit')).ok).toBe(true);
  });

  it('runs no checklist for steps that need none', async () => {
    const w = await setUp();
    let doc = await writeDoc(w);
    doc = await must(await step(w, doc, 'submit'));
    const calls = w.language.state.calls;
    doc = await must(await step(w, doc, 'withdrawSubmission'));
    expect(doc.status).toBe('utkast');
    expect(w.language.state.calls).toBe(calls);
  });

  it('rebuilds a library index of the older summary format silently, with the workflow fields', async () => {
    const w = await setUp();
    await w.as(w.ola);
    let doc = await writeDoc(w);
    doc = await must(await step(w, doc, 'submit'));
    await w.library.close();
    const dir = join(w.dataDir, 'library');
    const old = { format: 1, entries: [{ ...w.library.summary(doc.id), publishedAt: undefined, submittedBy: undefined, approvedBy: undefined }] };
    await writeFile(join(dir, 'index.json'), JSON.stringify(old));
    const again = await setUp(w.dataDir);
    expect(again.notices.map((n) => n.code)).not.toContain('library_index_rebuilt');
    expect(again.library.summary(doc.id)).toMatchObject({ status: 'til_godkjenning', submittedBy: w.ola, approvedBy: null, publishedAt: null });
    expect(await readdir(dir)).not.toContain('index.journal');
    await again.library.close();
  });
});

describe('languageBlocks', () => {
  it('sends title, ingress and each text block of the body, nested ones included', () => {
    const blocks = languageBlocks({
      title: 'Tittel',
      ingress: ' ',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mellomtittel' }] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punkt' }] }] }] },
          { type: 'paragraph' },
        ],
      },
    });
    expect(blocks).toEqual([
      { key: 'title', text: 'Tittel' },
      { key: 'b0', text: 'Mellomtittel' },
      { key: 'b1', text: 'Punkt' },
    ]);
  });
});
