import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MELDING_LIMITS, readMeldingFile, writeMeldingFile, type MeldingManifest } from '../../../../../electron/services/library/meldingFile';
import { DOCUMENT_SCHEMA_VERSION, newDocument, type Document } from '../../../../../shared/domain/document';
import type { ErrorCode, Result } from '../../../../../shared/ipc/result';

const MiB = 1024 * 1024;
/** One zlib output chunk: how far past a limit inflating may go before it is stopped. */
const SLACK = 64 * 1024;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
const pattern = (length: number, seed: number): Buffer => Buffer.from(Array.from({ length }, (_, i) => (i * seed + (i >> 5)) % 251));

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pattern(4000, 7919)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), pattern(6000, 104729)]);

function sampleDocument(mediaIds: string[]): Document {
  const base = newDocument({ id: randomUUID(), now: new Date('2026-03-01T09:00:00Z'), author: { name: 'Kari Nordmann', email: 'kari@example.no' }, maalform: 'nn' });
  return {
    ...base,
    title: 'Ny bru opna over fjorden',
    ingress: 'Brua kortar ned reisetida med ein halvtime.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Brua er open for trafikk frå i dag.' }] }] },
    tags: ['samferdsel'],
    images: mediaIds.map((mediaId, i) => ({ id: `bilete-${i}`, mediaId, caption: 'Brua', alt: 'Ei bru over ein fjord', credit: 'Foto: Ola', rights: 'Fri bruk', decorative: false, featured: i === 0 })),
  };
}

function expectCode<T>(result: Result<T>, code: ErrorCode): string {
  if (result.ok) throw new Error(`expected ${code}, but the file was accepted`);
  expect(result.error.code, result.error.message).toBe(code);
  return result.error.message;
}

/** How many bytes the reader says it inflated before it stopped. */
function inflatedBeforeStop(message: string): number {
  const match = /stopped after inflating (\d+) bytes/.exec(message);
  if (!match?.[1]) throw new Error(`no inflated count in: ${message}`);
  return Number(match[1]);
}

interface RawEntry {
  name: string | Buffer;
  data?: Buffer;
  /** 0 stored, 8 deflate, anything else as written. */
  method?: number;
  flags?: number;
  /** The bytes written as the entry's data, instead of `data` (compressed when method is 8). */
  body?: Buffer;
  /** The uncompressed size the headers declare, instead of the real one. */
  size?: number;
  crc?: number;
}

/** A zip written byte by byte, so that its headers can say whatever a hostile file says. */
function rawZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 8;
    const body = e.body ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = e.crc ?? crc32(data);
    const size = e.size ?? data.length;
    const flags = e.flags ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(flags, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(body.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(record, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** Raw deflate of `total` zero bytes, made a mebibyte at a time so the test itself stays small. */
async function deflatedZeros(total: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(deflate, 'end');
  const block = Buffer.alloc(MiB);
  for (let written = 0; written < total; written += MiB) if (!deflate.write(block)) await once(deflate, 'drain');
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A valid file's parts, to be spoiled one at a time by the hostile cases. */
function baseline() {
  const mediaId = sha256(png);
  const document = sampleDocument([mediaId]);
  const path = `media/${mediaId}.png`;
  const manifest: MeldingManifest = {
    format: 'melding',
    formatVersion: 1,
    exportedAt: '2026-03-02T10:00:00.000Z',
    appVersion: '0.1.0',
    documentId: document.id,
    media: [{ mediaId, mimeType: 'image/png', path, size: png.length }],
  };
  const entries = (over: { manifest?: unknown; document?: unknown; media?: Buffer } = {}): RawEntry[] => [
    { name: 'manifest.json', data: json(over.manifest ?? manifest) },
    { name: 'document.json', data: json(over.document ?? document) },
    { name: path, data: over.media ?? png, method: 0 },
  ];
  return { mediaId, document, manifest, path, entries };
}

describe('writeMeldingFile and readMeldingFile', () => {
  const exportedAt = new Date('2026-03-02T10:00:00Z');
  const media = [
    { mediaId: sha256(png), mimeType: 'image/png', bytes: new Uint8Array(png) },
    { mediaId: sha256(jpeg), mimeType: 'image/jpeg', bytes: new Uint8Array(jpeg) },
  ];
  const document = sampleDocument(media.map((m) => m.mediaId));

  it('round-trips a document with two media files', async () => {
    const file = await writeMeldingFile({ document, media, exportedAt, appVersion: '0.1.0' });
    const result = await readMeldingFile(file);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.document).toEqual(document);
    expect(result.value.manifest).toMatchObject({ format: 'melding', formatVersion: 1, exportedAt: exportedAt.toISOString(), appVersion: '0.1.0', documentId: document.id });
    const sorted = [...media].sort((a, b) => a.mediaId.localeCompare(b.mediaId));
    expect(result.value.manifest.media).toEqual(
      sorted.map((m) => ({ mediaId: m.mediaId, mimeType: m.mimeType, path: `media/${m.mediaId}.${m.mimeType === 'image/png' ? 'png' : 'jpg'}`, size: m.bytes.length })),
    );
    expect(result.value.media.map((m) => ({ mediaId: m.mediaId, mimeType: m.mimeType, bytes: Buffer.from(m.bytes) }))).toEqual(
      sorted.map((m) => ({ mediaId: m.mediaId, mimeType: m.mimeType, bytes: Buffer.from(m.bytes) })),
    );
  });

  it('writes the same bytes for the same input, entries in a fixed order', async () => {
    const first = await writeMeldingFile({ document, media, exportedAt, appVersion: '0.1.0' });
    const second = await writeMeldingFile({ document, media: [...media].reverse(), exportedAt, appVersion: '0.1.0' });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const zip = await yauzl.fromBufferPromise(Buffer.from(first));
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) names.push(entry.fileName);
    const ids = media.map((m) => m.mediaId).sort();
    expect(names.slice(0, 2)).toEqual(['manifest.json', 'document.json']);
    expect(names.slice(2).map((n) => n.slice('media/'.length, 'media/'.length + 64))).toEqual(ids);
  });

  it('refuses to write media whose bytes do not match their id, or a document whose images are not given', async () => {
    const wrong = [{ ...media[0]!, bytes: new Uint8Array(jpeg) }, media[1]!];
    await expect(writeMeldingFile({ document, media: wrong, exportedAt, appVersion: '0.1.0' })).rejects.toThrow(/do not hash/);
    await expect(writeMeldingFile({ document, media: media.slice(1), exportedAt, appVersion: '0.1.0' })).rejects.toThrow(/was not given/);
  });

  it('accepts the hand-built baseline the hostile files below are made from', async () => {
    const base = baseline();
    const result = await readMeldingFile(rawZip(base.entries()));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.document).toEqual(base.document);
    expect(Buffer.from(result.value.media[0]!.bytes).equals(png)).toBe(true);
  });
});

describe('readMeldingFile refuses hostile files', () => {
  const base = baseline();
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await deflatedZeros(200 * MiB);
  });

  /** The baseline with its media entry replaced by `entry`, which the manifest lists and the document uses. */
  const withMedia = (entry: Partial<RawEntry>, mediaId = 'b'.repeat(64)): Buffer => {
    const path = `media/${mediaId}.png`;
    const manifest = { ...base.manifest, media: [{ mediaId, mimeType: 'image/png', path, size: 1 }] };
    const document = { ...base.document, images: base.document.images.map((image) => ({ ...image, mediaId })) };
    return rawZip([...base.entries({ manifest, document }).slice(0, 2), { name: path, ...entry }]);
  };

  describe('not a Melding file', () => {
    it.each([
      ['empty input', Buffer.alloc(0)],
      ['plain text', Buffer.from('Hei, dette er ikkje ei zip-fil.\n'.repeat(20))],
      ['a PDF', Buffer.concat([Buffer.from('%PDF-1.7\n'), pattern(2000, 31)])],
      ['random bytes', pattern(10_000, 65_537)],
    ])('%s gives import_not_melding', async (_label, bytes) => {
      expectCode(await readMeldingFile(bytes), 'import_not_melding');
    });

    it('a zip truncated anywhere gives import_not_melding', async () => {
      const file = Buffer.from(rawZip(base.entries()));
      for (const cut of [file.length - 1, file.length - 10, file.length - 30, Math.floor(file.length / 2), 40, 4]) {
        expectCode(await readMeldingFile(file.subarray(0, cut)), 'import_not_melding');
      }
      // The end record survives, but the data before it is cut out: offsets point at the wrong bytes.
      const hollowed = Buffer.concat([file.subarray(0, 100), file.subarray(400)]);
      expectCode(await readMeldingFile(hollowed), 'import_not_melding');
    });

    it('a zip without a manifest gives import_not_melding', async () => {
      expectCode(await readMeldingFile(rawZip(base.entries().slice(1))), 'import_not_melding');
    });

    it.each([
      ['not JSON', Buffer.from('{"format": "melding",')],
      ['another format', json({ ...base.manifest, format: 'zipdoc' })],
      ['format version 0', json({ ...base.manifest, formatVersion: 0 })],
      ['format version as a string', json({ ...base.manifest, formatVersion: '1' })],
      ['a field the format does not have', json({ ...base.manifest, plugin: 'x' })],
      ['no document id', json({ ...base.manifest, documentId: undefined })],
    ])('a manifest with %s gives import_not_melding', async (_label, manifest) => {
      const entries = base.entries();
      entries[0] = { name: 'manifest.json', data: manifest };
      expectCode(await readMeldingFile(rawZip(entries)), 'import_not_melding');
    });

    it('a higher formatVersion gives import_newer_format', async () => {
      expectCode(await readMeldingFile(rawZip(base.entries({ manifest: { ...base.manifest, formatVersion: 2, newThing: true } }))), 'import_newer_format');
    });

    it('a document from a newer schema gives import_newer_format', async () => {
      expectCode(await readMeldingFile(rawZip(base.entries({ document: { ...base.document, schemaVersion: DOCUMENT_SCHEMA_VERSION + 1 } }))), 'import_newer_format');
    });

    it('an encrypted entry gives import_not_melding', async () => {
      const entries = base.entries();
      entries[1] = { ...entries[1]!, flags: 0x1 };
      expectCode(await readMeldingFile(rawZip(entries)), 'import_not_melding');
    });

    it.each([12, 14, 93, 99])('compression method %i gives import_not_melding', async (method) => {
      const entries = base.entries();
      entries[1] = { ...entries[1]!, method, body: deflateRawSync(entries[1]!.data!) };
      expectCode(await readMeldingFile(rawZip(entries)), 'import_not_melding');
    });

    it('an entry that holds less than it declares gives import_not_melding', async () => {
      expectCode(await readMeldingFile(withMedia({ data: png, method: 0, size: png.length + 100 }, base.mediaId)), 'import_not_melding');
    });

    it('deflate data that is not deflate gives import_not_melding', async () => {
      expectCode(await readMeldingFile(withMedia({ data: png, body: pattern(3000, 17), size: png.length }, base.mediaId)), 'import_not_melding');
    });
  });

  describe('unsafe names and unexpected entries', () => {
    it.each([
      ['../evil.sh'],
      ['media/../../evil.sh'],
      ['/etc/passwd'],
      ['C:/Windows/System32/evil.dll'],
      ['c:evil.dll'],
      ['..\\evil.sh'],
      [`media\\${'a'.repeat(64)}.png`],
      ['./manifest.json'],
      ['media//x.png'],
      ['notes.txt'],
      ['media/'],
      ['__MACOSX/._document.json'],
      [Buffer.from('document.json\0.png', 'latin1')],
      [Buffer.from([0x6d, 0x65, 0xff, 0xfe])],
    ])('%j gives import_unsafe', async (name) => {
      const result = await readMeldingFile(rawZip([...base.entries(), { name, data: Buffer.from('#!/bin/sh\nrm -rf ~\n') }]));
      expectCode(result, 'import_unsafe');
    });

    it('a media file the manifest does not list gives import_unsafe', async () => {
      const stray = { name: `media/${sha256(jpeg)}.jpg`, data: jpeg, method: 0 };
      expectCode(await readMeldingFile(rawZip([...base.entries(), stray])), 'import_unsafe');
    });

    it('an entry name given twice gives import_unsafe', async () => {
      const entries = base.entries();
      expectCode(await readMeldingFile(rawZip([...entries, { name: 'document.json', data: json({ ...base.document, title: 'Den andre' }) }])), 'import_unsafe');
    });
  });

  describe('too large', () => {
    it('more entries than the limit gives import_too_large before anything is read', async () => {
      const many = Array.from({ length: DEFAULT_MELDING_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `media/${sha256(Buffer.from([i & 255, i >> 8]))}.png`, data: Buffer.from([i]), method: 0 }));
      expectCode(await readMeldingFile(rawZip([...base.entries(), ...many])), 'import_too_large');
      expectCode(await readMeldingFile(rawZip(base.entries()), { maxEntries: 2 }), 'import_too_large');
    });

    it('an honest zip bomb (200 MB of zeros, declared as such) gives import_too_large without inflating', async () => {
      const message = expectCode(await readMeldingFile(withMedia({ body: bomb, size: 200 * MiB, crc: 0 })), 'import_too_large');
      expect(message).toMatch(/declares/);
    });

    it('a bomb whose declared size lies is stopped once it passes what it declared', async () => {
      const message = expectCode(await readMeldingFile(withMedia({ body: bomb, size: 1000, crc: 0 })), 'import_too_large');
      expect(inflatedBeforeStop(message)).toBeLessThanOrEqual(1000 + SLACK);
    });

    it('a bomb hidden in document.json is stopped the same way', async () => {
      const entries = base.entries();
      entries[1] = { name: 'document.json', body: bomb, size: 4000, crc: 0 };
      const message = expectCode(await readMeldingFile(rawZip(entries)), 'import_too_large');
      expect(inflatedBeforeStop(message)).toBeLessThanOrEqual(4000 + SLACK);
    });

    it('a bomb declared within the limits is stopped by its compression ratio', async () => {
      const message = expectCode(await readMeldingFile(withMedia({ body: bomb, size: 99 * MiB, crc: 0 })), 'import_too_large');
      expect(message).toMatch(/times/);
      expect(inflatedBeforeStop(message)).toBeLessThanOrEqual(DEFAULT_MELDING_LIMITS.maxCompressionRatio * bomb.length + SLACK);
    });

    it('without the ratio check, the bomb is refused after inflating no more than the media limit', async () => {
      const limit = DEFAULT_MELDING_LIMITS.maxMediaBytes;
      const message = expectCode(await readMeldingFile(withMedia({ body: bomb, size: limit, crc: 0 }), { maxCompressionRatio: Infinity }), 'import_too_large');
      const inflated = inflatedBeforeStop(message);
      expect(inflated).toBeGreaterThan(limit);
      expect(inflated).toBeLessThanOrEqual(limit + SLACK);
    });

    it('a stored entry holding more than it declares gives import_too_large', async () => {
      expectCode(await readMeldingFile(withMedia({ data: png, method: 0, size: 10 }, base.mediaId)), 'import_too_large');
    });

    it('a media file, document.json or the whole over its limit gives import_too_large', async () => {
      const file = rawZip(base.entries());
      expectCode(await readMeldingFile(file, { maxMediaBytes: png.length - 1 }), 'import_too_large');
      expect(expectCode(await readMeldingFile(file, { maxDocumentBytes: json(base.manifest).length }), 'import_too_large')).toMatch(/document\.json/);
      expectCode(await readMeldingFile(file, { maxTotalBytes: png.length + 200 }), 'import_too_large');
    });
  });

  describe('invalid document', () => {
    it('document.json that is not JSON gives import_invalid_document', async () => {
      const entries = base.entries();
      entries[1] = { name: 'document.json', data: Buffer.from('{"schemaVersion": 1, "title": ') };
      expectCode(await readMeldingFile(rawZip(entries)), 'import_invalid_document');
    });

    it.each([
      ['a number for the title', { title: 42 }],
      ['a string for the revision', { revision: '3' }],
      ['an unknown status', { status: 'slettet' }],
      ['a body that is not a document', { body: { type: 'paragraph' } }],
      ['images that are not a list', { images: 'bilete.png' }],
      ['a field the schema does not have', { script: 'alert(1)' }],
    ])('document.json with %s gives import_invalid_document', async (_label, change) => {
      expectCode(await readMeldingFile(rawZip(base.entries({ document: { ...base.document, ...change } }))), 'import_invalid_document');
    });

    it('a missing document.json, or one the manifest does not name, gives import_invalid_document', async () => {
      const entries = base.entries();
      expectCode(await readMeldingFile(rawZip([entries[0]!, entries[2]!])), 'import_invalid_document');
      expectCode(await readMeldingFile(rawZip(base.entries({ document: { ...base.document, id: randomUUID() } }))), 'import_invalid_document');
    });
  });

  describe('invalid media', () => {
    it('a tampered media byte (with a CRC to match) gives import_invalid_media', async () => {
      const tampered = Buffer.from(png);
      tampered[100] = tampered[100]! ^ 0xff;
      expectCode(await readMeldingFile(rawZip(base.entries({ media: tampered }))), 'import_invalid_media');
    });

    it('a byte flipped in an exported file gives import_invalid_media', async () => {
      const mediaId = sha256(png);
      const file = Buffer.from(await writeMeldingFile({ document: base.document, media: [{ mediaId, mimeType: 'image/png', bytes: png }], exportedAt: new Date(), appVersion: '0.1.0' }));
      const at = file.indexOf(png.subarray(1000, 1100));
      expect(at).toBeGreaterThan(0);
      file[at] = file[at]! ^ 0x01;
      expectCode(await readMeldingFile(file), 'import_invalid_media');
    });

    it('media listed in the manifest but missing from the file gives import_invalid_media', async () => {
      expectCode(await readMeldingFile(rawZip(base.entries().slice(0, 2))), 'import_invalid_media');
    });

    it('media used by document.images but not in the file gives import_invalid_media', async () => {
      const document = { ...base.document, images: [...base.document.images, { ...base.document.images[0]!, id: 'bilete-x', mediaId: sha256(jpeg) }] };
      expectCode(await readMeldingFile(rawZip(base.entries({ document }))), 'import_invalid_media');
    });

    it('a manifest size or path that does not match the media gives import_invalid_media', async () => {
      const [entry] = base.manifest.media;
      const wrongSize = { ...base.manifest, media: [{ ...entry!, size: png.length + 1 }] };
      expectCode(await readMeldingFile(rawZip(base.entries({ manifest: wrongSize }))), 'import_invalid_media');
      const wrongPath = { ...base.manifest, media: [{ ...entry!, mimeType: 'image/jpeg' }] };
      expectCode(await readMeldingFile(rawZip(base.entries({ manifest: wrongPath }))), 'import_invalid_media');
    });
  });
});
