// Storage: the library store (electron/services/library) at 1,000, 5,000 and 20,000 documents of
// about 5 KB, beside the simplest thing that could work: every document in one lowdb JSON file.
// Autosave, open to first list, full-text search and RSS, each size in fresh Node processes
// (scripts/bench/storageHarness.ts, built here with Vite's SSR build); then the list in Chromium
// through the devhost at the largest size.
//
//   BENCH_STORAGE_SIZES  comma-separated document counts (default 1000,5000,20000)
//   BENCH_STORAGE_SEEDS  folder of Norwegian *.txt to sample sentences from (default ../shared/seeds)
//   BENCH_STORAGE_KEEP   copy the largest size's data folder here (e.g. .tmp/bench-20k) for reuse
//                        with `node out/devhost/index.mjs --data-dir <folder>`
import { existsSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatTable } from './formatTable.mjs';
import { buildHarness, runHarnessStep } from './harness.mjs';
import { measureListRender } from './storageListRender.mjs';
import { summarize } from './summarize.mjs';

/** What the issue asks of the store at 20,000 documents. */
const TARGET_SIZE = 20_000;
const TARGETS = { saveMedian: 5, firstList: 150, searchMedian: 30, rss: 150e6 };

export const storage = {
  id: 'storage',
  title: 'Storage',
  needs: { build: true, chromium: true },

  async run(ctx) {
    const sizes = sizesFromEnv();
    const seedsDir = resolve(ctx.root, process.env.BENCH_STORAGE_SEEDS ?? '../shared/seeds');
    if (!existsSync(seedsDir)) ctx.log(`storage: no seed texts at ${seedsDir}; sampling the built-in samples only`);
    const harness = await buildHarness(ctx, { name: 'storage', outDir: join(ctx.tmpDir, 'harness') });
    const openRuns = Math.max(1, ctx.runs);
    const load = [loadavg()[0]];

    const perSize = [];
    for (const size of sizes) {
      const dir = join(ctx.tmpDir, `docs-${size}`);
      const releaseDir = ctx.defer(() => rm(dir, { recursive: true, force: true }));
      ctx.log(`storage: generating ${size} documents`);
      const began = performance.now();
      const generated = await runHarnessStep(ctx, harness, ['generate', dir, String(size), ...(existsSync(seedsDir) ? [seedsDir] : [])]);
      generated.totalMs = performance.now() - began;

      ctx.log(`storage: ${size}: Melding store (open, indexing, saves, searches)`);
      const melding = await runHarnessStep(ctx, harness, ['melding', dir, 'full']);
      ctx.log(`storage: ${size}: lowdb baseline`);
      const baseline = await runHarnessStep(ctx, harness, ['baseline', dir, 'full']);
      const opens = { melding: [melding], baseline: [baseline] };
      // Reading a 230 MB file takes seconds: the baseline gets fewer runs once it has had its time.
      const more = (name) => opens[name].length < openRuns && (name === 'melding' || opens.baseline.length < 3 || sum(opens.baseline.map((o) => o.openMs)) < OPEN_BUDGET_MS);
      for (let i = 1; i < openRuns; i++) {
        ctx.log(`storage: ${size}: open run ${i + 1}/${openRuns}`);
        // Alternate who goes first, so neither always gets the warmer machine.
        for (const name of i % 2 === 0 ? ['melding', 'baseline'] : ['baseline', 'melding']) if (more(name)) opens[name].push(await runHarnessStep(ctx, harness, [name, dir, 'open']));
      }

      let listRender = null;
      if (size === Math.max(...sizes)) {
        ctx.log(`storage: ${size}: first list render in Chromium through the devhost`);
        listRender = await measureListRender(ctx, join(dir, 'data'), Math.min(openRuns, 3));
        if (process.env.BENCH_STORAGE_KEEP) await keep(ctx, join(dir, 'data'), resolve(ctx.root, process.env.BENCH_STORAGE_KEEP));
      }
      await releaseDir();
      perSize.push({ size, generated, melding, baseline, opens, listRender });
    }
    load.push(loadavg()[0]);

    const rows = perSize.map(figures);
    const largest = perSize.at(-1);
    const tables = [
      {
        title: `Generated libraries (documents written directly in the stored format, then Library.open rebuilds the missing index)`,
        text: formatTable(
          [
            { key: 'size', label: 'documents' },
            { key: 'active', label: 'not in bin' },
            { key: 'doc', label: 'mean file' },
            { key: 'body', label: 'mean body text' },
            { key: 'files', label: 'document files' },
            { key: 'index', label: 'index.json' },
            { key: 'lowdb', label: 'lowdb db.json' },
            { key: 'write', label: 'make + write files' },
            { key: 'rebuild', label: 'rebuild index' },
            { key: 'lowdbWrite', label: 'write db.json' },
            { key: 'total', label: 'generation total' },
          ],
          perSize.map(({ size, generated: g }) => ({
            size: count(size),
            active: count(g.active),
            doc: kB(g.meanDocumentBytes),
            body: `${(g.meanBodyChars / 1000).toFixed(1)} k chars`,
            files: MB(g.documentBytes),
            index: MB(g.indexBytes),
            lowdb: MB(g.baselineBytes),
            write: s(g.writeFilesMs),
            rebuild: s(g.rebuildMs),
            lowdbWrite: s(g.baselineWriteMs),
            total: s(g.totalMs),
          })),
        ),
      },
      ...rows.map(({ size, rows: sizeRows }) => ({
        title:
          `${count(size)} documents: Melding's library store vs one lowdb JSON file` +
          (size === TARGET_SIZE ? '; targets from the issue' : '') +
          '; ratio = baseline / Melding (above 1× Melding is faster or smaller)',
        text: formatTable(
          [
            { key: 'metric', label: 'metric' },
            { key: 'melding', label: 'Melding' },
            { key: 'baseline', label: 'lowdb' },
            { key: 'ratio', label: 'ratio' },
            ...(size === TARGET_SIZE ? [{ key: 'target', label: 'target' }, { key: 'verdict', label: '', align: 'left' }] : []),
          ],
          sizeRows,
        ),
      })),
      ...(largest?.listRender ? [listRenderTable(largest)] : []),
    ];
    tables.push({
      title: 'Notes',
      text: [
        `Autosave: Library.save of one document, 1–3 words changed each time, awaited one after another (unmeasured first: Melding ${perSize[0].melding.warmupSaves},`,
        `  lowdb ${perSize[0].baseline.warmupSaves}). Melding writes the document atomically (fsync of file and folder) and appends a journal line (fdatasync);`,
        '  lowdb rewrites the whole file through steno (temp file + rename, no fsync).',
        'Open: a fresh Node process per run, files in the page cache (just written), from Library.open / db.read() to the first 100 of the default list.',
        'Body text searchable: Melding indexes bodies in the background after open (bodySearchReady); lowdb can scan as soon as it has read the file.',
        'Search: Library.list with query.text and sort=relevance (as the search field sends it), limit 100; lowdb: lowercase includes of every word',
        '  over title, ingress and body text (plainText) of every document, newest 100. Matches differ: Melding matches words (last one as a prefix).',
        'RSS: peak = max of 5 ms samples and ru_maxrss during open and indexing; settled = after gc() ×3 once indexing is done; both include Node itself',
        `  (${MB(median(perSize.map((p) => p.melding.rssBefore)))} before open). lowdb stops sampling a figure after ${perSize[0].baseline.budgetMs / 1000} s, with at least 3 (n says how many).`,
        `Load average (1 min) at start / end of the section: ${load.map((l) => l.toFixed(2)).join(' / ')} on this machine; other work skews every figure.`,
      ].join('\n'),
    });

    return {
      tables,
      results: {
        sizes,
        targets: { size: TARGET_SIZE, ...TARGETS },
        loadAverage: load,
        perSize: perSize.map(({ size, generated, melding, baseline, opens, listRender }) => ({
          size,
          generated,
          melding: summaryOf(melding, opens.melding),
          baseline: summaryOf(baseline, opens.baseline),
          listRender,
        })),
      },
    };
  },
};

/** Past this much time in open runs, the baseline stops (after at least 3). */
const OPEN_BUDGET_MS = 10_000;

function sizesFromEnv() {
  const raw = process.env.BENCH_STORAGE_SIZES ?? '1000,5000,20000';
  const sizes = raw.split(',').map((part) => Number(part.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`BENCH_STORAGE_SIZES must be whole numbers of at least 100, not "${raw}"`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** The harness, bundled with everything it imports (TypeScript, zod, lowdb) into one .mjs. */


async function keep(ctx, from, to) {
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  await cp(from, to, { recursive: true });
  await rm(join(to, 'library', 'session.lock'), { force: true });
  ctx.log(`storage: kept a copy of the data folder at ${to}`);
}

function summaryOf(full, opens) {
  return {
    save: summarize(full.saveMs),
    search: summarize(full.searchMs),
    hits: summarize(full.hits),
    open: summarize(opens.map((o) => o.openMs)),
    firstList: summarize(opens.map((o) => o.firstListMs)),
    bodySearchReadyMs: full.bodySearchReadyMs,
    rssBefore: full.rssBefore,
    peakOpen: full.peakOpen,
    settled: full.settled,
    peakEnd: full.peakEnd,
    end: full.end,
    samples: { saveMs: full.saveMs, searchMs: full.searchMs, hits: full.hits, opens },
  };
}

/** The comparison rows for one size. */
function figures({ size, melding: mFull, baseline: bFull, opens }) {
  const m = summaryOf(mFull, opens.melding);
  const b = summaryOf(bFull, opens.baseline);
  const atTarget = size === TARGET_SIZE;
  const verdict = (value, limit) => (atTarget ? (value <= limit ? 'PASS' : 'MISS') : '');
  const limit = (text) => (atTarget ? text : '');
  const row = (metric, mValue, bValue, format, target) => ({
    metric,
    melding: format(mValue),
    baseline: format(bValue),
    ratio: ratio(bValue, mValue),
    ...(target ? { target: limit(target.text), verdict: verdict(mValue, target.limit) } : {}),
  });
  return {
    size,
    rows: [
      row(`autosave median (n ${m.save.n} / ${b.save.n})`, m.save.median, b.save.median, ms, { text: `≤ ${TARGETS.saveMedian} ms`, limit: TARGETS.saveMedian }),
      row('autosave p95', m.save.p95, b.save.p95, ms),
      row(`open → first list of 100, median (n ${m.firstList.n} / ${b.firstList.n})`, m.firstList.median, b.firstList.median, ms, { text: `≤ ${TARGETS.firstList} ms`, limit: TARGETS.firstList }),
      row('  of which Library.open / db.read()', m.open.median, b.open.median, ms),
      row('open → body text searchable', m.bodySearchReadyMs, b.bodySearchReadyMs, ms),
      row(`search median (n ${m.search.n} / ${b.search.n} queries)`, m.search.median, b.search.median, ms, { text: `≤ ${TARGETS.searchMedian} ms`, limit: TARGETS.searchMedian }),
      row('search p95', m.search.p95, b.search.p95, ms),
      { metric: 'search matches per query, median', melding: count(m.hits.median), baseline: count(b.hits.median), ratio: '' },
      row('peak RSS, open + indexing', m.peakOpen, b.peakOpen, MB, { text: `≤ ${MB(TARGETS.rss)}`, limit: TARGETS.rss }),
      row('RSS settled after gc', m.settled.rss, b.settled.rss, MB, { text: `≤ ${MB(TARGETS.rss)}`, limit: TARGETS.rss }),
      row('  heap used, settled', m.settled.heapUsed, b.settled.heapUsed, MB),
      row('RSS after saves + searches, settled', m.end.rss, b.end.rss, MB),
    ],
  };
}

function listRenderTable({ size, listRender: r }) {
  const after = summarize(r.loads.map((l) => l.firstRowMs));
  const fcp = summarize(r.loads.map((l) => l.fcpMs));
  return {
    title: `First list render at ${count(size)} documents: built devhost on the generated data folder, Chromium ${r.chromium}, fresh context per load`,
    text: formatTable(
      [
        { key: 'metric', label: 'metric' },
        { key: 'median', label: 'median' },
        { key: 'p95', label: 'p95' },
        { key: 'n', label: 'n' },
      ],
      [
        { metric: 'devhost spawn → address printed (includes Library.open)', median: ms(r.readyMs), p95: '', n: 1 },
        { metric: 'devhost spawn → body text searchable (its log line seen)', median: ms(r.indexDone.seenAfterSpawnMs), p95: '', n: 1 },
        { metric: `  ${r.indexDone.event === 'library.search_index_loaded' ? 'saved index loaded and reconciled' : 'background indexing'}, as logged`, median: ms(r.indexDone.ms), p95: '', n: 1 },
        { metric: 'navigation → first row painted, during body indexing', median: ms(r.duringIndexing.firstRowMs), p95: '', n: 1 },
        { metric: 'navigation → first row painted, after indexing', median: ms(after.median), p95: ms(after.p95), n: after.n },
        { metric: 'navigation → first-contentful-paint, after indexing', median: ms(fcp.median), p95: ms(fcp.p95), n: fcp.n },
      ],
    ),
  };
}

const median = (values) => summarize(values).median;
const sum = (values) => values.reduce((a, b) => a + b, 0);
const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '—');
const s = (value) => `${(value / 1000).toFixed(1)} s`;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const count = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const ratio = (baseline, melding) => {
  if (!(baseline > 0) || !(melding > 0)) return '';
  const r = baseline / melding;
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
};
