import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../../electron/services/eventBus';
import { silentLogger } from '../../../../../electron/services/logger';
import { OutboxStore } from '../../../../../electron/services/outbox/outboxStore';
import type { Notice } from '../../../../../electron/services/settingsService';
import type { NewOutboxJob } from '../../../../../shared/domain/outboxJob';

const actor = { profileId: 'p1', name: 'Kari Nordmann', email: 'kari@dep.no' };
const docA = randomUUID();
const docB = randomUUID();
const job = (documentId: string, action: NewOutboxJob['action'] = 'submit'): NewOutboxJob => ({ documentId, action, backendId: null, actor, docRevision: 3, approvalHash: null, comment: '' });

async function open(dir?: string, clock = { t: Date.parse('2026-11-23T10:00:00Z') }) {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'melding-outbox-')));
  const bus = new EventBus();
  const events: unknown[] = [];
  bus.subscribe((event, payload) => events.push([event, payload]));
  const notices: Notice[] = [];
  const store = await OutboxStore.open(folder, { bus, logger: silentLogger, now: () => new Date(clock.t), newId: randomUUID }, notices);
  return { store, dir: folder, events, notices, clock };
}

describe('OutboxStore', () => {
  it('keeps queued jobs across a restart, and counts them', async () => {
    const { store, dir, events } = await open();
    expect((await store.enqueue(job(docA))).ok).toBe(true);
    expect((await store.enqueue(job(docB, 'approve'))).ok).toBe(true);
    expect(store.summary()).toEqual({ waiting: 2, failing: 0, blocked: 0 });
    expect(events.at(-1)).toEqual(['outbox:changed', { waiting: 2, failing: 0, blocked: 0 }]);
    const again = await open(dir);
    expect(again.store.list().map((j) => [j.documentId, j.action, j.state])).toEqual([
      [docA, 'submit', 'waiting'],
      [docB, 'approve', 'waiting'],
    ]);
  });

  it('offers only the oldest unfinished job of each document, once it is due', async () => {
    const { store, clock } = await open();
    const first = await store.enqueue(job(docA, 'submit'));
    await store.enqueue(job(docA, 'approve'));
    await store.enqueue(job(docB, 'publish'));
    if (!first.ok) throw new Error('enqueue failed');
    expect(store.due(new Date(clock.t)).map((j) => j.action)).toEqual(['submit', 'publish']);

    await store.markRunning(first.value.id);
    await store.fail(first.value.id, { code: 'host_unreachable', message: 'ECONNREFUSED' }, new Date(clock.t + 60_000));
    expect(store.due(new Date(clock.t)).map((j) => j.action)).toEqual(['publish']);
    expect(store.summary()).toEqual({ waiting: 3, failing: 1, blocked: 0 });
    expect(store.due(new Date(clock.t + 60_000)).map((j) => j.action)).toEqual(['submit', 'publish']);

    await store.complete(first.value.id);
    expect(store.due(new Date(clock.t)).map((j) => j.action)).toEqual(['approve', 'publish']);
    expect(store.summary()).toEqual({ waiting: 2, failing: 0, blocked: 0 });
  });

  it('holds back a document behind a blocked job until someone retries it', async () => {
    const { store, clock } = await open();
    const first = await store.enqueue(job(docA, 'publish'));
    await store.enqueue(job(docA, 'sync'));
    if (!first.ok) throw new Error('enqueue failed');
    await store.fail(first.value.id, { code: 'invalid_input', message: 'conflict on the site' }, null);
    expect(store.get(first.value.id)?.state).toBe('blocked');
    expect(store.summary()).toEqual({ waiting: 2, failing: 0, blocked: 1 });
    expect(store.due(new Date(clock.t + 3_600_000))).toEqual([]);
    await store.retryNow(first.value.id);
    expect(store.due(new Date(clock.t)).map((j) => j.id)).toEqual([first.value.id]);
  });

  it('sends a job that was running at a crash again', async () => {
    const { store, dir } = await open();
    const first = await store.enqueue(job(docA));
    if (!first.ok) throw new Error('enqueue failed');
    await store.markRunning(first.value.id);
    const again = await open(dir);
    expect(again.store.get(first.value.id)).toMatchObject({ state: 'waiting', attempts: 1 });
  });

  it('keeps the version a person chose to overwrite across a restart, through network retries, until the job stops for a person again', async () => {
    const { store, dir, clock } = await open();
    const queued = await store.enqueue(job(docA, 'publish'));
    if (!queued.ok) throw new Error('enqueue failed');
    const id = queued.value.id;
    expect(queued.value.overwriteVersion).toBeNull();
    await store.markRunning(id);
    await store.fail(id, { code: 'remote_conflict', message: 'changed on the site' }, null);
    expect((await store.retryNow(id, 'site-v7')).ok).toBe(true);

    const again = await open(dir, clock);
    expect(again.store.get(id)?.overwriteVersion).toBe('site-v7');
    // A plain retry (the network, "Prøv igjen nå") keeps the choice.
    await again.store.markRunning(id);
    await again.store.fail(id, { code: 'backend_unreachable', message: 'ECONNREFUSED' }, new Date(clock.t + 2000));
    await again.store.retryNow(id);
    expect(again.store.get(id)?.overwriteVersion).toBe('site-v7');
    // The site moved on once more: the person must look again.
    await again.store.markRunning(id);
    await again.store.fail(id, { code: 'remote_conflict', message: 'changed again' }, null);
    expect(again.store.get(id)?.overwriteVersion).toBeNull();
  });

  it('reads an outbox written before jobs carried an overwrite version', async () => {
    const { store, dir } = await open();
    await store.enqueue(job(docA));
    const path = join(dir, 'outbox.json');
    const file = JSON.parse(await readFile(path, 'utf8')) as { jobs: Record<string, unknown>[] };
    for (const j of file.jobs) delete j.overwriteVersion;
    await writeFile(path, JSON.stringify(file));
    const again = await open(dir);
    expect(again.notices).toEqual([]);
    expect(again.store.list().map((j) => [j.documentId, j.overwriteVersion])).toEqual([[docA, null]]);
  });

  it('drops the unsent jobs of given steps for one document: waiting and blocked, never one being sent', async () => {
    const { store, dir } = await open();
    const ids: Record<string, string> = {};
    for (const [name, documentId, action] of [
      ['approveA', docA, 'approve'],
      ['publishA', docA, 'publish'],
      ['scheduleA', docA, 'schedule'],
      ['publishB', docB, 'publish'],
    ] as const) {
      const queued = await store.enqueue(job(documentId, action));
      if (!queued.ok) throw new Error('enqueue failed');
      ids[name] = queued.value.id;
    }
    await store.markRunning(ids.publishA!);
    await store.fail(ids.publishA!, { code: 'backend_auth_failed', message: '401' }, null);
    const dropped = await store.dropUnsent(docA, ['publish', 'schedule']);
    expect(dropped).toEqual({ ok: true, value: 2 });
    expect(store.list().map((j) => [j.documentId, j.action])).toEqual([
      [docA, 'approve'],
      [docB, 'publish'],
    ]);
    expect((await open(dir)).store.list()).toHaveLength(2);

    // One being sent now is past recall.
    await store.markRunning(ids.publishB!);
    expect(await store.dropUnsent(docB, ['publish'])).toEqual({ ok: true, value: 0 });
    expect(store.get(ids.publishB!)?.state).toBe('running');
  });

  it('decides each change on the jobs as the change before left them: a job cancelled while a write was pending does not start', async () => {
    const { store } = await open();
    const queued = await store.enqueue(job(docA, 'publish'));
    if (!queued.ok) throw new Error('enqueue failed');
    const id = queued.value.id;
    // Asked one after the other while an earlier write is still on its way to the disk.
    const pending = store.enqueue(job(docB));
    const cancelled = store.cancel(id);
    const started = store.markRunning(id);
    expect((await pending).ok).toBe(true);
    expect(await cancelled).toEqual({ ok: true, value: null });
    expect(await started).toMatchObject({ ok: false, error: { code: 'outbox_job_not_found' } });
    expect(store.get(id)).toBeUndefined();
    // A job already started is not started twice.
    const other = store.list({ documentId: docB })[0]!;
    expect((await store.markRunning(other.id)).ok).toBe(true);
    expect(await store.markRunning(other.id)).toMatchObject({ ok: false, error: { code: 'outbox_job_running' } });
  });

  it('cancels waiting jobs but not one being sent', async () => {
    const { store } = await open();
    const a = await store.enqueue(job(docA));
    const b = await store.enqueue(job(docB));
    if (!a.ok || !b.ok) throw new Error('enqueue failed');
    await store.markRunning(b.value.id);
    expect(await store.cancel(a.value.id)).toEqual({ ok: true, value: null });
    expect(await store.cancel(b.value.id)).toMatchObject({ ok: false, error: { code: 'outbox_job_running' } });
    expect(await store.cancel('nope')).toMatchObject({ ok: false, error: { code: 'outbox_job_not_found' } });
  });

  it('sets an unreadable file aside and starts empty, with a notice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'melding-outbox-'));
    await writeFile(join(dir, 'outbox.json'), '{"schemaVersion":1,"jobs":[{"id":');
    const { store, notices } = await open(dir);
    expect(store.list()).toEqual([]);
    expect(notices.map((n) => n.code)).toEqual(['outbox_reset']);
    expect((await readdir(dir)).some((n) => n.startsWith('outbox.json.') || n.includes('damaged') || n.includes('corrupt'))).toBe(true);
    expect(await readFile(join(dir, 'outbox.json'), 'utf8').catch(() => 'absent')).not.toContain('"jobs":[{"id":');
  });
});
