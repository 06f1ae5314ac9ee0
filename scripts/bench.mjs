// `npm run bench [-- section ...]`: runs the benchmark sections in order, prints a table per
// section (each timing beside a baseline measured in the same run) and writes everything to
// bench-results/latest.json. Figures are printed, never asserted: tests do not time things.
//
//   BENCH_RUNS     measured runs per figure (default 7)
//   BENCH_WARMUPS  unmeasured runs first (default 1)
//   MELDING_CHROMIUM  the Chromium binary (default /usr/bin/chromium)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { arch, cpus, platform, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromiumProblem } from './bench/launchChromium.mjs';
import { startup } from './bench/startup.mjs';
import { storage } from './bench/storage.mjs';
import { typing } from './bench/typing.mjs';
import { language } from './bench/language.mjs';
import { media } from './bench/media.mjs';
import { translate } from './bench/translate.mjs';
import { drain, publish } from './bench/wordpress.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS_FILE = join(ROOT, 'bench-results/latest.json');
/** What a section with `needs.build` reads; if any is missing, the runner builds first. */
const BUILD_OUTPUTS = ['out/devhost/index.mjs', 'out/renderer/index.html'];

/**
 * In order. A section is { id, title, needs: { build?, chromium? }, run(ctx) -> { tables, results } }
 * where ctx is { root, runs, warmups, tmpDir, defer, log } and each table is { title, text }.
 */
const SECTIONS = [startup, storage, language, typing, media, translate, publish, drain];

const log = (message) => process.stderr.write(`${message}\n`);

/**
 * Everything a section starts (processes, browsers, temp folders) is registered here, so it is
 * undone when the section ends, fails, or the run is interrupted. `defer(fn)` returns a release
 * function that undoes that one thing early, once. Something started while the run is already
 * being interrupted is undone at once, and the exit waits for that too.
 */
const cleanups = [];
const lateCleanups = new Set();
function defer(fn) {
  if (exiting) {
    const late = Promise.resolve()
      .then(fn)
      .catch((error) => log(`bench: cleanup failed: ${messageOf(error)}`))
      .finally(() => lateCleanups.delete(late));
    lateCleanups.add(late);
    return () => late;
  }
  const entry = { fn, done: false };
  cleanups.push(entry);
  return async () => {
    if (entry.done) return;
    entry.done = true;
    cleanups.splice(cleanups.indexOf(entry), 1);
    await entry.fn();
  };
}
async function cleanUpAll() {
  while (cleanups.length > 0) {
    const entry = cleanups.pop();
    entry.done = true;
    try {
      await entry.fn();
    } catch (error) {
      log(`bench: cleanup failed: ${messageOf(error)}`);
    }
  }
}

let exiting = false;
/** Once a signal has arrived, abort() owns the exit: the main flow waits here for it. */
const haltIfExiting = () => (exiting ? new Promise(() => {}) : Promise.resolve());
async function abort(reason, code) {
  if (exiting) return;
  exiting = true;
  log(`bench: ${reason}; cleaning up`);
  await cleanUpAll();
  while (lateCleanups.size > 0) await Promise.all(lateCleanups);
  process.exit(code);
}
process.on('SIGINT', () => void abort('interrupted', 130));
process.on('SIGTERM', () => void abort('terminated', 143));
process.on('SIGHUP', () => void abort('hung up', 129));
process.on('uncaughtException', (error) => void abort(`uncaught error: ${error?.stack ?? error}`, 1));
process.on('unhandledRejection', (error) => void abort(`unhandled rejection: ${error?.stack ?? error}`, 1));

function fail(message) {
  log(`bench: ${message}`);
  process.exit(1);
}

function countFromEnv(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) fail(`${name} must be a whole number of at least ${min}, not "${raw}".`);
  return value;
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function build() {
  log('bench: building first (npm run build), so the figures are of the code as it is');
  // Under `npm run`, npm_execpath is npm's own CLI: use it rather than trusting PATH.
  const [command, args] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath, 'run', 'build']] : ['npm', ['run', 'build']];
  // Build output goes to stderr, so stdout stays the tables.
  const code = await new Promise((resolveCode) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
    const release = defer(() => child.exitCode === null && child.kill('SIGTERM'));
    child.once('error', () => resolveCode(-1));
    child.once('exit', (exitCode) => {
      void release();
      resolveCode(exitCode);
    });
  });
  if (code !== 0) fail(`npm run build failed (exit ${code}); fix the build, then run npm run bench again.`);
}

async function writeAtomically(file, text) {
  await mkdir(resolve(file, '..'), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  const folder = await open(resolve(file, '..'), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((id) => !SECTIONS.some((s) => s.id === id));
  if (unknown.length > 0) fail(`unknown section ${unknown.join(', ')}; sections are: ${SECTIONS.map((s) => s.id).join(', ')}`);
  const sections = wanted.length > 0 ? SECTIONS.filter((s) => wanted.includes(s.id)) : SECTIONS;
  const runs = countFromEnv('BENCH_RUNS', 7, 1);
  const warmups = countFromEnv('BENCH_WARMUPS', 1, 0);

  if (sections.some((s) => s.needs?.chromium)) {
    const problem = await chromiumProblem();
    if (problem) fail(problem);
  }
  // Always build: a stale out/ would give figures of other code. BENCH_NO_BUILD=1 skips it.
  if (sections.some((s) => s.needs?.build) && (process.env.BENCH_NO_BUILD !== '1' || !BUILD_OUTPUTS.every((p) => existsSync(join(ROOT, p))))) await build();

  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain') ? true : false;
  const cpuList = cpus();
  const environment = {
    commit,
    dirty,
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    builtAt: existsSync(join(ROOT, BUILD_OUTPUTS[1])) ? statSync(join(ROOT, BUILD_OUTPUTS[1])).mtime.toISOString() : null,
  };
  const startedAt = new Date();
  console.log(
    `Melding bench  ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC  commit ${commit ?? '?'}${dirty ? ' (uncommitted changes)' : ''}` +
      `  Node ${environment.node}  ${environment.platform}  ${environment.cpus} × ${environment.cpuModel}`,
  );
  if (environment.builtAt) console.log(`build: out/ from ${environment.builtAt.slice(0, 16).replace('T', ' ')} UTC`);

  const results = {};
  let failed = 0;
  for (const section of sections) {
    console.log(`\n== ${section.title} ==`);
    const began = performance.now();
    try {
      // The section's scratch folder goes first on the stack, so it is removed last: after the
      // processes that write into it have stopped, and so that nothing made in it can outlive it.
      const tmpDir = await mkdtemp(join(tmpdir(), `melding-bench-${section.id}-`));
      defer(() => rm(tmpDir, { recursive: true, force: true }));
      const outcome = await section.run({ root: ROOT, runs, warmups, tmpDir, defer, log });
      await haltIfExiting();
      for (const table of outcome.tables) console.log(`\n${table.title}\n${table.text}`);
      results[section.id] = { ...outcome.results, seconds: Number(((performance.now() - began) / 1000).toFixed(1)) };
    } catch (error) {
      await haltIfExiting();
      failed++;
      console.log(`\nFAILED: ${messageOf(error)}`);
      log(error instanceof Error && error.stack ? error.stack : String(error));
      results[section.id] = { error: messageOf(error) };
    } finally {
      await cleanUpAll();
    }
  }

  const report = { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), runs, warmups, environment, sections: results };
  await writeAtomically(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults: ${relative(ROOT, RESULTS_FILE)}`);
  if (failed > 0) fail(`${failed} of ${sections.length} section(s) failed`);
}

main().catch((error) => void abort(`failed: ${error?.stack ?? error}`, 1));
