import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIBRARY_QUERY } from '../../../../../shared/domain/libraryQuery';
import { bodiesIndexed, content, libraryDir, openLibrary } from '../../../support/libraryFixture';

describe('Library: documents on disk', () => {
  it('creates a document as one JSON file and lists it', async () => {
    const dir = await libraryDir();
    const { library } = await openLibrary(dir);
    const created = await library.create({ type: 'nyhet', maalform: 'nn' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await readdir(join(dir, 'documents'))).toEqual([`${created.value.id}.json`]);
    const page = library.list(DEFAULT_LIBRARY_QUERY, 0, 10);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: created.value.id, type: 'nyhet', maalform: 'nn', status: 'utkast', authorName: 'Kari Nordmann' });
    await library.close();
  });

  it('saves on top of the revision it was given, and refuses a stale one', async () => {
    const { library, clock } = await openLibrary(await libraryDir());
    const doc = await library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    clock.advance(1000);
    const first = await library.save(doc.value.id, 0, content({ title: 'Første' }));
    expect(first).toMatchObject({ ok: true, value: { revision: 1 } });
    const stale = await library.save(doc.value.id, 0, content({ title: 'Frå eit anna vindauge' }));
    expect(stale).toMatchObject({ ok: false, error: { code: 'document_conflict' } });
    const reread = await library.get(doc.value.id);
    expect(reread.ok && reread.value.document.title).toBe('Første');
    expect(reread.ok && reread.value.document.updatedAt).toBe('2026-11-23T10:00:01.000Z');
    await library.close();
  });

  it('does not write when nothing changed', async () => {
    const { library } = await openLibrary(await libraryDir());
    const doc = await library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    await library.save(doc.value.id, 0, content());
    const again = await library.save(doc.value.id, 1, content());
    expect(again).toMatchObject({ ok: true, value: { revision: 1 } });
    await library.close();
  });

  it('keeps everything across a close and reopen', async () => {
    const dir = await libraryDir();
    const first = await openLibrary(dir);
    const doc = await first.library.create({ type: 'artikkel', maalform: 'nb' });
    if (!doc.ok) throw new Error('create failed');
    await first.library.save(doc.value.id, 0, content({ title: 'Varig tittel', maalform: 'nb' }));
    await first.library.close();
    const second = await openLibrary(dir);
    expect(second.library.list(DEFAULT_LIBRARY_QUERY, 0, 10).items.map((s) => s.title)).toEqual(['Varig tittel']);
    await bodiesIndexed(second.library);
    expect(second.library.list({ ...DEFAULT_LIBRARY_QUERY, text: 'ventetidene' }, 0, 10).total).toBe(1);
    await second.library.close();
  });

  it('finds documents by words in the body once indexed, and keeps the search current on save', async () => {
    const { library } = await openLibrary(await libraryDir());
    const a = await library.create({ type: 'pressemelding', maalform: 'nn' });
    const b = await library.create({ type: 'nyhet', maalform: 'nb' });
    if (!a.ok || !b.ok) throw new Error('create failed');
    await library.save(a.value.id, 0, content({ title: 'Om fastlegar', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fastlegeordninga får meir pengar.' }] }] } }));
    await library.save(b.value.id, 0, content({ title: 'Om sjukehus', maalform: 'nb' }));
    const search = (text: string) => library.list({ ...DEFAULT_LIBRARY_QUERY, text }, 0, 10).items.map((s) => s.title);
    expect(search('fastlegeordninga')).toEqual(['Om fastlegar']);
    await library.save(a.value.id, 1, content({ title: 'Om fastlegar', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Anna tekst no.' }] }] } }));
    expect(search('fastlegeordninga')).toEqual([]);
    await library.close();
  });
});

describe('Library: snapshots, restore and the bin', () => {
  it('snapshots on request and restores an old version, itself undoable', async () => {
    const { library, clock } = await openLibrary(await libraryDir());
    const doc = await library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    await library.save(doc.value.id, 0, content({ ingress: 'Gammal ingress.' }));
    const snap = await library.snapshot(doc.value.id, 'manual');
    expect(snap).toMatchObject({ ok: true, value: { kind: 'manual', docRevision: 1, authorName: 'Kari Nordmann' } });
    clock.advance(60_000);
    await library.save(doc.value.id, 1, content({ ingress: 'Ny ingress.' }));
    if (!snap.ok) return;
    const restored = await library.restore(doc.value.id, snap.value.id, 2);
    expect(restored).toMatchObject({ ok: true, value: { ingress: 'Gammal ingress.', revision: 3 } });
    const list = await library.revisionList(doc.value.id);
    // The first edit of a document also leaves a periodic snapshot: a starting point in the history.
    expect(list.ok && list.value.map((r) => r.kind)).toEqual(['restore', 'before-restore', 'manual', 'periodic']);
    const before = list.ok ? list.value[1] : undefined;
    const undone = await library.restore(doc.value.id, before?.id ?? '', 3);
    expect(undone).toMatchObject({ ok: true, value: { ingress: 'Ny ingress.' } });
    await library.close();
  });

  it('takes a periodic snapshot while editing goes on, not on every save', async () => {
    const { library, clock } = await openLibrary(await libraryDir(), { snapshotEveryMs: 10 * 60_000 });
    const doc = await library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    let revision = 0;
    for (let i = 0; i < 30; i++) {
      clock.advance(60_000);
      const saved = await library.save(doc.value.id, revision, content({ title: `Versjon ${i}` }));
      if (saved.ok) revision = saved.value.revision;
    }
    await library.snapshot(doc.value.id, 'manual'); // waits for queued periodic snapshots too
    const list = await library.revisionList(doc.value.id);
    const periodic = list.ok ? list.value.filter((r) => r.kind === 'periodic').length : -1;
    expect(periodic).toBeGreaterThanOrEqual(2);
    expect(periodic).toBeLessThanOrEqual(4);
    await library.close();
  });

  it('moves documents to the bin and back, refuses edits there, and empties it for good', async () => {
    const dir = await libraryDir();
    const { library } = await openLibrary(dir);
    const doc = await library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    const trashed = await library.trash(doc.value.id);
    expect(trashed.ok && trashed.value.deletedAt).toBeTruthy();
    expect(library.list(DEFAULT_LIBRARY_QUERY, 0, 10).total).toBe(0);
    expect(library.list({ ...DEFAULT_LIBRARY_QUERY, view: 'bin' }, 0, 10).total).toBe(1);
    expect(await library.save(doc.value.id, 1, content())).toMatchObject({ ok: false, error: { code: 'document_in_bin' } });
    await library.untrash(doc.value.id);
    expect(library.list(DEFAULT_LIBRARY_QUERY, 0, 10).total).toBe(1);
    await library.snapshot(doc.value.id, 'manual');
    await library.trash(doc.value.id);
    expect(await library.emptyBin()).toEqual({ ok: true, value: { removed: 1 } });
    expect(await readdir(join(dir, 'documents'))).toEqual([]);
    expect(await readdir(join(dir, 'revisions'))).toEqual([]);
    expect(library.list({ ...DEFAULT_LIBRARY_QUERY, view: 'bin' }, 0, 10).total).toBe(0);
    await library.close();
  });

  it('duplicates a document as a new draft with the given title', async () => {
    const { library } = await openLibrary(await libraryDir());
    const doc = await library.create({ type: 'nyhet', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    await library.save(doc.value.id, 0, content({ type: 'nyhet', title: 'Original' }));
    const copy = await library.duplicate(doc.value.id, 'Original (kopi)');
    expect(copy).toMatchObject({ ok: true, value: { title: 'Original (kopi)', type: 'nyhet', revision: 0, status: 'utkast' } });
    expect(copy.ok && copy.value.id).not.toBe(doc.value.id);
    expect(library.list(DEFAULT_LIBRARY_QUERY, 0, 10).total).toBe(2);
    await library.close();
  });
});

describe('Library: damage and recovery', () => {
  it.each([
    ['zero bytes', ''],
    ['truncated JSON', '{"schemaVersion":1,"id":"'],
    ['valid JSON of the wrong shape', '{"schemaVersion":1,"title":42}'],
  ])('sets a damaged file (%s) aside and brings back the last good snapshot, with a notice', async (_name, damage) => {
    const dir = await libraryDir();
    const first = await openLibrary(dir);
    const doc = await first.library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    await first.library.save(doc.value.id, 0, content({ title: 'Trygg versjon' }));
    await first.library.snapshot(doc.value.id, 'manual');
    await first.library.close();
    await writeFile(join(dir, 'documents', `${doc.value.id}.json`), damage);

    const second = await openLibrary(dir);
    const opened = await second.library.get(doc.value.id);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.document.title).toBe('Trygg versjon');
    expect(opened.value.recoveredFrom).toBe('2026-11-23T10:00:00.000Z');
    expect(opened.value.document.revision).toBeGreaterThan(1);
    const damaged = await readdir(join(dir, 'damaged'));
    expect(damaged).toHaveLength(1);
    expect(await readFile(join(dir, 'damaged', damaged[0] as string), 'utf8')).toBe(damage);
    const history = await second.library.revisionList(doc.value.id);
    expect(history.ok && history.value[0]?.kind).toBe('recovered');
    await second.library.close();
  });

  it('answers document_damaged, keeps the file and tells the user when there is no snapshot', async () => {
    const dir = await libraryDir();
    const first = await openLibrary(dir);
    const doc = await first.library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    await first.library.close();
    await writeFile(join(dir, 'documents', `${doc.value.id}.json`), 'garbage');
    const second = await openLibrary(dir);
    expect(await second.library.get(doc.value.id)).toMatchObject({ ok: false, error: { code: 'document_damaged' } });
    expect(second.notices.map((n) => n.code)).toContain('document_lost');
    expect(await readdir(join(dir, 'damaged'))).toHaveLength(1);
    await second.library.close();
  });

  it('rebuilds a missing or damaged index from the documents and says so', async () => {
    const dir = await libraryDir();
    const first = await openLibrary(dir);
    for (let i = 0; i < 3; i++) {
      const d = await first.library.create({ type: 'nyhet', maalform: 'nb' });
      if (d.ok) await first.library.save(d.value.id, 0, content({ title: `Dokument ${i}`, maalform: 'nb' }));
    }
    await first.library.close();
    await writeFile(join(dir, 'index.json'), '{"format":1,"entr');
    const second = await openLibrary(dir);
    expect(second.library.list(DEFAULT_LIBRARY_QUERY, 0, 10).total).toBe(3);
    expect(second.notices).toContainEqual({ code: 'library_index_rebuilt', detail: '3' });
    await second.library.close();

    await rm(join(dir, 'index.json'));
    const third = await openLibrary(dir);
    expect(third.library.list(DEFAULT_LIBRARY_QUERY, 0, 10).total).toBe(3);
    await third.library.close();
  });

  it('mends an index entry that fell behind its file (crash between the two writes)', async () => {
    const dir = await libraryDir();
    const first = await openLibrary(dir);
    const doc = await first.library.create({ type: 'nyhet', maalform: 'nb' });
    if (!doc.ok) throw new Error('create failed');
    await first.library.close();
    // The document moved on, but the index never heard of it.
    const path = join(dir, 'documents', `${doc.value.id}.json`);
    const stored = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...stored, title: 'Skrevet før krasjet', revision: 7 }));
    await writeFile(join(dir, 'session.lock'), '999999'); // the crashed process's lock is still there
    const second = await openLibrary(dir);
    await bodiesIndexed(second.library);
    expect(second.library.summary(doc.value.id)).toMatchObject({ title: 'Skrevet før krasjet', revision: 7 });
    await second.library.close();
  });
});

describe('Library: leftovers of a crash', () => {
  it('removes temp files a crash left mid-write, and keeps the real files', async () => {
    const dir = await libraryDir();
    const first = await openLibrary(dir);
    const doc = await first.library.create({ type: 'nyhet', maalform: 'nb' });
    if (!doc.ok) throw new Error('create failed');
    await first.library.close();
    await writeFile(join(dir, 'documents', `.${doc.value.id}.json.123.abcd.tmp`), '{"half":');
    await writeFile(join(dir, '.index.json.123.abcd.tmp'), '{"format":1,');
    const second = await openLibrary(dir);
    expect(await readdir(join(dir, 'documents'))).toEqual([`${doc.value.id}.json`]);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await second.library.get(doc.value.id)).toMatchObject({ ok: true });
    await second.library.close();
  });
});

describe('Library: the saved search index', () => {
  it('is written at close and loaded at the next open, re-indexing only what changed', async () => {
    const dir = await libraryDir();
    const first = await openLibrary(dir);
    const a = await first.library.create({ type: 'nyhet', maalform: 'nn' });
    const b = await first.library.create({ type: 'nyhet', maalform: 'nn' });
    if (!a.ok || !b.ok) throw new Error('create failed');
    await first.library.save(a.value.id, 0, content({ body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kvalfangst i Lofoten.' }] }] } }));
    await first.library.save(b.value.id, 0, content({ body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sjukehus i Bodø.' }] }] } }));
    await bodiesIndexed(first.library);
    await first.library.close();
    expect((await readdir(dir)).includes('search.bin')).toBe(true);

    // Changed behind the library's back: the stale entry must be re-read, not trusted.
    const path = join(dir, 'documents', `${b.value.id}.json`);
    const stored = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...stored, revision: 5, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rørosbanen.' }] }] } }));
    const indexPath = join(dir, 'index.json');
    const index = JSON.parse(await readFile(indexPath, 'utf8')) as { entries: { id: string; revision: number }[] };
    for (const e of index.entries) if (e.id === b.value.id) e.revision = 5;
    await writeFile(indexPath, JSON.stringify(index));

    const logs: string[] = [];
    const second = await openLibrary(dir, { logger: { info: (e, f) => logs.push(`${e} ${JSON.stringify(f)}`), warn: () => undefined, error: () => undefined } });
    await bodiesIndexed(second.library);
    const search = (text: string) => second.library.list({ ...DEFAULT_LIBRARY_QUERY, text }, 0, 10).total;
    expect(search('kvalfangst')).toBe(1);
    expect(search('rørosbanen')).toBe(1);
    expect(search('bodø')).toBe(0);
    expect(logs.find((l) => l.startsWith('library.search_index_loaded'))).toContain('"reindexed":1');
    await second.library.close();
  });

  it('is not trusted after a crash: every document is read again', async () => {
    const dir = await libraryDir();
    const first = await openLibrary(dir);
    const a = await first.library.create({ type: 'nyhet', maalform: 'nn' });
    if (!a.ok) throw new Error('create failed');
    await first.library.save(a.value.id, 0, content({ body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kvalfangst.' }] }] } }));
    await bodiesIndexed(first.library);
    await first.library.close();
    await writeFile(join(dir, 'session.lock'), '999999'); // a crashed process's lock
    const logs: string[] = [];
    const second = await openLibrary(dir, { logger: { info: (e) => logs.push(e), warn: () => undefined, error: () => undefined } });
    await bodiesIndexed(second.library);
    expect(logs).toContain('library.background_index_done');
    expect(logs).not.toContain('library.search_index_loaded');
    expect(second.library.list({ ...DEFAULT_LIBRARY_QUERY, text: 'kvalfangst' }, 0, 10).total).toBe(1);
    await second.library.close();
  });
});

describe('Library: the background pass after a crash races with the user', () => {
  it('never puts an older summary over a save made while it runs, nor drops a document created meanwhile', async () => {
    const dir = await libraryDir();
    const first = await openLibrary(dir);
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      const d = await first.library.create({ type: 'nyhet', maalform: 'nb' });
      if (d.ok) ids.push(d.value.id);
    }
    await first.library.close();
    await writeFile(join(dir, 'session.lock'), '999999');
    const second = await openLibrary(dir);
    // While the pass reads the files: save every document once and create new ones.
    const saves = ids.map((id) => second.library.save(id, 0, content({ title: `Lagra under passet ${id}`, maalform: 'nb' })));
    const created = await Promise.all([0, 1, 2].map(() => second.library.create({ type: 'artikkel', maalform: 'nn' })));
    await Promise.all(saves);
    await bodiesIndexed(second.library);
    for (const id of ids) expect(second.library.summary(id)?.revision, id).toBe(1);
    for (const c of created) expect(c.ok && second.library.summary(c.value.id)).toBeTruthy();
    await second.library.close();
    const third = await openLibrary(dir);
    for (const id of ids) expect(third.library.summary(id)?.title).toBe(`Lagra under passet ${id}`);
    expect(third.library.list(DEFAULT_LIBRARY_QUERY, 0, 500).total).toBe(153);
    await third.library.close();
  });
});
