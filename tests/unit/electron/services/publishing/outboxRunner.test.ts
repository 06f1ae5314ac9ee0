import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../electron/services/logger';
import { OutboxStore } from '../../../../../electron/services/outbox/outboxStore';
import { BACKOFF, backoffMs, BLOCKING_CODES, OutboxRunner, RETRIED_CODES } from '../../../../../electron/services/publishing/outboxRunner';
import type { PublishingProgress } from '../../../../../shared/domain/publishing';
import { ok, type ErrorCode } from '../../../../../shared/ipc/result';
import { randomUUID } from 'node:crypto';
import {
  approvedDoc,
  deferred,
  enqueue,
  failWith,
  FakeBackend,
  openWorld,
  registryOf,
  runnerFor,
  type Answer,
  type World,
} from '../../../support/publishingFixture';

let world: World;
let runner: OutboxRunner | null = null;

afterEach(async () => {
  await runner?.close();
  runner = null;
  await world?.close();
});

async function setup() {
  world = await openWorld();
  const backend = new FakeBackend();
  return { backend, registry: registryOf(backend) };
}

describe('OutboxRunner', () => {
  it('runs the jobs of one document strictly in order, and records the remote link without touching text or approval', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const jobs = [await enqueue(world, doc, 'submit'), await enqueue(world, doc, 'approve'), await enqueue(world, doc, 'publish')];
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    expect(backend.calls.map((c) => c.action)).toEqual(['submit', 'approve', 'publish']);
    expect(backend.maxActive).toBe(1);
    expect(world.outbox.list()).toEqual([]);
    const stored = await world.library.read(doc.id);
    if (!stored.ok) throw new Error('read');
    expect(stored.value.remote).toEqual({ backend: 'fake', remoteId: doc.id, remoteVersion: `v-${jobs[2]?.id}`, url: null });
    expect(stored.value.approval).toEqual(doc.approval);
    expect(stored.value.revision).toBe(doc.revision);
    expect(stored.value.status).toBe('godkjent');
    expect(stored.value.title).toBe(doc.title);
  });

  it('sends up to four documents at once, never two jobs of one document', async () => {
    const { backend, registry } = await setup();
    const gates: { resolve: (a: Answer) => void }[] = [];
    backend.answer = () => {
      const d = deferred<Answer>();
      gates.push(d);
      return d.promise;
    };
    const docs = [];
    for (let i = 0; i < 6; i++) docs.push(await approvedDoc(world));
    for (const doc of docs) {
      await enqueue(world, doc, 'submit');
      await enqueue(world, doc, 'approve');
    }
    runner = runnerFor(world, registry);
    runner.start();
    for (let i = 0; i < 50 && gates.length < 4; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.active).toBe(4);
    expect(new Set(backend.calls.map((c) => c.documentId)).size).toBe(4);
    expect(runner.status().current).toHaveLength(4);
    // Let everything through as it comes.
    backend.answer = (job) => ok({ remote: { backend: 'fake', remoteId: job.documentId, remoteVersion: job.id, url: null } });
    for (const g of gates) g.resolve(ok({ remote: null }));
    await runner.idle();
    expect(backend.calls).toHaveLength(12);
    expect(backend.maxActive).toBe(4);
    for (const doc of docs) expect(backend.calls.filter((c) => c.documentId === doc.id).map((c) => c.action)).toEqual(['submit', 'approve']);
  });

  it('backs off with full jitter, doubling from 2 s up to 10 minutes', () => {
    expect(backoffMs(1, () => 0.5)).toBe(1_000);
    expect(backoffMs(2, () => 0.5)).toBe(2_000);
    expect(backoffMs(3, () => 0.999)).toBe(Math.floor(0.999 * 8_000));
    expect(backoffMs(1, () => 0)).toBe(0);
    expect(backoffMs(30, () => 0.999_999)).toBeLessThanOrEqual(BACKOFF.capMs);
    expect(backoffMs(30, () => 0.999_999)).toBeGreaterThan(BACKOFF.capMs - 1_000);
    for (let a = 1; a < 40; a++) {
      const ceiling = Math.min(BACKOFF.capMs, 2_000 * 2 ** (a - 1));
      expect(backoffMs(a, () => 0.5)).toBe(Math.floor(ceiling / 2));
    }
    expect(backoffMs(5, () => 0.5, 42_000)).toBe(42_000);
  });

  it('retries an unreachable backend after the backoff, on its timer, and reports offline until something succeeds', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'submit');
    let fail = 3;
    backend.answer = (j) => (fail-- > 0 ? failWith('backend_unreachable') : ok({ remote: { backend: 'fake', remoteId: j.documentId, remoteVersion: '1', url: null } }));
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    let stored = world.outbox.get(job.id);
    expect(stored?.state).toBe('waiting');
    expect(stored?.lastError?.code).toBe('backend_unreachable');
    expect(Date.parse(stored?.nextAttemptAt ?? '') - world.clock.ms).toBe(1_000);
    expect(runner.status().state).toBe('offline');
    expect(world.timers.nextDelay()).toBe(1_000);
    world.timers.advance(999);
    await runner.idle();
    expect(backend.calls).toHaveLength(1);
    world.timers.advance(1);
    await runner.idle();
    expect(backend.calls).toHaveLength(2);
    expect(world.timers.nextDelay()).toBe(2_000);
    world.timers.advance(2_000);
    await runner.idle();
    expect(world.timers.nextDelay()).toBe(4_000);
    world.timers.advance(4_000);
    await runner.idle();
    expect(backend.calls).toHaveLength(4);
    stored = world.outbox.get(job.id);
    expect(stored?.state).toBe('done');
    expect(stored?.attempts).toBe(4);
    expect(runner.status().state).toBe('running');
  });

  it('is no longer offline once the job that could not get through is cancelled', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'submit');
    backend.answer = () => failWith('backend_unreachable');
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    expect(runner.status().state).toBe('offline');
    expect((await world.outbox.cancel(job.id)).ok).toBe(true);
    expect(runner.status().state).toBe('running');
  });

  it("honours the backend's Retry-After over the backoff", async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'submit');
    backend.answer = () => failWith('backend_rate_limited', 90_000);
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    expect(Date.parse(world.outbox.get(job.id)?.nextAttemptAt ?? '') - world.clock.ms).toBe(90_000);
    expect(world.timers.nextDelay()).toBe(90_000);
  });

  const retried: ErrorCode[] = ['backend_unreachable', 'backend_timeout', 'backend_server_error', 'backend_rate_limited', 'storage_failed', 'internal'];
  const blocked: ErrorCode[] = [
    'backend_auth_failed',
    'backend_forbidden',
    'backend_tls',
    'backend_media_too_large',
    'backend_media_type',
    'remote_conflict',
    'approval_mismatch',
    'backend_not_configured',
    'backend_secret_unavailable',
    'backend_item_missing',
    'backend_plugin_missing',
    'document_not_found',
    'backend_invalid',
    'backend_refused',
  ];

  it('retries passing errors and blocks the ones a person must act on', async () => {
    const { backend, registry } = await setup();
    expect([...RETRIED_CODES].sort()).toEqual([...retried].sort());
    const byDoc = new Map<string, ErrorCode>();
    const jobs = new Map<ErrorCode, string>();
    for (const code of [...retried, ...blocked]) {
      const doc = await approvedDoc(world);
      byDoc.set(doc.id, code);
      jobs.set(code, (await enqueue(world, doc, 'submit')).id);
    }
    backend.answer = (_job, doc) => failWith(byDoc.get(doc.id) as ErrorCode);
    runner = runnerFor(world, registry, { concurrency: 8 });
    runner.start();
    await runner.idle();
    for (const code of retried) {
      const job = world.outbox.get(jobs.get(code) as string);
      expect([code, job?.state, job?.lastError?.code]).toEqual([code, 'waiting', code]);
      expect(Date.parse(job?.nextAttemptAt ?? '')).toBeGreaterThan(world.clock.ms);
    }
    for (const code of blocked) {
      if (code !== 'backend_invalid') expect(BLOCKING_CODES.has(code)).toBe(true);
      const job = world.outbox.get(jobs.get(code) as string);
      expect([code, job?.state, job?.lastError?.code]).toEqual([code, 'blocked', code]);
    }
    expect(world.outbox.summary().blocked).toBe(blocked.length);
  });

  it('treats a backend that throws as an internal error and tries again later', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'submit');
    backend.answer = () => {
      throw new Error('boom');
    };
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    expect(world.outbox.get(job.id)).toMatchObject({ state: 'waiting', lastError: { code: 'internal', message: 'boom' } });
  });

  it('blocks a publish whose text no longer matches its approval, without sending it', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'publish');
    // Someone changed the text after it was approved, on disk, behind the workflow's back.
    await world.library.put({ ...doc, title: 'Endret etter godkjenning' }, 'manual');
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    expect(backend.calls).toHaveLength(0);
    expect(world.outbox.get(job.id)).toMatchObject({ state: 'blocked', lastError: { code: 'approval_mismatch' } });
  });

  it('blocks a job whose document is gone, and one whose backend is not configured', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const gone = await world.outbox.enqueue({ documentId: randomUUID(), action: 'submit', backendId: null, actor: { profileId: 'p', name: 'P', email: '' }, docRevision: 1, approvalHash: null, comment: '' });
    const elsewhere = await enqueue(world, doc, 'submit', 'wp-removed');
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    expect(backend.calls).toHaveLength(0);
    expect(gone.ok && world.outbox.get(gone.value.id)?.lastError?.code).toBe('document_not_found');
    expect(world.outbox.get(elsewhere.id)).toMatchObject({ state: 'blocked', lastError: { code: 'backend_not_configured' } });
  });

  it('never sends when paused, and says so', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'submit');
    runner = runnerFor(world, registry, { paused: true });
    runner.start();
    await runner.wake();
    await enqueue(world, doc, 'approve');
    await new Promise((r) => setTimeout(r, 30));
    await runner.idle();
    expect(backend.calls).toHaveLength(0);
    expect(world.outbox.get(job.id)?.state).toBe('waiting');
    expect(runner.status()).toEqual({ state: 'paused', activeBackendId: 'fake', current: [] });
  });

  it('wakes: jobs waiting after a network error are due now; others keep their backoff', async () => {
    const { backend, registry } = await setup();
    const a = await approvedDoc(world);
    const b = await approvedDoc(world);
    const netJob = await enqueue(world, a, 'submit');
    const busyJob = await enqueue(world, b, 'submit');
    backend.answer = (_job, doc) => failWith(doc.id === a.id ? 'backend_timeout' : 'backend_server_error');
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    expect(backend.calls).toHaveLength(2);
    backend.answer = (job) => ok({ remote: { backend: 'fake', remoteId: job.documentId, remoteVersion: '1', url: null } });
    const status = await runner.wake();
    expect(status.state).toBe('running');
    await runner.idle();
    expect(world.outbox.get(netJob.id)?.state).toBe('done');
    expect(world.outbox.get(busyJob.id)?.state).toBe('waiting');
    expect(backend.calls).toHaveLength(3);
  });

  it('runs a new job as soon as it is queued (outbox:changed)', async () => {
    const { backend, registry } = await setup();
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'submit');
    for (let i = 0; i < 100 && world.outbox.get(job.id)?.state !== 'done'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(world.outbox.get(job.id)?.state).toBe('done');
    expect(backend.calls).toHaveLength(1);
  });

  it('reports progress on the event bus and finishes once', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'publish');
    backend.answer = (j, _d, ctx) => {
      ctx.progress(0, 2, 'media');
      ctx.progress(1, 2, 'media');
      ctx.progress(2, 2, 'media');
      return ok({ remote: { backend: 'fake', remoteId: j.documentId, remoteVersion: '1', url: null }, publishedAt: '2026-11-23T10:00:00.000Z' });
    };
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    const progress = world.events.filter(([e]) => e === 'publishing:progress').map(([, p]) => p as PublishingProgress);
    expect(progress.map((p) => [p.phase, p.done, p.total, p.finished])).toEqual([
      ['prepare', 0, 0, false],
      ['media', 0, 2, false],
      ['media', 1, 2, false],
      ['media', 2, 2, false],
      ['media', 2, 2, true],
    ]);
    expect(progress.every((p) => p.jobId === job.id && p.documentId === doc.id)).toBe(true);
    const stored = await world.library.read(doc.id);
    expect(stored.ok && stored.value.publishedAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('close() aborts a running job and leaves it waiting for the next start', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'publish');
    let seen: AbortSignal | null = null;
    backend.answer = (_j, _d, ctx) =>
      new Promise<Answer>((resolve) => {
        seen = ctx.signal;
        ctx.signal.addEventListener('abort', () => resolve(failWith('backend_unreachable')));
      });
    runner = runnerFor(world, registry);
    runner.start();
    for (let i = 0; i < 100 && !seen; i++) await new Promise((r) => setTimeout(r, 5));
    await runner.close();
    runner = null;
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
    expect(world.outbox.get(job.id)).toMatchObject({ state: 'waiting' });
  });

  it('after a crash mid-job the job runs again, and the backend applies nothing twice', async () => {
    const { backend, registry } = await setup();
    const docs = [await approvedDoc(world), await approvedDoc(world)];
    const first = await enqueue(world, docs[0]!, 'submit');
    await enqueue(world, docs[0]!, 'approve');
    await enqueue(world, docs[1]!, 'submit');
    // The first run reaches the backend (the effect happens) but the process dies before the answer.
    const hang = deferred<Answer>();
    backend.answer = async (job) => {
      if (job.id === first.id && backend.calls.length === 1) {
        backend.effects.set(job.id, backend.effects.size + 1);
        return hang.promise;
      }
      return ok({ remote: { backend: 'fake', remoteId: job.documentId, remoteVersion: job.id, url: null } });
    };
    runner = runnerFor(world, registry, { concurrency: 1 });
    runner.start();
    for (let i = 0; i < 100 && world.outbox.get(first.id)?.state !== 'running'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(world.outbox.get(first.id)?.state).toBe('running');
    // "Crash": this runner is forgotten; the next start opens the outbox from disk.
    const crashed = runner;
    runner = null;
    const reopened = await OutboxStore.open(world.dir, { bus: world.bus, logger: silentLogger, now: world.clock.now, newId: randomUUID }, []);
    expect(reopened.get(first.id)?.state).toBe('waiting');
    const restarted = new OutboxRunner({ outbox: reopened, library: world.library, media: world.media, registry, bus: world.bus, logger: silentLogger, now: world.clock.now, random: () => 0.5, timers: world.timers });
    crashed.close().catch(() => undefined);
    hang.resolve(failWith('backend_unreachable'));
    restarted.start();
    await restarted.idle();
    await restarted.close();
    expect(reopened.list()).toEqual([]);
    expect(backend.calls.filter((c) => c.jobId === first.id)).toHaveLength(2);
    expect([...backend.effects.values()].sort()).toEqual([1, 2, 3]);
    expect(backend.effects.size).toBe(3);
  });

  it('drains 200 jobs', async () => {
    const { backend, registry } = await setup();
    const docs = [];
    for (let i = 0; i < 50; i++) docs.push(await approvedDoc(world));
    for (const action of ['submit', 'approve', 'sync', 'sync'] as const) for (const doc of docs) await enqueue(world, doc, action);
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    expect(backend.calls).toHaveLength(200);
    expect(world.outbox.list()).toEqual([]);
    expect(backend.maxActive).toBeLessThanOrEqual(4);
    for (const doc of docs) expect(backend.calls.filter((c) => c.documentId === doc.id).map((c) => c.action)).toEqual(['submit', 'approve', 'sync', 'sync']);
  });

  it('passes the overwrite version a person chose after a conflict, once', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'sync');
    backend.answer = () => failWith('remote_conflict');
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    expect(world.outbox.get(job.id)?.state).toBe('blocked');
    backend.answer = (j) => ok({ remote: { backend: 'fake', remoteId: j.documentId, remoteVersion: 'mine', url: null } });
    await runner.retry(job.id, 'site-v7');
    await runner.idle();
    expect(backend.calls.map((c) => c.overwriteVersion)).toEqual([null, 'site-v7']);
    expect(world.outbox.get(job.id)?.state).toBe('done');
  });

  it('a "keep mine" chosen just before the app closes is sent over that version after the restart', async () => {
    const { backend, registry } = await setup();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'sync');
    backend.answer = () => failWith('remote_conflict');
    runner = runnerFor(world, registry);
    runner.start();
    await runner.idle();
    // Chosen while the runner is paused (the app is closing), so it is not sent in this run.
    await runner.close();
    runner = runnerFor(world, registry, { paused: true });
    await runner.retry(job.id, 'site-v7');
    await runner.close();

    const reopened = await openWorld(world.dir);
    backend.answer = (j) => ok({ remote: { backend: 'fake', remoteId: j.documentId, remoteVersion: 'mine', url: null } });
    runner = runnerFor(reopened, registry);
    runner.start();
    await runner.idle();
    expect(backend.calls.map((c) => c.overwriteVersion)).toEqual([null, 'site-v7']);
    expect(reopened.outbox.get(job.id)?.state).toBe('done');
    await reopened.close();
  });
});
