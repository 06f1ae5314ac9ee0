import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MEDIA_MAX_BYTES, MediaIdSchema, MediaInfoSchema, RenditionNameSchema, type MediaInfo } from '../../../shared/domain/media';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { Logger } from '../logger';
import { fsyncDir } from '../storage/atomicWrite';
import { prefillFromMetadata } from './prefillFromMetadata';
import { ImageError, RENDITION_EXT, RENDITION_MIME, renderRenditions } from './renderRenditions';
import { sniffImageType } from './sniffImageType';
import { TaskLimiter } from './taskLimiter';

export interface MediaStoreDeps {
  /** The media folder (dataDir/media). */
  readonly dir: string;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Ingests decoding at the same time; the rest wait their turn. */
  readonly concurrency?: number;
  /**
   * How long a photo handed to the renderer (ingested, or found as a duplicate) counts as in use
   * although no saved document names it yet: the editor holds it until the next autosave.
   */
  readonly freshMs?: number;
}

export interface Ingested {
  readonly media: MediaInfo;
  readonly duplicate: boolean;
}

/** Where a data folder keeps its media store; both hosts' display routes serve from here. */
export function mediaDirFor(dataDir: string): string {
  return join(dataDir, 'media');
}

const INFO_FILE = 'info.json';
const TEMP_DIR = '.incoming';
const HASH_CHUNK = 1024 * 1024;

/**
 * The content-addressed media store: media/<aa>/<sha256>/ holds original.<ext> (kept on this
 * machine: it may carry GPS), the WebP renditions and info.json. An entry is made complete in a
 * temp folder and renamed into place, so it either exists whole or not at all; the same bytes
 * ingested twice (at once, or from two windows) are stored once.
 */
export class MediaStore {
  readonly #limiter: TaskLimiter;
  readonly #perId = new Map<string, Promise<unknown>>();
  readonly #infos = new Map<string, MediaInfo>();
  /** When each id was last handed to the renderer, in this process. */
  readonly #handedOut = new Map<string, number>();

  private constructor(private readonly deps: MediaStoreDeps) {
    this.#limiter = new TaskLimiter(deps.concurrency ?? 2);
  }

  static async open(deps: MediaStoreDeps): Promise<MediaStore> {
    await mkdir(join(deps.dir, TEMP_DIR), { recursive: true });
    // Half-made entries of a crashed run; an ingest in another live process takes seconds, not an hour.
    const temp = join(deps.dir, TEMP_DIR);
    for (const name of await readdir(temp)) {
      const info = await stat(join(temp, name)).catch(() => null);
      if (info && Date.now() - info.mtimeMs > 60 * 60 * 1000) await rm(join(temp, name), { recursive: true, force: true });
    }
    return new MediaStore(deps);
  }

  get dir(): string {
    return this.deps.dir;
  }

  entryDir(id: string): string {
    return join(this.deps.dir, id.slice(0, 2), id);
  }

  /** The file of a rendition, for the display routes; null for anything that is not one. */
  renditionPath(id: string, rendition: string): string | null {
    if (!MediaIdSchema.safeParse(id).success || !RenditionNameSchema.safeParse(rendition).success) return null;
    return join(this.entryDir(id), `${rendition}.${RENDITION_EXT}`);
  }

  /** Adds a photo given as bytes. Checks type by content, size before decoding, pixels before decoding the pixels. */
  async ingest(fileName: string, bytes: Uint8Array): Promise<Result<Ingested>> {
    if (bytes.byteLength > MEDIA_MAX_BYTES) return err('media_too_large', `${bytes.byteLength} bytes is over ${MEDIA_MAX_BYTES}`);
    const type = sniffImageType(bytes.subarray(0, 64));
    if (!type) return err('media_unsupported_type', `${JSON.stringify(fileName.slice(0, 100))} is not a JPEG, PNG, WebP, TIFF or HEIC image`);
    const id = await sha256Hex(bytes);
    const result = await this.serial(id, async () => {
      const existing = await this.read(id);
      if (existing) return ok({ media: existing, duplicate: true });
      return this.#limiter.run(() => this.create(id, safeFileName(fileName), type, bytes));
    });
    if (result.ok) this.#handedOut.set(id, this.deps.now().getTime());
    return result;
  }

  /** Whether the id was handed to the renderer so recently that an unsaved editor may hold it. */
  isFresh(id: string): boolean {
    const at = this.#handedOut.get(id);
    return at !== undefined && this.deps.now().getTime() - at < (this.deps.freshMs ?? 15 * 60 * 1000);
  }

  /** Adds a photo from a path the user picked in the system dialog. */
  async ingestFile(path: string, fileName: string): Promise<Result<Ingested>> {
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) return err('media_unsupported_type', 'not a file');
      size = info.size;
    } catch (error) {
      return err('media_not_found', (error as Error).message);
    }
    if (size > MEDIA_MAX_BYTES) return err('media_too_large', `${size} bytes is over ${MEDIA_MAX_BYTES}`);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      return err('media_not_found', (error as Error).message);
    }
    return this.ingest(fileName, bytes);
  }

  async get(id: string): Promise<Result<MediaInfo>> {
    if (!MediaIdSchema.safeParse(id).success) return err('media_not_found', 'malformed media id');
    const info = await this.read(id);
    return info ? ok(info) : err('media_not_found', `no media ${id}`);
  }

  /** The original's bytes (export to a .melding file). */
  async original(id: string): Promise<Result<{ info: MediaInfo; bytes: Buffer }>> {
    const info = await this.get(id);
    if (!info.ok) return info;
    try {
      return ok({ info: info.value, bytes: await readFile(join(this.entryDir(id), originalName(info.value))) });
    } catch (error) {
      return err('media_not_found', (error as Error).message);
    }
  }

  /** Every complete entry in the store. */
  async list(): Promise<MediaInfo[]> {
    const out: MediaInfo[] = [];
    for (const prefix of await readdir(this.deps.dir).catch(() => [] as string[])) {
      if (!/^[a-f0-9]{2}$/.test(prefix)) continue;
      for (const id of await readdir(join(this.deps.dir, prefix)).catch(() => [] as string[])) {
        if (!id.startsWith(prefix) || !MediaIdSchema.safeParse(id).success) continue;
        const info = await this.read(id);
        if (info) out.push(info);
      }
    }
    return out;
  }

  /** Deletes an entry whole: it is renamed away first, so it never exists half-deleted. */
  async remove(id: string): Promise<boolean> {
    if (!MediaIdSchema.safeParse(id).success) return false;
    return this.serial(id, async () => {
      const aside = join(this.deps.dir, TEMP_DIR, `removed-${id}-${randomBytes(4).toString('hex')}`);
      try {
        await rename(this.entryDir(id), aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
      this.#infos.delete(id);
      await fsyncDir(join(this.deps.dir, id.slice(0, 2))).catch(() => undefined);
      await rm(aside, { recursive: true, force: true });
      return true;
    });
  }

  // --- internals -----------------------------------------------------------------------------

  private async read(id: string): Promise<MediaInfo | null> {
    const cached = this.#infos.get(id);
    if (cached) return cached;
    try {
      const parsed = MediaInfoSchema.safeParse(JSON.parse(await readFile(join(this.entryDir(id), INFO_FILE), 'utf8')));
      if (!parsed.success || parsed.data.id !== id) return null;
      this.#infos.set(id, parsed.data);
      return parsed.data;
    } catch {
      return null;
    }
  }

  private async create(id: string, fileName: string, type: NonNullable<ReturnType<typeof sniffImageType>>, bytes: Uint8Array): Promise<Result<Ingested>> {
    const started = Date.now();
    let decoded;
    try {
      decoded = await renderRenditions(bytes, type.type === 'heic');
    } catch (error) {
      if (error instanceof ImageError) {
        this.deps.logger.info('media.refused', { code: error.code, reason: error.message.slice(0, 300) });
        return err(error.code, error.message);
      }
      throw error;
    }
    const prefill = await prefillFromMetadata(bytes);
    const media: MediaInfo = {
      id,
      fileName,
      mime: type.mime,
      width: decoded.width,
      height: decoded.height,
      bytes: bytes.byteLength,
      renditions: decoded.renditions.map((r) => ({ name: r.name, width: r.width, height: r.height, bytes: r.data.byteLength, mime: RENDITION_MIME })),
      prefill,
      addedAt: this.deps.now().toISOString(),
    };
    const temp = join(this.deps.dir, TEMP_DIR, `${id}-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(temp);
      await writeDurably(join(temp, originalName(media)), bytes);
      for (const r of decoded.renditions) await writeDurably(join(temp, `${r.name}.${RENDITION_EXT}`), r.data);
      await writeDurably(join(temp, INFO_FILE), JSON.stringify(media));
      await fsyncDir(temp);
      const prefixDir = join(this.deps.dir, id.slice(0, 2));
      await mkdir(prefixDir, { recursive: true });
      try {
        await rename(temp, this.entryDir(id));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Another process stored the same bytes first: theirs is as good as ours.
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
        const theirs = await this.read(id);
        if (!theirs) throw error;
        return ok({ media: theirs, duplicate: true });
      }
      await fsyncDir(prefixDir);
    } catch (error) {
      this.deps.logger.error('media.write_failed', { id, error: (error as Error).message });
      return err('storage_failed', (error as Error).message);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    this.#infos.set(id, media);
    this.deps.logger.info('media.ingested', { id, type: type.type, width: media.width, height: media.height, ms: Date.now() - started });
    return ok({ media, duplicate: false });
  }

  /** One ingest or removal per id at a time: the second of two identical ingests finds the first's entry. */
  private serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#perId.get(id) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.#perId.set(id, settled);
    void settled.then(() => {
      if (this.#perId.get(id) === settled) this.#perId.delete(id);
    });
    return run;
  }
}

function originalName(media: MediaInfo): string {
  const ext = sniffExtension(media.mime);
  return `original.${ext}`;
}

function sniffExtension(mime: string): string {
  return { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/tiff': 'tif', 'image/heic': 'heic', 'image/avif': 'avif' }[mime] ?? 'bin';
}

/** A display name only (never used as a path): no folders, no control characters. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/\p{Cc}/gu, '').trim().slice(0, 500) || 'image';
}

/** SHA-256 in slices, yielding between them, so a 100 MB file does not stall the event loop. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.byteLength; at += HASH_CHUNK) {
    hash.update(bytes.subarray(at, at + HASH_CHUNK));
    if (at + HASH_CHUNK < bytes.byteLength) await new Promise((r) => setImmediate(r));
  }
  return hash.digest('hex');
}

async function writeDurably(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Whether `path` is a regular file, not a symlink or anything else (the display routes). */
export async function isPlainFile(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  return info?.isFile() ?? false;
}
