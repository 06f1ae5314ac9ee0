/**
 * A document with photos travels as a .melding file with the originals, and arrives in another
 * library whole: the photos go through the receiver's own ingest checks and get renditions
 * there. A file carrying something that is not a photo imports nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeMeldingFile } from '../../../electron/services/library/meldingFile';
import { Transfer } from '../../../electron/services/library/transfer';
import { silentLogger } from '../../../electron/services/logger';
import { MediaStore } from '../../../electron/services/media/mediaStore';
import type { Document, ImageUse } from '../../../shared/domain/document';
import { DEFAULT_LIBRARY_QUERY } from '../../../shared/domain/libraryQuery';
import { content, libraryDir, openLibrary } from '../../unit/support/libraryFixture';
import { noisyJpeg, workDir } from './support/testImages';

async function side() {
  const opened = await openLibrary(await libraryDir());
  const media = await MediaStore.open({ dir: await workDir(), logger: silentLogger, now: opened.clock.now, freshMs: 0 });
  const transfer = new Transfer(opened.library, media, { now: opened.clock.now, newId: randomUUID, appVersion: '0.1.0' });
  return { ...opened, media, transfer };
}

function use(mediaId: string, featured: boolean): ImageUse {
  return { id: randomUUID().slice(0, 8), mediaId, caption: 'Statsråden på besøk', alt: 'To personar helsar', credit: 'Foto: Åse / NTB', rights: '', decorative: false, featured };
}

describe('.melding with images', () => {
  it('exports the originals and imports them through the same checks, renditions made on arrival', async () => {
    const a = await side();
    const b = await side();
    const photos = [await noisyJpeg(1600, 1000, 21), await noisyJpeg(800, 1200, 22)];
    const ids: string[] = [];
    for (const [i, bytes] of photos.entries()) {
      const ingested = await a.media.ingest(`foto-${i}.jpg`, bytes);
      if (!ingested.ok) throw new Error(ingested.error.message);
      ids.push(ingested.value.media.id);
    }
    const doc = await a.library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    // The same photo used twice travels once.
    const images = [use(ids[0] as string, true), use(ids[1] as string, false), use(ids[1] as string, false)];
    await a.library.save(doc.value.id, 0, content({ title: 'Med bilete', images }));
    const exported = await a.transfer.exportDocument(doc.value.id);
    if (!exported.ok) throw new Error(exported.error.message);

    const imported = await b.transfer.importFile(exported.value.bytes, 'ask');
    expect(imported).toMatchObject({ ok: true, value: { outcome: 'imported', document: { id: doc.value.id, images } } });
    for (const [i, id] of ids.entries()) {
      const original = await b.media.original(id);
      expect(original.ok && Buffer.compare(original.value.bytes, photos[i] as Buffer)).toBe(0);
      const info = await b.media.get(id);
      expect(info.ok && info.value.renditions.map((r) => r.name)).toEqual(['w2400', 'w1200', 'w600', 'thumb']);
    }
    // Importing the same file again stores nothing twice.
    expect(await b.transfer.importFile(exported.value.bytes, 'ask')).toMatchObject({ ok: true, value: { outcome: 'unchanged' } });
    expect(await b.media.list()).toHaveLength(2);
  });

  it('cannot export a document whose photo is missing from the store', async () => {
    const a = await side();
    const doc = await a.library.create({ type: 'pressemelding', maalform: 'nb' });
    if (!doc.ok) throw new Error('create failed');
    await a.library.save(doc.value.id, 0, content({ images: [use('f'.repeat(64), true)] }));
    expect(await a.transfer.exportDocument(doc.value.id)).toMatchObject({ ok: false, error: { code: 'media_unavailable' } });
  });

  it('imports nothing when an "image" in the file is an SVG with a script', async () => {
    const b = await side();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"><script>alert(1)</script></svg>');
    const mediaId = createHash('sha256').update(svg).digest('hex');
    // Made by hand: Melding itself never stores an SVG, so it could not export one.
    const scratch = await (await side()).library.create({ type: 'pressemelding', maalform: 'nb' });
    if (!scratch.ok) throw new Error('create failed');
    const doc: Document = { ...scratch.value, ...content({ images: [use(mediaId, true)] }) };
    const file = await writeMeldingFile({ document: doc, media: [{ mediaId, mimeType: 'image/svg+xml', bytes: svg }], exportedAt: new Date(), appVersion: '0.1.0' });
    const result = await b.transfer.importFile(file, 'ask');
    expect(result).toMatchObject({ ok: false, error: { code: 'import_invalid_media' } });
    expect(result.ok || result.error.message).toContain('media_unsupported_type');
    expect(b.library.list(DEFAULT_LIBRARY_QUERY, 0, 10).total).toBe(0);
    expect(await b.media.list()).toEqual([]);
  });
});
