import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { CorruptFileError, DurableJsonFile, setAside } from './durableJsonFile';

export interface OpenedJsonStore<T> {
  readonly db: Low<T>;
  /** Where an unreadable file was moved before starting afresh, or null when it read fine. */
  readonly setAsideTo: string | null;
  /** Why it could not be read, when it was set aside. */
  readonly reason: string | null;
}

/**
 * Opens one small lowdb JSON file (settings, contacts, personal words) checked against its
 * schema. A file that cannot be read or does not match is moved aside, never overwritten, and
 * the store starts from `fallback()`: the caller tells the user (and logs) with `setAsideTo`.
 */
export async function openJsonStore<S extends z.ZodType>(
  file: string,
  schema: S,
  fallback: () => z.output<S>,
  now: () => Date = () => new Date(),
): Promise<OpenedJsonStore<z.output<S>>> {
  await mkdir(dirname(file), { recursive: true });
  const db = new Low<z.output<S>>(new DurableJsonFile<z.output<S>>(file), fallback());
  try {
    await db.read();
    const parsed = schema.safeParse(db.data);
    if (!parsed.success) throw new CorruptFileError(file, 'content does not match its schema');
    db.data = parsed.data;
    return { db, setAsideTo: null, reason: null };
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    const setAsideTo = await setAside(file, now());
    db.data = fallback();
    return { db, setAsideTo, reason: error.reason };
  }
}
