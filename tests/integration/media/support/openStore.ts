import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger } from '../../../../electron/services/logger';
import { MediaStore } from '../../../../electron/services/media/mediaStore';
import { TestClock } from '../../../unit/support/libraryFixture';
import { workDir } from './testImages';

export async function openStore(options: { freshMs?: number } = {}) {
  const dir = join(await workDir(), 'media');
  const clock = new TestClock();
  const store = await MediaStore.open({ dir, logger: silentLogger, now: clock.now, freshMs: options.freshMs ?? 0 });
  return { store, dir, clock };
}

/** Every file and folder in the store except the (empty) temp folder: what an ingest left behind. */
export async function storeContents(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true })) out.push(String(entry));
  return out.filter((p) => p !== '.incoming').sort();
}
