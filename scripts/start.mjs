// `npm start`: Melding as a desktop app where Electron can start; elsewhere the devhost, which
// runs the same services and serves the same renderer to a browser on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electronBinary.mjs';
import { ensureInstalled } from './ensureInstalled.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

ensureInstalled(root);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('Melding: the build failed; see the output above.');
  process.exit(build.status ?? 1);
}

function startDevhost(reason) {
  console.log(`Melding: Electron cannot start here (${reason}); starting the devhost instead.`);
  const child = spawn(process.execPath, [join(root, 'out/devhost/index.mjs'), ...args], { cwd: root, stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = electronBinary({ download: true });
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if ('reason' in electron) startDevhost(electron.reason);
else if (headless) startDevhost('there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)');
else {
  const started = Date.now();
  const child = spawn(electron.path, [join(root, 'out/main/index.js'), ...args], { cwd: root, stdio: 'inherit' });
  child.on('error', (error) => startDevhost(`the Electron binary failed to run: ${error.message}`));
  child.on('exit', (code, signal) => {
    // A crash within seconds of starting is Electron failing to come up, not the user quitting.
    if (code !== 0 && Date.now() - started < 5000) startDevhost(`Electron exited at once with ${signal ?? `code ${code}`}`);
    else process.exit(code ?? 0);
  });
}
