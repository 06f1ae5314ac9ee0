// Starts apertium-apy on 127.0.0.1 (never on all interfaces) for the bench and the integration
// tests, through apyLocal.py. Needs the Debian package apertium-apy.
import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

const WRAPPER = join(import.meta.dirname, 'apyLocal.py');

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // next
    }
  }
  return null;
}

/** The Python that apertium-apy is installed for (its script's #! line), or null without apy. */
export function apyPython() {
  const script = onPath('apertium-apy');
  if (!script) return null;
  const shebang = readFileSync(script, 'utf8').split('\n')[0] ?? '';
  const match = /^#!\s*(\S+)/.exec(shebang);
  return match ? match[1] : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Listening sockets on `port` from /proc/net/tcp{,6}: their local addresses, e.g. '127.0.0.1'. */
export function listeningAddresses(port) {
  const found = [];
  for (const [file, v6] of [['/proc/net/tcp', false], ['/proc/net/tcp6', true]]) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue;
      const [hexAddr, hexPort] = cols[1].split(':');
      if (Number.parseInt(hexPort, 16) !== port) continue;
      if (!v6) {
        const b = hexAddr.match(/../g).map((h) => Number.parseInt(h, 16)).reverse();
        found.push(b.join('.'));
      } else found.push(/^0+$/.test(hexAddr) ? '::' : hexAddr === '00000000000000000000000001000000' ? '::1' : hexAddr);
    }
  }
  return found;
}

/**
 * Starts apy on a free port of 127.0.0.1 and waits until it answers /listPairs.
 * Answers { url, pid, addresses, stop() }; `addresses` are where it listens (only 127.0.0.1).
 */
export async function startApy({ modes = '/usr/share/apertium/modes', timeoutMs = 30_000 } = {}) {
  const python = apyPython();
  if (!python) throw new Error('apertium-apy is not installed (apt-get install -y apertium-apy)');
  const port = await freePort();
  const child = spawn(python, [WRAPPER, '-p', String(port), '-j', '1', modes], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`${url}/listPairs`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`apertium-apy did not answer on ${url} within ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, pid: child.pid, addresses: listeningAddresses(port), stop };
}
