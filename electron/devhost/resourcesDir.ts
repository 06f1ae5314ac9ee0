import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A folder is the resources folder when it holds what the services read from it. */
const MARKER = join('dictionaries', 'nb.aff');

/**
 * The devhost's resources folder: `--resources-dir` or MELDING_RESOURCES_DIR when given, else the
 * `resources` folder of the nearest enclosing checkout, searched upwards from `from` (the bundle
 * is out/devhost/index.mjs; the sources are electron/devhost/). Null when none is found; the
 * services then report the dictionaries unavailable and keep working.
 */
export function findResourcesDir(options: { override?: string | undefined; from?: string } = {}): string | null {
  if (options.override) return resolve(options.override);
  let dir = options.from ?? dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, MARKER))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
