import { readFile, rename } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { atomicWrite } from './atomicWrite';

/** The file exists but does not hold valid JSON (truncated, zero bytes, garbage). */
export class CorruptFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Corrupt JSON file ${path}: ${reason}`);
    this.name = 'CorruptFileError';
  }
}

/**
 * A lowdb adapter that writes atomically and durably (see atomicWrite) and tells a missing
 * file (null) from a corrupt one (CorruptFileError), which lowdb's JSONFile does not.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** `pretty` indents the file for people who open it; large machine files skip it (smaller, faster). */
  constructor(
    readonly path: string,
    private readonly options: { pretty: boolean } = { pretty: true },
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (text.trim() === '') throw new CorruptFileError(this.path, 'empty file');
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new CorruptFileError(this.path, (error as Error).message);
    }
  }

  async write(data: T): Promise<void> {
    await atomicWrite(this.path, `${this.options.pretty ? JSON.stringify(data, null, 2) : JSON.stringify(data)}\n`);
  }
}

/** Moves a damaged file out of the way (keeping it for inspection) and returns its new path. */
export async function setAside(path: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${path}.corrupt-${stamp}`;
  await rename(path, target);
  return target;
}
