import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/**
 * Makes `dst` an exact copy of the library folder `src`. Snapshot files never change once
 * written, so those already copied in an earlier round are kept rather than copied again:
 * a full copy of a few hundred snapshots costs more than the rest of a round.
 */
export async function copyLibraryFolder(src: string, dst: string): Promise<void> {
  await mkdir(dst, { recursive: true });
  for (const name of await readdir(dst)) {
    if (name !== 'revisions') await rm(join(dst, name), { recursive: true, force: true });
  }
  const kept = new Set<string>();
  for (const entry of await readdir(join(dst, 'revisions'), { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (entry.isFile()) kept.add(relative(dst, join(entry.parentPath, entry.name)));
  }
  for (const entry of await readdir(src, { recursive: true, withFileTypes: true })) {
    const from = join(entry.parentPath, entry.name);
    const rel = relative(src, from);
    if (entry.isDirectory()) await mkdir(join(dst, rel), { recursive: true });
    if (!entry.isFile() || kept.delete(rel)) continue;
    await mkdir(dirname(join(dst, rel)), { recursive: true });
    await copyFile(from, join(dst, rel));
  }
  for (const rel of kept) await rm(join(dst, rel), { force: true });
}
