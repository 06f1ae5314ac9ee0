// Bench harnesses: a TypeScript entry bundled with the services it imports into one .mjs, run
// step by step in fresh Node processes that print one `BENCH_JSON=` line each.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Builds `scripts/bench/<name>Harness.ts` into `outDir`/<name>Harness.mjs. `external` packages
 * are left as imports (then `outDir` must be inside the repository, where they resolve).
 */
export async function buildHarness(ctx, { name, outDir, external = [] }) {
  const { build } = await import('vite');
  const began = performance.now();
  await build({
    configFile: false,
    root: ctx.root,
    logLevel: 'silent',
    build: {
      ssr: join(import.meta.dirname, `${name}Harness.ts`),
      outDir,
      target: 'node20',
      minify: false,
      emptyOutDir: true,
      rolldownOptions: { output: { format: 'es', entryFileNames: `${name}Harness.mjs` } },
    },
    ssr: { noExternal: true, external },
  });
  ctx.log(`${name}: harness built in ${Math.round(performance.now() - began)} ms`);
  return join(outDir, `${name}Harness.mjs`);
}

/** One harness step in a fresh `node --expose-gc`: resolves with the JSON it printed. */
export function runHarnessStep(ctx, harness, args) {
  return new Promise((resolveStep, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', harness, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const release = ctx.defer(() => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      return new Promise((done) => child.once('exit', done));
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-16_384)));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      void release();
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_JSON='));
      if (code !== 0 || !line) reject(new Error(`${harness} ${args.join(' ')} exited (${signal ?? code}):\n${stderr.trimEnd()}`));
      else resolveStep(JSON.parse(line.slice('BENCH_JSON='.length)));
    });
  });
}
