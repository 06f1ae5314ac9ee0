import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../../electron/services/logger';
import { LocalSiteBackend } from '../../../../../../electron/services/publishing/localSite/localSiteBackend';
import { pageName } from '../../../../../../electron/services/publishing/localSite/renderSite';
import type { OutboxRunner } from '../../../../../../electron/services/publishing/outboxRunner';
import type { RunContext } from '../../../../../../electron/services/publishing/publishingBackend';
import type { Document } from '../../../../../../shared/domain/document';
import { noisyJpeg } from '../../../../../integration/media/support/testImages';
import { localSiteSchedule } from '../../../../../../electron/services/publishing/publishingService';
import { approvedDoc, enqueue, openWorld, registryOf, runnerFor, type World } from '../../../../support/publishingFixture';

let world: World;
let runner: OutboxRunner | null = null;

afterEach(async () => {
  await runner?.close();
  runner = null;
  await world?.close();
});

async function setup() {
  world = await openWorld();
  const site = await LocalSiteBackend.open({ folder: join(world.dir, 'site'), label: 'Helse- og omsorgsdepartementet', logger: silentLogger, now: world.clock.now });
  runner = runnerFor(world, registryOf(site));
  runner.start();
  return site;
}

async function photo(seed: number): Promise<string> {
  const ingested = await world.media.ingest(`foto-${seed}.jpg`, await noisyJpeg(1600, 1000, seed));
  if (!ingested.ok) throw new Error(ingested.error.message);
  return ingested.value.media.id;
}

/** A Nynorsk press release with a featured photo, a figure in the body, a contact and an internal note. */
async function pressRelease(overrides: Partial<Document> = {}): Promise<Document> {
  const featured = await photo(1);
  const inBody = await photo(2);
  return approvedDoc(world, {
    type: 'nyhet',
    maalform: 'nn',
    title: 'Styrkjer sjukehusa i nord',
    ingress: 'Regjeringa aukar løyvinga til Helse Nord.',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Ventetidene skal ned. ' }, { type: 'text', text: 'Les meir', marks: [{ type: 'link', attrs: { href: 'https://www.regjeringa.no/' } }] }] },
        { type: 'figure', attrs: { imageUseId: 'use-2' } },
      ],
    },
    images: [
      { id: 'use-1', mediaId: featured, caption: 'Sjukehuset i Bodø.', alt: 'Ein raud sjukehusbygning ved sjøen', credit: 'Åse Bjørnstad / NTB', rights: '', decorative: false, featured: true },
      { id: 'use-2', mediaId: inBody, caption: 'Statsråden på besøk.', alt: 'To personar i samtale', credit: 'HOD', rights: '', decorative: false, featured: false },
    ],
    contacts: [{ contactId: null, name: 'Per Pressevakt', roleNb: 'pressevakt', roleNn: 'pressevakt', phone: '+47 22 24 90 90', email: 'per@hod.dep.no' }],
    internalNote: 'HEMMELEG: ikkje publiser dette',
    tags: ['helse'],
    ...overrides,
  });
}

async function readDoc(id: string): Promise<Document> {
  const read = await world.library.read(id);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

/** Every file in the site folder with its SHA-256, to compare states. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(folder, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  };
  await walk(folder);
  return out;
}

describe('LocalSiteBackend', () => {
  it('publishes a page in the item’s målform with its photos, captions, credits and contacts, and lists it in the index', async () => {
    const site = await setup();
    const doc = await pressRelease();
    await enqueue(world, doc, 'publish');
    await runner!.idle();
    expect(world.outbox.list()).toEqual([]);
    const stored = await readDoc(doc.id);
    expect(stored.remote?.backend).toBe('local-site');
    expect(stored.remote?.url).toMatch(/^file:\/\/.*styrkjer-sjukehusa-i-nord-[0-9a-f]{8}\.html$/);
    expect(stored.approval).toEqual(doc.approval);
    const pageFile = join(site.folder, `styrkjer-sjukehusa-i-nord-${doc.id.slice(0, 8)}.html`);
    const page = await readFile(pageFile, 'utf8');
    expect(page).toContain('<html lang="nn">');
    expect(page).toContain('<span class="type">Nyheit</span>');
    expect(page).toContain('<h1>Styrkjer sjukehusa i nord</h1>');
    expect(page).toContain('<p class="ingress">Regjeringa aukar løyvinga til Helse Nord.</p>');
    const [featured, inBody] = doc.images;
    expect(page).toContain(
      `<div class="featured"><figure><img src="media/${featured?.mediaId}-w1200.webp" alt="Ein raud sjukehusbygning ved sjøen"><figcaption>Sjukehuset i Bodø. <span class="credit">Foto: Åse Bjørnstad / NTB</span></figcaption></figure></div>`,
    );
    expect(page).toContain(`<figure><img src="media/${inBody?.mediaId}-w1200.webp" alt="To personar i samtale"><figcaption>Statsråden på besøk. <span class="credit">Foto: HOD</span></figcaption></figure>`);
    expect(page).toContain('<a href="https://www.regjeringa.no/" rel="noopener noreferrer">Les meir</a>');
    expect(page).toContain('<h2 id="contacts-heading">Pressekontaktar</h2>');
    expect(page).toContain('Per Pressevakt');
    expect(page).toContain('href="mailto:per@hod.dep.no"');
    expect(page).toContain('Hopp til hovudinnhaldet');
    expect(page).not.toContain('HEMMELEG');
    expect(page).toContain("script-src 'none'");
    for (const id of [featured?.mediaId, inBody?.mediaId]) {
      expect((await stat(join(site.folder, 'media', `${id}-w1200.webp`))).size).toBeGreaterThan(0);
      expect((await stat(join(site.folder, 'media', `${id}-w2400.webp`))).size).toBeGreaterThan(0);
    }
    const index = await readFile(join(site.folder, 'index.html'), 'utf8');
    expect(index).toContain('<html lang="nb">');
    expect(index).toContain('<li lang="nn">');
    expect(index).toContain(`<a href="styrkjer-sjukehusa-i-nord-${doc.id.slice(0, 8)}.html">Styrkjer sjukehusa i nord</a>`);
    expect(index).not.toContain('HEMMELEG');
    const itemText = await readFile(join(site.folder, 'items', `${doc.id}.json`), 'utf8');
    expect(createHash('sha256').update(itemText).digest('hex')).toBe(stored.remote?.remoteVersion);
    const item = JSON.parse(itemText);
    expect(item).toMatchObject({ siteStatus: 'publish', workflowStatus: 'publisert', meldingId: doc.id, title: doc.title, maalform: 'nn' });
    expect(itemText).not.toContain('HEMMELEG');
    expect(await readFile(join(site.folder, 'site.css'), 'utf8')).toContain(':focus-visible');
  });

  it('lists items newest first, each in its own language', async () => {
    const site = await setup();
    const older = await approvedDoc(world, { title: 'Eldre sak', maalform: 'nb', publishedAt: '2026-11-01T10:00:00.000Z' });
    const newer = await approvedDoc(world, { title: 'Nyare sak', maalform: 'nn', publishedAt: '2026-11-20T10:00:00.000Z' });
    await enqueue(world, newer, 'publish');
    await enqueue(world, older, 'publish');
    await runner!.idle();
    const index = await readFile(join(site.folder, 'index.html'), 'utf8');
    expect(index.indexOf('Nyare sak')).toBeLessThan(index.indexOf('Eldre sak'));
    expect(index).toMatch(/<li lang="nb">[\s\S]*Eldre sak/);
    expect(index).toContain('20.11.2026');
  });

  it('escapes a hostile title, ingress, link and alt text: no script gets onto a page', async () => {
    const site = await setup();
    const media = await photo(3);
    const doc = await approvedDoc(world, {
      title: '<script>alert(1)</script>"><img src=x onerror=alert(2)>',
      ingress: '</p><script>alert(3)</script>',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'klikk', marks: [{ type: 'link', attrs: { href: 'javascript:alert(4)' } }] }] }] },
      images: [{ id: 'u', mediaId: media, caption: '<b onmouseover=alert(5)>', alt: '" onerror="alert(6)', credit: '<script>', rights: '', decorative: false, featured: true }],
      contacts: [{ contactId: null, name: '<script>alert(7)</script>', roleNb: '', roleNn: '', phone: '"><script>', email: 'x"><script>alert(8)</script>' }],
    });
    await enqueue(world, doc, 'publish');
    await runner!.idle();
    const files = (await readdir(site.folder)).filter((n) => n.endsWith('.html'));
    expect(files).toHaveLength(2);
    for (const name of files) {
      const html = await readFile(join(site.folder, name), 'utf8');
      // Read as a browser would: no script element, no event handler attribute, no script URL anywhere.
      const dom = new JSDOM(html).window.document;
      expect(dom.querySelectorAll('script')).toHaveLength(0);
      for (const element of dom.querySelectorAll('*')) {
        for (const attr of element.attributes) {
          expect(attr.name.startsWith('on'), `${name}: ${element.tagName} ${attr.name}`).toBe(false);
          expect(attr.value.trim().toLowerCase().startsWith('javascript:'), `${name}: ${attr.name}=${attr.value}`).toBe(false);
        }
      }
      expect(dom.querySelectorAll('img[src="x"]')).toHaveLength(0);
      const heading = name === 'index.html' ? dom.querySelector('h2 a') : dom.querySelector('h1');
      expect(heading?.textContent).toBe('<script>alert(1)</script>"><img src=x onerror=alert(2)>');
    }
    expect(files.find((n) => n !== 'index.html')).toMatch(/^script-alert-1-script-img-src-x-onerror-alert-2-[0-9a-f]{8}\.html$/);
  });

  it('writes the same files when a job runs twice', async () => {
    const site = await setup();
    const doc = await pressRelease();
    const job = await enqueue(world, doc, 'publish');
    await runner!.idle();
    const first = await snapshot(site.folder);
    const ctx: RunContext = { media: world.media, progress: () => {}, signal: new AbortController().signal, overwriteVersion: null };
    const again = await site.run(job, await readDoc(doc.id), ctx);
    expect(again.ok).toBe(true);
    expect(await snapshot(site.folder)).toEqual(first);
    // Even from the document as it was before the first run (a crash before the library noted it).
    const rerun = await site.run(job, doc, ctx);
    expect(rerun.ok).toBe(true);
    expect(await snapshot(site.folder)).toEqual(first);
  });

  it('refuses to overwrite an item JSON edited by hand (remote_conflict), changing nothing; a person may then choose to overwrite it', async () => {
    const site = await setup();
    const doc = await pressRelease();
    await enqueue(world, doc, 'publish');
    await runner!.idle();
    const itemPath = join(site.folder, 'items', `${doc.id}.json`);
    const item = JSON.parse(await readFile(itemPath, 'utf8'));
    const handEdited = `${JSON.stringify({ ...item, title: 'Retta for hand på nettstaden' }, null, 2)}\n`;
    await writeFile(itemPath, handEdited);
    const before = await snapshot(site.folder);
    const job = await enqueue(world, await readDoc(doc.id), 'unpublish');
    await runner!.idle();
    expect(world.outbox.get(job.id)).toMatchObject({ state: 'blocked', lastError: { code: 'remote_conflict' } });
    expect(await snapshot(site.folder)).toEqual(before);
    const remote = await site.fetchRemote((await readDoc(doc.id)).remote!);
    expect(remote.ok && remote.value.title).toBe('Retta for hand på nettstaden');
    const siteVersion = remote.ok ? remote.value.link.remoteVersion : '';
    expect(siteVersion).toBe(createHash('sha256').update(handEdited).digest('hex'));
    await runner!.retry(job.id, siteVersion);
    await runner!.idle();
    expect(world.outbox.get(job.id)?.state).toBe('done');
    expect(JSON.parse(await readFile(itemPath, 'utf8')).siteStatus).toBe('draft');
  });

  it('schedules: the item waits (not in the index, no page) until publishDue passes its time', async () => {
    const site = await setup();
    const embargoAt = new Date(world.clock.ms + 3 * 60 * 60 * 1000).toISOString();
    const doc = await approvedDoc(world, { title: 'Planlagd sak', maalform: 'nn', embargoAt, status: 'godkjent' });
    await enqueue(world, doc, 'schedule');
    await runner!.idle();
    const item = JSON.parse(await readFile(join(site.folder, 'items', `${doc.id}.json`), 'utf8'));
    expect(item).toMatchObject({ siteStatus: 'future', scheduledFor: embargoAt, page: null });
    expect(await readFile(join(site.folder, 'index.html'), 'utf8')).not.toContain('Planlagd sak');
    expect(site.nextDueAt()?.toISOString()).toBe(embargoAt);
    expect(await site.publishDue(new Date(Date.parse(embargoAt) - 1))).toEqual([]);
    const up = await site.publishDue(new Date(embargoAt));
    expect(up).toHaveLength(1);
    expect(up[0]).toMatchObject({ documentId: doc.id, publishedAt: embargoAt });
    expect(await readFile(join(site.folder, 'index.html'), 'utf8')).toContain('Planlagd sak');
    expect((await readdir(site.folder)).some((n) => n.startsWith('planlagd-sak-'))).toBe(true);
    expect(site.nextDueAt()).toBeNull();
    // The library may not have heard of the new version yet: the next step is no conflict.
    const job = await enqueue(world, await readDoc(doc.id), 'unpublish');
    await runner!.idle();
    expect(world.outbox.get(job.id)?.state).toBe('done');
  });

  it('a scheduled item whose page cannot be written at its time stays due, and goes up on the next pass', async () => {
    const site = await setup();
    const embargoAt = new Date(world.clock.ms + 60 * 60 * 1000).toISOString();
    const doc = await approvedDoc(world, { title: 'Disken er full', embargoAt, status: 'godkjent' });
    await enqueue(world, doc, 'schedule');
    await runner!.idle();
    // Something in the way of the page (as a full disk or a lost drive would be).
    const blocker = join(site.folder, pageName({ id: doc.id, title: 'Disken er full' }));
    await mkdir(blocker);
    expect(await site.publishDue(new Date(embargoAt))).toEqual([]);
    expect(site.nextDueAt()?.toISOString()).toBe(embargoAt);
    await rm(blocker, { recursive: true });
    const up = await site.publishDue(new Date(embargoAt));
    expect(up.map((u) => u.documentId)).toEqual([doc.id]);
    expect(site.nextDueAt()).toBeNull();
  });

  it('the runner wakes at a scheduled item’s time, puts it up and notes it in the library', async () => {
    world = await openWorld();
    const site = await LocalSiteBackend.open({ folder: join(world.dir, 'site'), label: 'Departementet', logger: silentLogger, now: world.clock.now });
    runner = runnerFor(world, registryOf(site), localSiteSchedule(site, world.library, silentLogger));
    runner.start();
    const embargoAt = new Date(world.clock.ms + 90 * 60 * 1000).toISOString();
    const doc = await approvedDoc(world, { title: 'Klokka halv tolv', embargoAt, status: 'planlagt' });
    await enqueue(world, doc, 'schedule');
    await runner.idle();
    expect(world.timers.nextDelay()).toBe(90 * 60 * 1000);
    world.timers.advance(90 * 60 * 1000 - 1);
    await runner.idle();
    expect(await readFile(join(site.folder, 'index.html'), 'utf8')).not.toContain('Klokka halv tolv');
    world.timers.advance(1);
    await runner.idle();
    expect(await readFile(join(site.folder, 'index.html'), 'utf8')).toContain('Klokka halv tolv');
    const stored = await readDoc(doc.id);
    expect(stored.publishedAt).toBe(embargoAt);
    expect(stored.remote?.url).toMatch(/klokka-halv-tolv-[0-9a-f]{8}\.html$/);
    expect(stored.remote?.remoteVersion).toBe(createHash('sha256').update(await readFile(join(site.folder, 'items', `${doc.id}.json`))).digest('hex'));
    expect(world.timers.nextDelay()).toBeNull();
  });

  it('opens on a folder it cannot write, and the job waits (storage_failed, retried) instead of the app failing', async () => {
    world = await openWorld();
    const blocker = join(world.dir, 'not-a-folder');
    await writeFile(blocker, 'a file where the site folder should be');
    const site = await LocalSiteBackend.open({ folder: join(blocker, 'site'), label: 'X', logger: silentLogger, now: world.clock.now });
    runner = runnerFor(world, registryOf(site));
    runner.start();
    const doc = await approvedDoc(world);
    const job = await enqueue(world, doc, 'publish');
    await runner.idle();
    expect(world.outbox.get(job.id)).toMatchObject({ state: 'waiting', lastError: { code: 'storage_failed' } });
    const test = await site.testConnection();
    expect(!test.ok && test.error.code).toBe('storage_failed');
  });

  it('removes at the next start the image copies of withdrawn items only', async () => {
    const site = await setup();
    const kept = await pressRelease();
    const gone = await approvedDoc(world, { title: 'Trekt', images: [{ id: 'g', mediaId: await photo(5), caption: '', alt: 'Eit bilete', credit: '', rights: '', decorative: false, featured: true }] });
    await enqueue(world, kept, 'publish');
    await enqueue(world, gone, 'publish');
    await runner!.idle();
    await enqueue(world, await readDoc(gone.id), 'unpublish');
    await runner!.idle();
    const goneId = gone.images[0]!.mediaId;
    expect((await readdir(join(site.folder, 'media'))).filter((n) => n.startsWith(goneId))).toHaveLength(2);
    const reopened = await LocalSiteBackend.open({ folder: site.folder, label: 'X', logger: silentLogger, now: world.clock.now });
    expect(reopened.folder).toBe(site.folder);
    const left = await readdir(join(site.folder, 'media'));
    expect(left.filter((n) => n.startsWith(goneId))).toEqual([]);
    for (const use of kept.images) expect(left).toContain(`${use.mediaId}-w1200.webp`);
  });

  it('created without waiting, it gets ready on first use and finds the scheduled items already there', async () => {
    const site = await setup();
    const embargoAt = new Date(world.clock.ms + 60 * 60 * 1000).toISOString();
    const doc = await approvedDoc(world, { title: 'Seinare', embargoAt });
    await enqueue(world, doc, 'schedule');
    await runner!.idle();
    const later = LocalSiteBackend.create({ folder: site.folder, label: 'X', logger: silentLogger, now: world.clock.now });
    expect(later.nextDueAt()).toBeNull();
    expect(await later.publishDue(new Date(Date.parse(embargoAt) - 1))).toEqual([]);
    expect(later.nextDueAt()?.toISOString()).toBe(embargoAt);
  });

  it('unschedule takes a scheduled item off the schedule', async () => {
    const site = await setup();
    const embargoAt = new Date(world.clock.ms + 60 * 60 * 1000).toISOString();
    const doc = await approvedDoc(world, { title: 'Avlyst', embargoAt });
    await enqueue(world, doc, 'schedule');
    await enqueue(world, doc, 'unschedule');
    await runner!.idle();
    expect(site.nextDueAt()).toBeNull();
    expect(JSON.parse(await readFile(join(site.folder, 'items', `${doc.id}.json`), 'utf8'))).toMatchObject({ siteStatus: 'draft', scheduledFor: null });
    expect(await site.publishDue(new Date(Date.parse(embargoAt) + 1))).toEqual([]);
  });

  it('a revoked approval takes a scheduled item off the schedule: the approved text does not go out at its time', async () => {
    const site = await setup();
    const embargoAt = new Date(world.clock.ms + 60 * 60 * 1000).toISOString();
    const doc = await approvedDoc(world, { title: 'Planlagd', embargoAt });
    await enqueue(world, doc, 'schedule');
    await enqueue(world, doc, 'revoke');
    await runner!.idle();
    expect(site.nextDueAt()).toBeNull();
    expect(JSON.parse(await readFile(join(site.folder, 'items', `${doc.id}.json`), 'utf8'))).toMatchObject({ siteStatus: 'pending', workflowStatus: 'til_godkjenning', scheduledFor: null, page: null });
    expect(await site.publishDue(new Date(Date.parse(embargoAt) + 1))).toEqual([]);
  });

  it('unpublish removes the page and the index entry; the item JSON records it', async () => {
    const site = await setup();
    const doc = await pressRelease();
    await enqueue(world, doc, 'publish');
    await runner!.idle();
    const pageFile = `styrkjer-sjukehusa-i-nord-${doc.id.slice(0, 8)}.html`;
    expect((await readdir(site.folder)).includes(pageFile)).toBe(true);
    await enqueue(world, await readDoc(doc.id), 'unpublish');
    await runner!.idle();
    expect((await readdir(site.folder)).includes(pageFile)).toBe(false);
    expect(await readFile(join(site.folder, 'index.html'), 'utf8')).not.toContain('Styrkjer sjukehusa');
    expect(JSON.parse(await readFile(join(site.folder, 'items', `${doc.id}.json`), 'utf8'))).toMatchObject({ siteStatus: 'draft', workflowStatus: 'avpublisert', page: null, publishedAt: null });
    const stored = await readDoc(doc.id);
    expect(stored.publishedAt).toBeNull();
    expect(stored.remote?.url).toBeNull();
  });

  it('records other steps in the item JSON only, and keeps what is published as it is', async () => {
    const site = await setup();
    const doc = await approvedDoc(world, { title: 'Til godkjenning', status: 'til_godkjenning' });
    await enqueue(world, doc, 'submit');
    await runner!.idle();
    expect((await readdir(site.folder)).filter((n) => n.endsWith('.html'))).toEqual(['index.html']);
    expect(JSON.parse(await readFile(join(site.folder, 'items', `${doc.id}.json`), 'utf8'))).toMatchObject({ siteStatus: 'pending', workflowStatus: 'til_godkjenning' });
    const connection = await site.testConnection();
    expect(connection.ok && connection.value.companion.installed).toBe(true);
  });
});
