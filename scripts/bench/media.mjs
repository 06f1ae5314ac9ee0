// Media: ingest of 24-megapixel JPEGs into the media store (electron/services/media) — type
// check, hash, header checks, four WebP renditions without metadata, IPTC/XMP prefill and the
// durable write — beside a bare `sharp(file).resize(2400).webp().toBuffer()` in the same
// process. Then peak RSS while ten such photos are ingested at once (as when a user drops ten
// files), with the store's limit of two decodes at a time and, for comparison, with no limit;
// the process's RSS before is the baseline. Every step runs in a fresh Node process
// (scripts/bench/mediaHarness.ts, built here with Vite's SSR build; sharp loads from node_modules).
//
//   BENCH_MEDIA_PHOTOS  photos ingested at once (default 10)
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatTable } from './formatTable.mjs';
import { summarize } from './summarize.mjs';

export const media = {
  id: 'media',
  title: 'Media (image ingest)',
  needs: { build: false, chromium: false },

  async run(ctx) {
    const count = Number(process.env.BENCH_MEDIA_PHOTOS ?? 10);
    const harness = await buildHarness(ctx);
    const photosDir = join(ctx.tmpDir, 'photos');
    const load = [loadavg()[0]];
    ctx.log(`media: generating ${count} photos of 24 MP`);
    const generated = await step(ctx, harness, ['generate', photosDir, String(count)]);
    const runs = Math.max(3, ctx.runs);
    ctx.log(`media: timing ${runs} ingests`);
    const timed = await step(ctx, harness, ['time', photosDir, String(runs), String(ctx.warmups)]);
    const memory = {};
    for (const limit of [2, count]) {
      ctx.log(`media: ${count} photos at once, ${limit} decoding at a time`);
      memory[limit] = await step(ctx, harness, ['memory', photosDir, String(count), String(limit)]);
    }
    load.push(loadavg()[0]);

    const ingest = summarize(timed.ingest);
    const bare = summarize(timed.bare);
    const ms = (v) => `${Math.round(v)} ms`;
    const mb = (v) => `${Math.round(v / 1e6)} MB`;
    const sizes = generated.files.map((f) => f.bytes);
    const timeTable = formatTable(
      [
        { key: 'what', label: `24 MP JPEG (${mb(Math.min(...sizes))}–${mb(Math.max(...sizes))}), 6000×4000` },
        { key: 'median', label: 'median' },
        { key: 'p95', label: 'p95' },
        { key: 'n', label: 'n' },
      ],
      [
        { what: 'Melding ingest: checks, hash, 4 WebP renditions, prefill, durable write', median: ms(ingest.median), p95: ms(ingest.p95), n: ingest.n },
        { what: 'baseline: sharp(file).resize(2400).webp().toBuffer()', median: ms(bare.median), p95: ms(bare.p95), n: bare.n },
      ],
    );
    const rows = [2, count].map((limit) => {
      const m = memory[limit];
      return {
        what: limit === 2 ? `Melding: ${count} at once, 2 decoding at a time (the store's limit)` : `comparison: ${count} at once, no limit`,
        before: mb(m.rssBefore),
        peak: mb(Math.max(m.maxRss, m.sampledPeak)),
        growth: mb(Math.max(m.maxRss, m.sampledPeak) - m.rssBefore),
        wall: ms(m.wallMs),
        loop: `${Math.round(m.loopDelayMaxMs)} ms`,
      };
    });
    const memoryTable = formatTable(
      [
        { key: 'what', label: 'ingest of ten 24 MP photos dropped at once' },
        { key: 'before', label: 'RSS before (baseline)' },
        { key: 'peak', label: 'peak RSS' },
        { key: 'growth', label: 'peak − before' },
        { key: 'wall', label: 'all done' },
        { key: 'loop', label: 'max event-loop delay' },
      ],
      rows,
    );
    return {
      tables: [
        { title: 'Ingest time of one 24 MP photo (all renditions)', text: timeTable },
        { title: `Memory (${count} photos at once; load average ${load.map((l) => l.toFixed(2)).join(' → ')})`, text: memoryTable },
      ],
      results: { ingestMs: ingest, bareResizeMs: bare, photoBytes: sizes, memory, loadavg: load },
    };
  },
};

/** The harness, bundled with the services it imports into one .mjs; sharp and exifr stay external. */
async function buildHarness(ctx) {
  const { build } = await import('vite');
  // Inside the repository, so the external sharp and exifr resolve from its node_modules (ES
  // modules ignore NODE_PATH); node_modules/.cache is where tools keep such things.
  const outDir = join(ctx.root, 'node_modules/.cache/melding-bench/media');
  ctx.defer(() => rm(outDir, { recursive: true, force: true }));
  const began = performance.now();
  await build({
    configFile: false,
    root: ctx.root,
    logLevel: 'silent',
    build: {
      ssr: join(import.meta.dirname, 'mediaHarness.ts'),
      outDir,
      target: 'node20',
      minify: false,
      emptyOutDir: true,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'mediaHarness.mjs' } },
    },
    ssr: { noExternal: true, external: ['sharp', 'exifr'] },
  });
  ctx.log(`media: harness built in ${Math.round(performance.now() - began)} ms`);
  return join(outDir, 'mediaHarness.mjs');
}

/** One harness step in a fresh `node --expose-gc`: resolves with the JSON it printed. */
function step(ctx, harness, args) {
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
      if (code !== 0 || !line) reject(new Error(`media harness ${args[0]} exited (${signal ?? code}):\n${stderr.trimEnd()}`));
      else resolveStep(JSON.parse(line.slice('BENCH_JSON='.length)));
    });
  });
}
