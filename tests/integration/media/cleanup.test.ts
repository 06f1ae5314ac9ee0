/**
 * Clean-up of unused media with a real library and a real store: what any document (bin
 * included) or stored revision refers to is never offered nor removed; a save queued before a
 * clean-up lands first and keeps its photo; recently added photos are kept for a while.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/services/logger';
import { MediaCleanup } from '../../../electron/services/media/mediaCleanup';
import { MediaStore } from '../../../electron/services/media/mediaStore';
import type { ImageUse } from '../../../shared/domain/document';
import { content, libraryDir, openLibrary } from '../../unit/support/libraryFixture';
import { noisyJpeg, workDir } from './support/testImages';

function use(mediaId: string): ImageUse {
  return { id: randomUUID().slice(0, 8), mediaId, caption: 'Bildetekst', alt: 'Alternativ tekst', credit: 'Foto: NTB', rights: '', decorative: false, featured: false };
}

async function setup(freshMs = 0) {
  const { library, clock } = await openLibrary(await libraryDir());
  const store = await MediaStore.open({ dir: await workDir(), logger: silentLogger, now: clock.now, freshMs });
  const cleanup = new MediaCleanup(store, library, silentLogger);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const ingested = await store.ingest(`foto-${i}.jpg`, await noisyJpeg(300, 200, 100 + i));
    if (!ingested.ok) throw new Error(ingested.error.message);
    ids.push(ingested.value.media.id);
  }
  return { library, store, cleanup, clock, ids: ids as [string, string, string, string, string] };
}

describe('media:unused and media:removeUnused', () => {
  it('offers and removes only what no document, binned document or revision uses', async () => {
    const { library, store, cleanup, ids } = await setup();
    const [inDoc, inBin, inRevision, unusedA, unusedB] = ids;
    const doc = await library.create({ type: 'pressemelding', maalform: 'nb' });
    const binned = await library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok || !binned.ok) throw new Error('create failed');
    await library.save(doc.value.id, 0, content({ images: [use(inDoc), use(inRevision)] }));
    // The revision keeps inRevision after the document stops using it.
    await library.snapshot(doc.value.id, 'manual');
    await library.save(doc.value.id, 1, content({ images: [use(inDoc)] }));
    await library.save(binned.value.id, 0, content({ images: [use(inBin)] }));
    await library.trash(binned.value.id);

    const unused = await cleanup.unused();
    if (!unused.ok) throw new Error(unused.error.message);
    expect(unused.value.items.map((m) => m.id).sort()).toEqual([unusedA, unusedB].sort());
    expect(unused.value.bytes).toBe(unused.value.items.reduce((s, m) => s + m.bytes + m.renditions.reduce((t, r) => t + r.bytes, 0), 0));

    // Asked to remove everything: only the unused ones go.
    const removed = await cleanup.removeUnused(ids);
    expect(removed).toMatchObject({ ok: true, value: { removed: 2, bytes: unused.value.bytes } });
    for (const id of [inDoc, inBin, inRevision]) expect((await store.get(id)).ok).toBe(true);
    for (const id of [unusedA, unusedB]) expect(await store.get(id)).toMatchObject({ ok: false, error: { code: 'media_not_found' } });
    expect((await cleanup.unused()).ok && (await cleanup.unused())).toMatchObject({ value: { items: [], bytes: 0 } });
  });

  it('frees media once the bin is emptied and the history goes with it', async () => {
    const { library, cleanup, ids } = await setup();
    const doc = await library.create({ type: 'pressemelding', maalform: 'nb' });
    if (!doc.ok) throw new Error('create failed');
    await library.save(doc.value.id, 0, content({ images: [use(ids[0])] }));
    await library.snapshot(doc.value.id, 'manual');
    await library.trash(doc.value.id);
    expect((await cleanup.unused()).ok && (await cleanup.unused())).not.toMatchObject({ value: { items: expect.arrayContaining([expect.objectContaining({ id: ids[0] })]) } });
    await library.emptyBin();
    const unused = await cleanup.unused();
    expect(unused.ok && unused.value.items.map((m) => m.id)).toContain(ids[0]);
  });

  it('lets a save queued before the clean-up land first, and keeps the photo it uses', async () => {
    const { library, store, cleanup, ids } = await setup();
    const doc = await library.create({ type: 'pressemelding', maalform: 'nb' });
    if (!doc.ok) throw new Error('create failed');
    const saving = library.save(doc.value.id, 0, content({ images: [use(ids[3])] }));
    const removing = cleanup.removeUnused([ids[3], ids[4]]);
    expect((await saving).ok).toBe(true);
    expect(await removing).toMatchObject({ ok: true, value: { removed: 1 } });
    expect((await store.get(ids[3])).ok).toBe(true);
    expect((await store.get(ids[4])).ok).toBe(false);
  });

  it('keeps a photo added in the last minutes (the editor may not have saved it yet)', async () => {
    const { cleanup, clock, ids } = await setup(15 * 60 * 1000);
    expect(await cleanup.unused()).toMatchObject({ ok: true, value: { items: [] } });
    expect(await cleanup.removeUnused(ids)).toMatchObject({ ok: true, value: { removed: 0 } });
    clock.advance(16 * 60 * 1000);
    const unused = await cleanup.unused();
    expect(unused.ok && unused.value.items).toHaveLength(5);
  });

  it('ignores ids that are not in the store', async () => {
    const { cleanup } = await setup();
    expect(await cleanup.removeUnused(['0'.repeat(64)])).toMatchObject({ ok: true, value: { removed: 0, bytes: 0 } });
  });
});
