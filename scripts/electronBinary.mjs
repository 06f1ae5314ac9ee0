// Where the Electron binary is, or why there is none. Used by `npm start` and the Electron specs.
//
// Requiring the 'electron' package downloads the binary on demand, printing a stack trace when
// the download host is out of reach; so look at the files first, and download only when asked,
// quietly, with a time limit.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron');

function installedPath() {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * @param {{ download?: boolean }} [options] try to download a missing binary (for `npm start`)
 * @returns {{ path: string } | { reason: string }}
 */
export function electronBinary(options = {}) {
  if (!existsSync(join(packageDir, 'package.json'))) return { reason: 'the electron package is not installed' };
  const found = installedPath();
  if (found) return { path: found };
  if (!options.download) return { reason: 'Electron binary not available' };
  const attempt = spawnSync(process.execPath, [join(packageDir, 'install.js')], { encoding: 'utf8', timeout: 120_000 });
  const again = installedPath();
  if (again) return { path: again };
  const why = `${attempt.stderr ?? ''}${attempt.stdout ?? ''}`.match(/(fetch failed|ENOTFOUND[^\n]*|ETIMEDOUT[^\n]*|ECONNREFUSED[^\n]*)/)?.[0];
  return { reason: `its binary could not be downloaded${why ? `: ${why}` : ''}` };
}
