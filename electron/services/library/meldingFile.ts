import { createHash } from 'node:crypto';
import { createInflateRaw, crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import type { Document } from '../../../shared/domain/document';
import { migrateDocument } from '../../../shared/domain/documentMigrations';
import { err, ok, type ErrorCode, type Result } from '../../../shared/ipc/result';

/*
 * A `.melding` file is how writers hand a document to each other without a network: a zip of
 * manifest.json, document.json and media/<mediaId>.<ext>. Import treats the file as hostile.
 * yauzl parses the zip structure (end record, ZIP64, central directory, local headers, bounds);
 * names, sizes and contents are checked here, and every entry is inflated by a stream this module
 * owns, stopped the moment it passes what the entry declared or what the limits allow.
 */

export const MELDING_FORMAT = 'melding';
export const MELDING_FORMAT_VERSION = 1;

export interface MeldingLimits {
  readonly maxEntries: number;
  /** Per media file, uncompressed. */
  readonly maxMediaBytes: number;
  /** All entries together, uncompressed. */
  readonly maxTotalBytes: number;
  /** document.json (and manifest.json), uncompressed. */
  readonly maxDocumentBytes: number;
  /** Inflated bytes per compressed byte past which an entry is taken for a zip bomb. */
  readonly maxCompressionRatio: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_MELDING_LIMITS: MeldingLimits = {
  maxEntries: 500,
  maxMediaBytes: 100 * MiB,
  maxTotalBytes: 300 * MiB,
  maxDocumentBytes: 5 * MiB,
  maxCompressionRatio: 200,
};
/** Below this, a high ratio is an empty paragraph compressing well, not a bomb. */
const RATIO_FLOOR_BYTES = MiB;

const MediaIdSchema = z.string().regex(/^[a-f0-9]{64}$/);
const MimeTypeSchema = z.string().max(100).regex(/^[a-z]+\/[a-z0-9.+-]+$/);

export const MeldingManifestSchema = z
  .object({
    format: z.literal(MELDING_FORMAT),
    formatVersion: z.literal(MELDING_FORMAT_VERSION),
    exportedAt: z.iso.datetime({ offset: true }),
    appVersion: z.string().min(1).max(100),
    documentId: z.uuid(),
    media: z.array(z.object({ mediaId: MediaIdSchema, mimeType: MimeTypeSchema, path: z.string().max(200), size: z.number().int().nonnegative() }).strict()),
  })
  .strict();
export type MeldingManifest = z.infer<typeof MeldingManifestSchema>;

export interface MeldingMedia {
  readonly mediaId: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

export interface MeldingFileContents {
  readonly manifest: MeldingManifest;
  readonly document: Document;
  /**
   * In manifest order; every mediaId has been checked against the SHA-256 of its bytes. The bytes
   * may be views into the buffer given to readMeldingFile: copy them before changing either.
   */
  readonly media: MeldingMedia[];
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'image/tiff': 'tif',
  'image/svg+xml': 'svg',
};
/** Deflating these again costs time and gains nothing. */
const ALREADY_COMPRESSED = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/heic']);

function mediaPath(mediaId: string, mimeType: string): string {
  return `media/${mediaId}.${EXTENSIONS[mimeType] ?? 'bin'}`;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Packs a document and its media into a `.melding` file. Entries come in a fixed order
 * (manifest.json, document.json, media sorted by mediaId), all stamped with `exportedAt`, so the
 * same input gives the same bytes. Rejects (a programmer error: the caller gathers the media)
 * when a mediaId is malformed, repeated, does not match its bytes, or an image use has no media.
 */
export async function writeMeldingFile(input: {
  document: Document;
  media: { mediaId: string; mimeType: string; bytes: Uint8Array }[];
  exportedAt: Date;
  appVersion: string;
}): Promise<Uint8Array> {
  const media = [...input.media].sort((a, b) => (a.mediaId < b.mediaId ? -1 : a.mediaId > b.mediaId ? 1 : 0));
  const ids = new Set<string>();
  for (const m of media) {
    if (!MediaIdSchema.safeParse(m.mediaId).success || !MimeTypeSchema.safeParse(m.mimeType).success) throw new Error(`writeMeldingFile: bad media ${m.mediaId} (${m.mimeType})`);
    if (ids.has(m.mediaId)) throw new Error(`writeMeldingFile: media ${m.mediaId} given twice`);
    if (sha256Hex(m.bytes) !== m.mediaId) throw new Error(`writeMeldingFile: the bytes of ${m.mediaId} do not hash to it`);
    ids.add(m.mediaId);
  }
  const missing = input.document.images.find((image) => !ids.has(image.mediaId));
  if (missing) throw new Error(`writeMeldingFile: image ${missing.id} uses media ${missing.mediaId}, which was not given`);

  const manifest: MeldingManifest = {
    format: MELDING_FORMAT,
    formatVersion: MELDING_FORMAT_VERSION,
    exportedAt: input.exportedAt.toISOString(),
    appVersion: input.appVersion,
    documentId: input.document.id,
    media: media.map((m) => ({ mediaId: m.mediaId, mimeType: m.mimeType, path: mediaPath(m.mediaId, m.mimeType), size: m.bytes.byteLength })),
  };
  const zip = new yazl.ZipFile();
  const stamp = { mtime: input.exportedAt, mode: 0o100644 };
  zip.addBuffer(Buffer.from(JSON.stringify(manifest), 'utf8'), 'manifest.json', { ...stamp, compress: true });
  zip.addBuffer(Buffer.from(JSON.stringify(input.document), 'utf8'), 'document.json', { ...stamp, compress: true });
  for (const m of media) zip.addBuffer(asBuffer(m.bytes), mediaPath(m.mediaId, m.mimeType), { ...stamp, compress: !ALREADY_COMPRESSED.has(m.mimeType) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

type EntryKind = 'manifest' | 'document' | 'media';

/** The code a damaged entry of each kind is reported with. */
const DAMAGED: Readonly<Record<EntryKind, ErrorCode>> = { manifest: 'import_not_melding', document: 'import_invalid_document', media: 'import_invalid_media' };

const MEDIA_ENTRY = /^media\/[a-f0-9]{64}\.[a-z0-9]{1,10}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why an entry name may not be in a Melding file, or its kind when it may. */
function classifyName(raw: Buffer): { kind: EntryKind; name: string } | { problem: string } {
  if (raw.includes(0)) return { problem: 'a name contains NUL' };
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    return { problem: 'a name is not UTF-8' };
  }
  const shown = JSON.stringify(name.slice(0, 120));
  if (name.includes('\\')) return { problem: `${shown} contains a backslash` };
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return { problem: `${shown} is an absolute path` };
  if (name.split('/').some((part) => part === '..' || part === '.' || part === '')) return { problem: `${shown} has an empty, . or .. segment` };
  if (name === 'manifest.json') return { kind: 'manifest', name };
  if (name === 'document.json') return { kind: 'document', name };
  if (MEDIA_ENTRY.test(name)) return { kind: 'media', name };
  return { problem: `${shown} is not expected in a Melding file` };
}

interface Listed {
  readonly entry: yauzl.Entry;
  readonly kind: EntryKind;
  readonly name: string;
}

/** Reads the central directory; refuses on names, encryption, methods and declared sizes. */
async function listEntries(zip: yauzl.ZipFile, limits: MeldingLimits): Promise<Result<Map<string, Listed>>> {
  const listed = new Map<string, Listed>();
  let declaredTotal = 0;
  for await (const entry of zip.eachEntry()) {
    const named = classifyName(entry.fileNameRaw);
    if ('problem' in named) return err('import_unsafe', `entry refused: ${named.problem}`);
    if (listed.has(named.name)) return err('import_unsafe', `entry ${named.name} appears twice`);
    if (entry.isEncrypted()) return err('import_not_melding', `entry ${named.name} is encrypted`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return err('import_not_melding', `entry ${named.name} uses compression method ${entry.compressionMethod}`);
    const cap = named.kind === 'media' ? limits.maxMediaBytes : limits.maxDocumentBytes;
    if (entry.uncompressedSize > cap) return err('import_too_large', `entry ${named.name} declares ${entry.uncompressedSize} bytes, over the limit of ${cap}`);
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) return err('import_too_large', `the entries declare more than the limit of ${limits.maxTotalBytes} bytes`);
    listed.set(named.name, { entry, kind: named.kind, name: named.name });
  }
  return ok(listed);
}

type Inflated = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly tooLarge: boolean; readonly inflated: number; readonly why: string };

/** Inflates raw deflate data, destroying the stream as soon as `limit` bytes are passed. */
function inflateBounded(compressed: Buffer, limit: number, maxRatio: number): Promise<Inflated> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: Inflated): void => {
      if (settled) return;
      settled = true;
      if (!outcome.ok) inflate.destroy();
      resolve(outcome);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) return settle({ ok: false, tooLarge: true, inflated: size, why: `passes ${limit} bytes` });
      if (size > RATIO_FLOOR_BYTES && size > maxRatio * compressed.length) return settle({ ok: false, tooLarge: true, inflated: size, why: `inflates more than ${maxRatio} times` });
      chunks.push(chunk);
    });
    inflate.on('error', (e: Error) => settle({ ok: false, tooLarge: false, inflated: size, why: `is not valid deflate data (${e.message})` }));
    inflate.on('end', () => settle({ ok: true, bytes: Buffer.concat(chunks, size) }));
    inflate.end(compressed);
  });
}

/**
 * The bytes of one entry, never more than its declared size nor the budget left, checked
 * against its CRC-32. `budget.left` is what the total limit still allows.
 */
async function readEntry(zip: yauzl.ZipFile, file: Buffer, item: Listed, limits: MeldingLimits, budget: { left: number }): Promise<Result<Buffer>> {
  const { entry, name } = item;
  const header = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  const compressed = file.subarray(header.fileDataStart, header.fileDataStart + entry.compressedSize);
  const limit = Math.min(entry.uncompressedSize, budget.left);
  let bytes: Buffer;
  if (entry.compressionMethod === 0) {
    if (compressed.length > limit) return err('import_too_large', `entry ${name} holds ${compressed.length} bytes, more than the ${limit} it may`);
    bytes = compressed;
  } else {
    const inflated = await inflateBounded(compressed, limit, limits.maxCompressionRatio);
    if (!inflated.ok) {
      const code = inflated.tooLarge ? 'import_too_large' : 'import_not_melding';
      return err(code, `entry ${name} ${inflated.why}; stopped after inflating ${inflated.inflated} bytes`);
    }
    bytes = inflated.bytes;
  }
  if (bytes.length !== entry.uncompressedSize) return err('import_not_melding', `entry ${name} holds ${bytes.length} bytes but declares ${entry.uncompressedSize}`);
  if (crc32(bytes) !== entry.crc32) return err(DAMAGED[item.kind], `entry ${name} fails its CRC-32 check`);
  budget.left -= bytes.length;
  return ok(bytes);
}

function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) as unknown };
  } catch {
    return { ok: false };
  }
}

function readManifest(bytes: Buffer): Result<MeldingManifest> {
  const json = parseJson(bytes);
  if (!json.ok || typeof json.value !== 'object' || json.value === null) return err('import_not_melding', 'manifest.json is not a JSON object');
  const { format, formatVersion } = json.value as Record<string, unknown>;
  if (format !== MELDING_FORMAT) return err('import_not_melding', 'manifest.json does not name the melding format');
  if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > MELDING_FORMAT_VERSION) {
    return err('import_newer_format', `format version ${formatVersion} is newer than ${MELDING_FORMAT_VERSION}`);
  }
  const parsed = MeldingManifestSchema.safeParse(json.value);
  if (!parsed.success) return err('import_not_melding', `manifest.json is malformed: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}`);
  return ok(parsed.data);
}

function readDocument(bytes: Buffer, manifest: MeldingManifest): Result<Document> {
  const json = parseJson(bytes);
  if (!json.ok) return err('import_invalid_document', 'document.json is not JSON');
  const outcome = migrateDocument(json.value);
  if (outcome.kind === 'newer') return err('import_newer_format', `document schema version ${outcome.version} is newer than this Melding knows`);
  if (outcome.kind === 'invalid') return err('import_invalid_document', `document.json is invalid: ${outcome.reason}`);
  if (outcome.document.id !== manifest.documentId) return err('import_invalid_document', 'document.json is not the document the manifest names');
  return ok(outcome.document);
}

/**
 * Reads a `.melding` file entirely in memory and checks all of it before returning anything:
 * the zip structure, every entry name, the sizes (enforced while inflating), the manifest, the
 * document against DocumentSchema, and every media file against its SHA-256 mediaId. Writes
 * nothing anywhere. Fails with import_not_melding, import_newer_format, import_unsafe,
 * import_too_large, import_invalid_document or import_invalid_media.
 */
export async function readMeldingFile(bytes: Uint8Array, limits?: Partial<MeldingLimits>): Promise<Result<MeldingFileContents>> {
  const lim: MeldingLimits = { ...DEFAULT_MELDING_LIMITS, ...limits };
  const file = asBuffer(bytes);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false });
  } catch (e) {
    return err('import_not_melding', `not a zip file: ${(e as Error).message}`);
  }
  if (zip.entryCount > lim.maxEntries) return err('import_too_large', `${zip.entryCount} entries, over the limit of ${lim.maxEntries}`);
  try {
    return await readContents(zip, file, lim);
  } catch (e) {
    // yauzl rejects on structural damage: bad signatures, data past the end of the file.
    return err('import_not_melding', `the zip is damaged: ${(e as Error).message}`);
  } finally {
    zip.close();
  }
}

async function readContents(zip: yauzl.ZipFile, file: Buffer, lim: MeldingLimits): Promise<Result<MeldingFileContents>> {
  const listing = await listEntries(zip, lim);
  if (!listing.ok) return listing;
  const entries = listing.value;
  const budget = { left: lim.maxTotalBytes };

  const manifestEntry = entries.get('manifest.json');
  if (!manifestEntry) return err('import_not_melding', 'there is no manifest.json');
  const manifestBytes = await readEntry(zip, file, manifestEntry, lim, budget);
  if (!manifestBytes.ok) return manifestBytes;
  const manifest = readManifest(manifestBytes.value);
  if (!manifest.ok) return manifest;

  const listedPaths = new Set<string>();
  for (const m of manifest.value.media) {
    if (m.path !== mediaPath(m.mediaId, m.mimeType)) return err('import_invalid_media', `manifest gives ${m.mediaId} the path ${m.path}`);
    if (listedPaths.has(m.path)) return err('import_invalid_media', `manifest lists ${m.mediaId} twice`);
    listedPaths.add(m.path);
    if (!entries.has(m.path)) return err('import_invalid_media', `${m.path} is listed but not in the file`);
  }
  for (const item of entries.values()) {
    if (item.kind === 'media' && !listedPaths.has(item.name)) return err('import_unsafe', `${item.name} is not listed in the manifest`);
  }

  const documentEntry = entries.get('document.json');
  if (!documentEntry) return err('import_invalid_document', 'there is no document.json');
  const documentBytes = await readEntry(zip, file, documentEntry, lim, budget);
  if (!documentBytes.ok) return documentBytes;
  const document = readDocument(documentBytes.value, manifest.value);
  if (!document.ok) return document;
  const missing = document.value.images.find((image) => !manifest.value.media.some((m) => m.mediaId === image.mediaId));
  if (missing) return err('import_invalid_media', `image ${missing.id} uses media ${missing.mediaId}, which is not in the file`);

  const media: MeldingMedia[] = [];
  for (const m of manifest.value.media) {
    const item = entries.get(m.path);
    if (!item) return err('import_invalid_media', `${m.path} is listed but not in the file`);
    const data = await readEntry(zip, file, item, lim, budget);
    if (!data.ok) return data;
    if (data.value.length !== m.size) return err('import_invalid_media', `${m.path} holds ${data.value.length} bytes, the manifest says ${m.size}`);
    if (sha256Hex(data.value) !== m.mediaId) return err('import_invalid_media', `${m.path} does not hash to its mediaId`);
    media.push({ mediaId: m.mediaId, mimeType: m.mimeType, bytes: data.value });
  }
  return ok({ manifest: manifest.value, document: document.value, media });
}
