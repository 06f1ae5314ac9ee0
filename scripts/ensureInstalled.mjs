// Installs node_modules on a fresh clone, so `npm start` and `npm test` work as the first
// command. Where Electron's own binary cannot be downloaded (no route to its host), installs
// without it and says so: the devhost and every test but the Electron specs still run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function ensureInstalled(root) {
  if (existsSync(join(root, 'node_modules', '.package-lock.json'))) return;
  console.log('Melding: installing dependencies (npm ci) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const first = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (first.status === 0) return;
  console.log('Melding: the Electron binary could not be downloaded; installing without it (the app will run in the devhost).');
  const second = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (second.status !== 0) {
    console.error('Melding: npm ci failed; see the output above.');
    process.exit(second.status ?? 1);
  }
}
