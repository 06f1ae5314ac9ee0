import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../electron/services/logger';
import { LocalSiteBackend } from '../../../../../electron/services/publishing/localSite/localSiteBackend';
import type { OutboxRunner } from '../../../../../electron/services/publishing/outboxRunner';
import type { BackendRegistry, PublishingBackend } from '../../../../../electron/services/publishing/publishingBackend';
import { derivedId, PublishingService } from '../../../../../electron/services/publishing/publishingService';
import type { Document, DocumentContent } from '../../../../../shared/domain/document';
import { DEFAULT_LIBRARY_QUERY } from '../../../../../shared/domain/libraryQuery';
import type { PullProgress, RemoteImage, RemoteItem } from '../../../../../shared/domain/publishing';
import { err, ok, type Result } from '../../../../../shared/ipc/result';
import { noisyJpeg } from '../../../../integration/media/support/testImages';
import { ACTOR, approvedDoc, deferred, enqueue, FakeBackend, openWorld, registryOf, runnerFor, type Answer, type World } from '../../../support/publishingFixture';

let world: World;
let runner: OutboxRunner | null = null;

afterEach(async () => {
  await runner?.close();
  runner = null;
  await world?.close();
});

async function setup(...extra: PublishingBackend[]) {
  world = await openWorld();
  const site = await LocalSiteBackend.open({ folder: join(world.dir, 'site'), label: 'Departementet', logger: silentLogger, now: world.clock.now });
  const registry: BackendRegistry = registryOf(site, ...extra);
  runner = runnerFor(world, registry);
  runner.start();
  const service = new PublishingService({ library: world.library, outbox: world.outbox, media: world.media, registry, runner, logger: silentLogger, now: world.clock.now, actor: () => ACTOR });
  return { site, service, registry };
}

async function readDoc(id: string): Promise<Document> {
  const read = await world.library.read(id);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

function contentOf(doc: Document): DocumentContent {
  const { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote } = doc;
  return { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote };
}

/** A published document whose item JSON a colleague then edited by hand; answers the doc and the site's version. */
async function publishedThenEditedOnSite(site: LocalSiteBackend): Promise<{ doc: Document; siteVersion: string; itemPath: string }> {
  const doc = await approvedDoc(world, { title: 'Min tittel', maalform: 'nn', status: 'publisert', publishedAt: '2026-11-23T09:00:00.000Z' });
  await enqueue(world, doc, 'publish');
  await runner!.idle();
  const itemPath = join(site.folder, 'items', `${doc.id}.json`);
  const item = JSON.parse(await readFile(itemPath, 'utf8'));
  const text = `${JSON.stringify({ ...item, title: 'Tittel retta på nettstaden', tags: ['frå-nettstaden'], modifiedBy: 'Kollega' }, null, 2)}\n`;
  await writeFile(itemPath, text);
  return { doc: await readDoc(doc.id), siteVersion: createHash('sha256').update(text).digest('hex'), itemPath };
}

async function blockedJob(doc: Document, action: 'unpublish' | 'publish' | 'sync') {
  const job = await enqueue(world, doc, action);
  await runner!.idle();
  expect(world.outbox.get(job.id)).toMatchObject({ state: 'blocked', lastError: { code: 'remote_conflict' } });
  return job;
}

describe('PublishingService', () => {
  it('shows a conflict: the site’s item now beside the version Melding knew', async () => {
    const { site, service } = await setup();
    const { doc, siteVersion } = await publishedThenEditedOnSite(site);
    const job = await blockedJob(doc, 'unpublish');
    const view = await service.conflict(job.id);
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.jobId).toBe(job.id);
    expect(view.value.documentId).toBe(doc.id);
    expect(view.value.knownVersion).toBe(doc.remote?.remoteVersion);
    expect(view.value.site.link.remoteVersion).toBe(siteVersion);
    expect(view.value.site).toMatchObject({ title: 'Tittel retta på nettstaden', modifiedBy: 'Kollega', siteStatus: 'publish', meldingId: doc.id });
    const other = await enqueue(world, await approvedDoc(world), 'submit');
    await runner!.idle();
    const none = await service.conflict(other.id);
    expect(!none.ok && none.error.code).toBe('conflict_not_found');
  });

  it("'site': the site’s text becomes the local one (snapshot first), its version is noted, the job dropped; nothing is sent", async () => {
    const { site, service } = await setup();
    const { doc, siteVersion, itemPath } = await publishedThenEditedOnSite(site);
    const job = await blockedJob(doc, 'unpublish');
    const onSite = await readFile(itemPath, 'utf8');
    const resolved = await service.resolveConflict({ jobId: job.id, choice: 'site', siteVersion, baseRevision: doc.revision, content: null });
    if (!resolved.ok) throw new Error(resolved.error.message);
    expect(resolved.value).toMatchObject({ title: 'Tittel retta på nettstaden', tags: ['frå-nettstaden'], revision: doc.revision + 1 });
    expect(resolved.value.remote?.remoteVersion).toBe(siteVersion);
    expect(resolved.value.images).toEqual(doc.images);
    // Melding never approved the site's text: the approval goes, and the document waits for one.
    expect(resolved.value.approval).toBeNull();
    expect(resolved.value.status).toBe('til_godkjenning');
    expect(world.outbox.get(job.id)).toBeUndefined();
    expect(world.outbox.list({ documentId: doc.id })).toEqual([]);
    await runner!.idle();
    expect(await readFile(itemPath, 'utf8')).toBe(onSite);
    const history = await world.library.revisionList(doc.id);
    const before = history.ok ? history.value.find((r) => r.kind === 'before-conflict') : undefined;
    expect(before).toBeDefined();
    const old = await world.library.revision(doc.id, before!.id);
    expect(old.ok && old.value.title).toBe('Min tittel');
    // The next step is no conflict: Melding has seen the site's version.
    const next = await enqueue(world, await readDoc(doc.id), 'unpublish');
    await runner!.idle();
    expect(world.outbox.get(next.id)?.state).toBe('done');
  });

  it("'site' refuses when the site moved on after it was shown", async () => {
    const { site, service } = await setup();
    const { doc, itemPath } = await publishedThenEditedOnSite(site);
    const job = await blockedJob(doc, 'unpublish');
    const shown = await service.conflict(job.id);
    await writeFile(itemPath, (await readFile(itemPath, 'utf8')).replace('Tittel retta', 'Tittel retta igjen'));
    const resolved = await service.resolveConflict({ jobId: job.id, choice: 'site', siteVersion: shown.ok ? shown.value.site.link.remoteVersion : '', baseRevision: doc.revision, content: null });
    expect(!resolved.ok && resolved.error.code).toBe('remote_conflict');
    expect((await readDoc(doc.id)).title).toBe('Min tittel');
  });

  it("'mine': the job goes again over the version the person saw; a version they did not see conflicts again", async () => {
    const { site, service } = await setup();
    const { doc, siteVersion, itemPath } = await publishedThenEditedOnSite(site);
    const job = await blockedJob(doc, 'publish');
    // First with a version the person did not see (the site moved on since): blocked again, nothing written.
    const stale = await service.resolveConflict({ jobId: job.id, choice: 'mine', siteVersion: 'f'.repeat(64), baseRevision: doc.revision, content: null });
    expect(stale.ok).toBe(true);
    await runner!.idle();
    expect(world.outbox.get(job.id)).toMatchObject({ state: 'blocked', lastError: { code: 'remote_conflict' } });
    expect(JSON.parse(await readFile(itemPath, 'utf8')).title).toBe('Tittel retta på nettstaden');
    const resolved = await service.resolveConflict({ jobId: job.id, choice: 'mine', siteVersion, baseRevision: doc.revision, content: null });
    if (!resolved.ok) throw new Error(resolved.error.message);
    await runner!.idle();
    expect(world.outbox.get(job.id)?.state).toBe('done');
    expect(JSON.parse(await readFile(itemPath, 'utf8')).title).toBe('Min tittel');
    const stored = await readDoc(doc.id);
    expect(stored.approval).toEqual(doc.approval);
    expect(stored.status).toBe('publisert');
  });

  it("'merged' on a step that sends no approved text: saved (approval revoked, as an edit does) and sent over the site’s version", async () => {
    const { site, service } = await setup();
    const { doc, siteVersion, itemPath } = await publishedThenEditedOnSite(site);
    const job = await blockedJob(doc, 'unpublish');
    const merged = { ...contentOf(doc), title: 'Samanslått tittel', tags: ['frå-nettstaden'] };
    const resolved = await service.resolveConflict({ jobId: job.id, choice: 'merged', siteVersion, baseRevision: doc.revision, content: merged });
    if (!resolved.ok) throw new Error(resolved.error.message);
    expect(resolved.value).toMatchObject({ title: 'Samanslått tittel', status: 'til_godkjenning', approval: null });
    await runner!.idle();
    expect(world.outbox.get(job.id)?.state).toBe('done');
    expect(world.outbox.list({ documentId: doc.id })).toEqual([]);
    const done = world.outbox.list({ documentId: doc.id, includeDone: true }).map((j) => j.action);
    expect(done).toEqual(['publish', 'unpublish', 'revoke']);
    // Taken down, and (after the revocation) waiting for review with the merged text.
    expect(JSON.parse(await readFile(itemPath, 'utf8'))).toMatchObject({ siteStatus: 'pending', workflowStatus: 'til_godkjenning', page: null, title: 'Samanslått tittel' });
  });

  it("'merged' on a publish: the merged text is not approved, so the publish is dropped and the text waits for approval", async () => {
    const { site, service } = await setup();
    const { doc, siteVersion, itemPath } = await publishedThenEditedOnSite(site);
    const job = await blockedJob(doc, 'publish');
    const merged = { ...contentOf(doc), title: 'Samanslått tittel' };
    const resolved = await service.resolveConflict({ jobId: job.id, choice: 'merged', siteVersion, baseRevision: doc.revision, content: merged });
    if (!resolved.ok) throw new Error(resolved.error.message);
    await runner!.idle();
    expect(world.outbox.get(job.id)).toBeUndefined();
    expect(resolved.value.status).toBe('til_godkjenning');
    // Nothing that would send the unapproved text is left; the revoke went out.
    expect(world.outbox.list({ documentId: doc.id }).filter((j) => j.state !== 'done').map((j) => j.action)).toEqual([]);
    const item = JSON.parse(await readFile(itemPath, 'utf8'));
    // The unapproved merge never reached the page; the site records that the approval went.
    expect(item.title).toBe('Tittel retta på nettstaden');
    expect(item.workflowStatus).toBe('til_godkjenning');
    const page = await readFile(join(site.folder, item.page), 'utf8');
    expect(page).not.toContain('Samanslått');
  });

  it("'merged' on a sync with a publish queued behind it: both are void with the approval, and the revoke is not held back", async () => {
    const { site, service } = await setup();
    const { doc, siteVersion, itemPath } = await publishedThenEditedOnSite(site);
    const sync = await blockedJob(doc, 'sync');
    // Queued while the sync was held (offline, say): it waits behind it, carrying the approval.
    const publish = await enqueue(world, doc, 'publish');
    expect(world.outbox.get(publish.id)?.state).toBe('waiting');
    const merged = { ...contentOf(doc), title: 'Samanslått tittel' };
    const resolved = await service.resolveConflict({ jobId: sync.id, choice: 'merged', siteVersion, baseRevision: doc.revision, content: merged });
    if (!resolved.ok) throw new Error(resolved.error.message);
    await runner!.idle();
    expect(world.outbox.get(sync.id)).toBeUndefined();
    expect(world.outbox.get(publish.id)).toBeUndefined();
    // Nothing left to send: the revoke went out (the site's item says so) and was done.
    expect(world.outbox.list({ documentId: doc.id }).filter((j) => j.state !== 'done')).toEqual([]);
    const item = JSON.parse(await readFile(itemPath, 'utf8'));
    expect(item.workflowStatus).toBe('til_godkjenning');
    expect(item.title).toBe('Tittel retta på nettstaden');
  });

  it('a merge that keeps the approved text unchanged is sent as it was', async () => {
    const { site, service } = await setup();
    const { doc, siteVersion, itemPath } = await publishedThenEditedOnSite(site);
    const job = await blockedJob(doc, 'publish');
    const resolved = await service.resolveConflict({ jobId: job.id, choice: 'merged', siteVersion, baseRevision: doc.revision, content: contentOf(doc) });
    if (!resolved.ok) throw new Error(resolved.error.message);
    await runner!.idle();
    expect(world.outbox.get(job.id)?.state).toBe('done');
    expect(JSON.parse(await readFile(itemPath, 'utf8')).title).toBe('Min tittel');
    expect((await readDoc(doc.id)).status).toBe('publisert');
  });

  it('retry and cancel refuse a job being sent', async () => {
    const fake = new FakeBackend('wp-test');
    const { service } = await setup(fake);
    const hold = deferred<Answer>();
    fake.answer = () => hold.promise;
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'submit', 'wp-test');
    for (let i = 0; i < 100 && !runner!.isRunning(job.id); i++) await new Promise((r) => setTimeout(r, 5));
    const retried = await service.retry(job.id);
    expect(!retried.ok && retried.error.code).toBe('outbox_job_running');
    const cancelled = await service.cancel(job.id);
    expect(!cancelled.ok && cancelled.error.code).toBe('outbox_job_running');
    hold.resolve(ok({ remote: null }));
    await runner!.idle();
    const status = service.status();
    expect(status.ok && status.value).toEqual({ state: 'running', activeBackendId: 'local-site', current: [] });
  });

  it('pullPending on the local site finds nothing; on a site that cannot list, says so', async () => {
    const { service } = await setup();
    expect(await service.pullPending()).toEqual(ok({ added: 0, updated: 0, unchanged: 0, ids: [] }));
    const plain: PublishingBackend = { id: 'wp-plain', kind: 'wordpress', testConnection: async () => err('backend_not_configured', 'x'), run: async () => ok({ remote: null }) };
    const service2 = new PublishingService({
      library: world.library,
      outbox: world.outbox,
      media: world.media,
      registry: registryOf(plain),
      runner: runner!,
      logger: silentLogger,
      now: world.clock.now,
      actor: () => ACTOR,
    });
    const answer = await service2.pullPending();
    expect(!answer.ok && answer.error.code).toBe('backend_plugin_missing');
  });

  it('pullPending brings pending items with their images into the library once, and refreshes them when the site changes', async () => {
    const photo = await noisyJpeg(900, 600, 7);
    const images: RemoteImage[] = [
      { remoteMediaId: '41', url: 'http://127.0.0.1:1/wp-content/uploads/a.jpg', fileName: 'a.jpg', mimeType: 'image/jpeg', caption: 'Kaia i Florø.', alt: 'Ei kai med båtar', credit: 'NTB', featured: true },
      { remoteMediaId: '42', url: 'http://127.0.0.1:1/wp-content/uploads/b.jpg', fileName: 'b.jpg', mimeType: 'image/jpeg', caption: 'Rekna ikkje med', alt: 'x', credit: '', featured: false },
    ];
    const meldingId = randomUUID();
    const item = (over: Partial<RemoteItem>): RemoteItem => ({
      link: { backend: 'wp-test', remoteId: '100', remoteVersion: 'v1', url: 'http://127.0.0.1:1/?p=100' },
      siteStatus: 'pending',
      modifiedAt: '2026-11-23T09:00:00.000Z',
      modifiedBy: 'Kollega',
      meldingId: null,
      type: 'nyhet',
      maalform: 'nn',
      title: 'Frå nettstaden',
      ingress: 'Skriven på nettstaden.',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tekst.' }] }, { type: 'figure', attrs: { imageUseId: 'wp-41' } }] },
      bodyHtml: '<p>Tekst.</p>',
      contacts: [],
      tags: ['kyst'],
      embargoAt: null,
      images,
      ...over,
    });
    let listed: RemoteItem[] = [item({}), item({ link: { backend: 'wp-test', remoteId: '101', remoteVersion: 'v1', url: null }, meldingId, title: 'Med Melding-id', images: [] })];
    const fetched: string[] = [];
    const fake = new FakeBackend('wp-test');
    const backend: PublishingBackend = {
      id: 'wp-test',
      kind: 'wordpress',
      testConnection: () => fake.testConnection(),
      run: (job, doc, ctx) => fake.run(job, doc, ctx),
      listPending: async () => ok(listed),
      fetchMedia: async (image): Promise<Result<Uint8Array>> => {
        fetched.push(image.remoteMediaId);
        return image.remoteMediaId === '42' ? err('backend_media_type', 'not an image') : ok(photo);
      },
    };
    world = await openWorld();
    const registry: BackendRegistry = { activeId: () => 'wp-test', backendFor: async (id) => (id === 'wp-test' ? ok(backend) : err('backend_not_configured', id)) };
    runner = runnerFor(world, registry, { paused: true });
    const service = new PublishingService({ library: world.library, outbox: world.outbox, media: world.media, registry, runner, logger: silentLogger, now: world.clock.now, actor: () => ACTOR });

    const first = await service.pullPending();
    if (!first.ok) throw new Error(first.error.message);
    const pulledId = derivedId('wp-test', '100');
    expect(first.value).toEqual({ added: 2, updated: 0, unchanged: 0, ids: [pulledId, meldingId] });
    const pulled = await readDoc(pulledId);
    expect(pulled).toMatchObject({ status: 'til_godkjenning', title: 'Frå nettstaden', maalform: 'nn', type: 'nyhet', tags: ['kyst'], remote: { backend: 'wp-test', remoteId: '100', remoteVersion: 'v1' } });
    expect(pulled.images).toHaveLength(1);
    expect(pulled.images[0]).toMatchObject({ id: 'wp-41', caption: 'Kaia i Florø.', alt: 'Ei kai med båtar', credit: 'NTB', featured: true });
    expect((await world.media.get(pulled.images[0]!.mediaId)).ok).toBe(true);
    expect((await readDoc(meldingId)).title).toBe('Med Melding-id');

    const again = await service.pullPending();
    expect(again.ok && again.value).toEqual({ added: 0, updated: 0, unchanged: 2, ids: [pulledId, meldingId] });

    listed = [item({ link: { backend: 'wp-test', remoteId: '100', remoteVersion: 'v2', url: null }, title: 'Retta på nettstaden' })];
    fetched.length = 0;
    const third = await service.pullPending();
    expect(third.ok && third.value).toEqual({ added: 0, updated: 1, unchanged: 0, ids: [pulledId] });
    const refreshed = await readDoc(pulledId);
    expect(refreshed.title).toBe('Retta på nettstaden');
    expect(refreshed.revision).toBe(pulled.revision + 1);
    // The image it already has is not fetched again.
    expect(fetched).toEqual(['42']);
    const history = await world.library.revisionList(pulledId);
    expect(history.ok && history.value.some((r) => r.kind === 'before-import')).toBe(true);

    // The network goes away while fetching an image: the pull stops with that error, and nothing half is stored.
    listed = [item({ link: { backend: 'wp-test', remoteId: '200', remoteVersion: 'v1', url: null }, images: [{ ...images[0]!, remoteMediaId: '77' }] })];
    backend.fetchMedia = async () => err('backend_unreachable', 'ECONNREFUSED');
    const steps: PullProgress[] = [];
    const offline = await service.pullPending(undefined, (step) => steps.push(step));
    expect(!offline.ok && offline.error.code).toBe('backend_unreachable');
    // A pull that stops still tells the bar it is over.
    expect(steps.at(-1)).toEqual({ phase: 'items', done: 0, total: 1, finished: true });
    expect((await world.library.read(derivedId('wp-test', '200'))).ok).toBe(false);
  });

  it('pullPending never overwrites a save made while it fetched the images: that item waits for the next pull', async () => {
    const photo = await noisyJpeg(600, 400, 3);
    const item = (version: string, title: string, images: RemoteImage[]): RemoteItem => ({
      link: { backend: 'wp-test', remoteId: '300', remoteVersion: version, url: null },
      siteStatus: 'pending',
      modifiedAt: '2026-11-23T09:00:00.000Z',
      modifiedBy: 'Kollega',
      meldingId: null,
      type: 'nyhet',
      maalform: 'nn',
      title,
      ingress: '',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tekst.' }] }] },
      bodyHtml: '<p>Tekst.</p>',
      contacts: [],
      tags: [],
      embargoAt: null,
      images,
    });
    let listed = [item('v1', 'Frå nettstaden', [])];
    let duringFetch: () => Promise<void> = async () => {};
    const fake = new FakeBackend('wp-test');
    const backend: PublishingBackend = {
      id: 'wp-test',
      kind: 'wordpress',
      testConnection: () => fake.testConnection(),
      run: (job, doc, ctx) => fake.run(job, doc, ctx),
      listPending: async () => ok(listed),
      fetchMedia: async () => {
        await duringFetch();
        return ok(photo);
      },
    };
    world = await openWorld();
    const registry: BackendRegistry = { activeId: () => 'wp-test', backendFor: async (id) => (id === 'wp-test' ? ok(backend) : err('backend_not_configured', id)) };
    runner = runnerFor(world, registry, { paused: true });
    const service = new PublishingService({ library: world.library, outbox: world.outbox, media: world.media, registry, runner, logger: silentLogger, now: world.clock.now, actor: () => ACTOR });
    expect((await service.pullPending()).ok).toBe(true);
    const id = derivedId('wp-test', '300');
    const pulled = await readDoc(id);

    // The site changes the item and adds a photo; while it is fetched, the editor saves a change here.
    listed = [item('v2', 'Retta på nettstaden', [{ remoteMediaId: '9', url: 'http://127.0.0.1:1/a.jpg', fileName: 'a.jpg', mimeType: 'image/jpeg', caption: '', alt: 'Ei kai', credit: '', featured: true }])];
    duringFetch = async () => {
      const saved = await world.library.save(id, pulled.revision, { ...contentOf(pulled), title: 'Retta her' });
      if (!saved.ok) throw new Error(saved.error.message);
    };
    const again = await service.pullPending();
    expect(again.ok && again.value).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect((await readDoc(id)).title).toBe('Retta her');
  });

  it('pullPending stores the newest change on the site last, so the library (last changed first) shows it on top', async () => {
    const item = (remoteId: string, title: string, modifiedAt: string): RemoteItem => ({
      link: { backend: 'wp-test', remoteId, remoteVersion: 'v1', url: null },
      siteStatus: 'pending',
      modifiedAt,
      modifiedBy: 'Kollega',
      meldingId: null,
      type: 'nyhet',
      maalform: 'nb',
      title,
      ingress: '',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tekst.' }] }] },
      bodyHtml: '<p>Tekst.</p>',
      contacts: [],
      tags: [],
      embargoAt: null,
      images: [],
    });
    // As WordPress lists them: newest first.
    const listed = [item('3', 'Nyest', '2026-11-23T09:30:00.000Z'), item('1', 'Eldst', '2026-11-20T08:00:00.000Z'), item('2', 'Midt i', '2026-11-22T12:00:00.000Z')];
    const fake = new FakeBackend('wp-test');
    const backend: PublishingBackend = { id: 'wp-test', kind: 'wordpress', testConnection: () => fake.testConnection(), run: (job, doc, ctx) => fake.run(job, doc, ctx), listPending: async () => ok(listed) };
    world = await openWorld();
    const registry: BackendRegistry = { activeId: () => 'wp-test', backendFor: async (id) => (id === 'wp-test' ? ok(backend) : err('backend_not_configured', id)) };
    runner = runnerFor(world, registry, { paused: true });
    // Each store a second later, as on a real clock.
    const tick = () => {
      world.clock.advance(1000);
      return world.clock.now();
    };
    const service = new PublishingService({ library: world.library, outbox: world.outbox, media: world.media, registry, runner, logger: silentLogger, now: tick, actor: () => ACTOR });

    const steps: PullProgress[] = [];
    const pulled = await service.pullPending(undefined, (step) => steps.push(step));
    // How far it came, for the bar: the site asked, then each item, then done.
    expect(steps.map((s) => `${s.phase} ${s.done}/${s.total}${s.finished ? ' finished' : ''}`)).toEqual(['list 0/0', 'items 0/3', 'items 1/3', 'items 2/3', 'items 3/3', 'items 3/3 finished']);
    // The answer keeps the site's order.
    expect(pulled.ok && pulled.value.ids).toEqual(['3', '1', '2'].map((id) => derivedId('wp-test', id)));
    const page = world.library.list({ ...DEFAULT_LIBRARY_QUERY, sort: 'updated', direction: 'desc' }, 0, 10);
    expect(page.items.map((s) => s.title)).toEqual(['Nyest', 'Midt i', 'Eldst']);
  });
});
