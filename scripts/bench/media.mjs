// Media: ingest of 24-megapixel JPEGs into the media store (electron/services/media) — type
// check, hash, header checks, four WebP renditions without metadata, IPTC/XMP prefill and the
// durable write — beside a bare `sharp(file).resize(2400).webp().toBuffer()` in the same
// process. Then peak RSS while ten such photos are ingested at once (as when a user drops ten
// files), with the store's limit of two decodes at a time and, for comparison, with no limit;
// the process's RSS before is the baseline. Every step runs in a fresh Node process
// (scripts/bench/mediaHarness.ts, built here with Vite's SSR build; sharp loads from node_modules).
//
//   BENCH_MEDIA_PHOTOS  photos ingested at once (default 10)
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { formatTable } from './formatTable.mjs';
import { buildHarness, runHarnessStep } from './harness.mjs';
import { summarize } from './summarize.mjs';

export const media = {
  id: 'media',
  title: 'Media (image ingest)',
  needs: { build: false, chromium: false },

  async run(ctx) {
    const count = Number(process.env.BENCH_MEDIA_PHOTOS ?? 10);
    // Inside the repository, so the external sharp and exifr resolve from its node_modules (ES
    // modules ignore NODE_PATH); node_modules/.cache is where tools keep such things.
    const outDir = join(ctx.root, 'node_modules/.cache/melding-bench/media');
    ctx.defer(() => rm(outDir, { recursive: true, force: true }));
    const harness = await buildHarness(ctx, { name: 'media', outDir, external: ['sharp', 'exifr'] });
    const photosDir = join(ctx.tmpDir, 'photos');
    const load = [loadavg()[0]];
    ctx.log(`media: generating ${count} photos of 24 MP`);
    const generated = await runHarnessStep(ctx, harness, ['generate', photosDir, String(count)]);
    const runs = Math.max(3, ctx.runs);
    ctx.log(`media: timing ${runs} ingests`);
    const timed = await runHarnessStep(ctx, harness, ['time', photosDir, String(runs), String(ctx.warmups)]);
    const memory = {};
    for (const limit of [2, count]) {
      ctx.log(`media: ${count} photos at once, ${limit} decoding at a time`);
      memory[limit] = await runHarnessStep(ctx, harness, ['memory', photosDir, String(count), String(limit)]);
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


