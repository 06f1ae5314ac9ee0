import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Milliseconds since the Unix epoch, at sub-millisecond resolution, on Node's clock. */
export const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Spawns `node ...args` and resolves once a stdout line matches `urlPattern` (its first group is
 * the URL). The clock starts right before spawn(), so `readyMs` is spawn to "I am listening".
 * `stop()` sends SIGTERM, then SIGKILL if the process has not gone within `killAfterMs`; with the
 * runner's `defer`, that is also what happens if the run ends or is interrupted first.
 * `output()` is what the process has printed so far (the last 64 KiB), for error messages.
 */
export async function spawnUntilUrl({ args, urlPattern, defer, env = process.env, timeoutMs = 30_000, killAfterMs = 5_000 }) {
  const spawnEpochMs = epochNow();
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => (output = (output + chunk.toString()).slice(-65_536));
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));

  const terminate = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    await exited;
    clearTimeout(timer);
  };
  // Registered the moment it exists, so an interrupt while waiting for the URL still stops it.
  const stop = defer ? defer(terminate) : terminate;

  try {
    const { url, readyMs } = await new Promise((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address within ${timeoutMs} ms from node ${args.join(' ')}:\n${output}`)), timeoutMs);
      child.stdout.on('data', (chunk) => {
        const at = performance.now();
        keep(chunk);
        const match = urlPattern.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveUrl({ url: match[1], readyMs: at - started });
        }
      });
      child.stderr.on('data', keep);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`node ${args.join(' ')} exited (${signal ?? code}) before printing its address:\n${output}`));
      });
    });
    return { url, readyMs, spawnEpochMs, started, stop, pid: child.pid, output: () => output, exitCode: () => child.exitCode ?? child.signalCode };
  } catch (error) {
    await stop();
    throw error;
  }
}
