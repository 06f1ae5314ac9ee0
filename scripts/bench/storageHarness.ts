// The storage bench's worker: scripts/bench/storage.mjs builds this file with Vite's SSR build
// and runs every step in a fresh Node process, so each figure (and each peak RSS) belongs to that
// step alone. Each step prints one line `BENCH_JSON={...}` on stdout.
//
//   node storageHarness.mjs generate <dir> <size> [seedsDir]   documents, index, lowdb file, plan
//   node --expose-gc storageHarness.mjs melding <dir> full|open   the library store
//   node --expose-gc storageHarness.mjs baseline <dir> full|open  one lowdb JSON file
//
// <dir> holds data/ (a Melding data folder, usable with the devhost's --data-dir),
// baseline/db.json and plan.json (the document to edit and the queries, the same for both).
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { EventBus } from '../../electron/services/eventBus';
import { Library, type LibraryDeps } from '../../electron/services/library/library';
import { silentLogger } from '../../electron/services/logger';
import { plainText, type Document, type DocumentContent } from '../../shared/domain/document';
import { toSummary } from '../../shared/domain/documentSummary';
import { DEFAULT_LIBRARY_QUERY } from '../../shared/domain/libraryQuery';
import { DocumentFactory, editedBody, loadCorpus, queryFrom, Random } from './storageCorpus';

const SEED = 20_251_128;
const SAVES = 200;
const WARMUP_SAVES = 5;
const QUERIES = 100;
/** The baseline rewrites and rescans everything; past this much time per figure it stops sampling. */
const BASELINE_BUDGET_MS = 6_000;
const BASELINE_WARMUP_SAVES = 1;
const MIN_SAMPLES = 3;

interface Plan {
  size: number;
  editId: string;
  queries: string[];
}

interface BaselineData {
  docs: Document[];
}

const paths = (dir: string) => ({
  data: join(dir, 'data'),
  library: join(dir, 'data', 'library'),
  baseline: join(dir, 'baseline', 'db.json'),
  plan: join(dir, 'plan.json'),
});

function emit(result: unknown): void {
  process.stdout.write(`BENCH_JSON=${JSON.stringify(result)}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function libraryDeps(dir: string): LibraryDeps {
  return {
    dir: paths(dir).library,
    bus: new EventBus(),
    logger: silentLogger,
    now: () => new Date(),
    newId: randomUUID,
    author: () => ({ name: 'Bench', email: '' }),
  };
}

/** Samples RSS every few ms; `peak()` also asks the kernel (ru_maxrss), which sees synchronous spikes too. */
function rssSampler() {
  let sampled = process.memoryUsage.rss();
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 5);
  timer.unref();
  return {
    peak: () => Math.max(sampled, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024),
    stop: () => clearInterval(timer),
  };
}

async function settledMemory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(50);
  }
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers };
}

async function timed<T>(samples: number[], task: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const value = await task();
  samples.push(performance.now() - started);
  return value;
}

// --- generate -----------------------------------------------------------------------------------

async function generate(dir: string, size: number, seedsDir: string | undefined): Promise<void> {
  const p = paths(dir);
  const docsDir = join(p.library, 'documents');
  await mkdir(docsDir, { recursive: true });
  await mkdir(join(dir, 'baseline'), { recursive: true });

  let started = performance.now();
  const factory = new DocumentFactory(await loadCorpus(seedsDir), new Random(SEED));
  const docs: Document[] = [];
  let fileBytes = 0;
  let bodyChars = 0;
  // The stored format exactly as Library.write leaves it, without its per-file fsync.
  for (let i = 0; i < size; i += 64) {
    const batch = Array.from({ length: Math.min(64, size - i) }, () => factory.next());
    await Promise.all(
      batch.map((doc) => {
        const json = JSON.stringify(doc);
        fileBytes += Buffer.byteLength(json);
        bodyChars += plainText(doc.body).length;
        return writeFile(join(docsDir, `${doc.id}.json`), json);
      }),
    );
    docs.push(...batch);
  }
  const writeFilesMs = performance.now() - started;

  // With no index, open reads every document and writes index.json: the library as the app finds it.
  started = performance.now();
  const library = await Library.open(libraryDeps(dir), []);
  const rebuildMs = performance.now() - started;
  const listed = library.list(DEFAULT_LIBRARY_QUERY, 0, 1).total;
  await library.close();

  started = performance.now();
  const db = new Low<BaselineData>(new JSONFile(p.baseline), { docs: [] });
  db.data = { docs };
  await db.write();
  const baselineWriteMs = performance.now() - started;

  const random = new Random(SEED + 1);
  const editable = docs.filter((d) => d.deletedAt === null && d.status === 'utkast');
  // Distinct queries: the library keeps the last list it computed, and a repeat would be served from it.
  const queries = new Set<string>();
  while (queries.size < QUERIES) queries.add(queryFrom(random.pick(docs), random));
  const plan: Plan = { size, editId: random.pick(editable).id, queries: [...queries] };
  await writeFile(p.plan, JSON.stringify(plan, null, 2));

  emit({
    size,
    active: listed,
    writeFilesMs,
    rebuildMs,
    baselineWriteMs,
    documentBytes: fileBytes,
    meanDocumentBytes: fileBytes / size,
    meanBodyChars: bodyChars / size,
    indexBytes: (await stat(join(p.library, 'index.json'))).size,
    baselineBytes: (await stat(p.baseline)).size,
  });
}

// --- Melding's library store --------------------------------------------------------------------

async function melding(dir: string, full: boolean): Promise<void> {
  const rss = rssSampler();
  const rssBefore = process.memoryUsage.rss();
  const plan = JSON.parse(await readFile(paths(dir).plan, 'utf8')) as Plan;

  const started = performance.now();
  const library = await Library.open(libraryDeps(dir), []);
  const openMs = performance.now() - started;
  const first = library.list(DEFAULT_LIBRARY_QUERY, 0, 100);
  const firstListMs = performance.now() - started;
  if (first.items.length !== Math.min(100, first.total) || first.total === 0) throw new Error(`first list has ${first.items.length} of ${first.total}`);
  if (!full) {
    await library.close();
    emit({ openMs, firstListMs, total: first.total });
    return;
  }
  while (!library.bodySearchReady) await sleep(2);
  const bodySearchReadyMs = performance.now() - started;
  const peakOpen = rss.peak();
  const settled = await settledMemory();

  const opened = await library.get(plan.editId);
  if (!opened.ok) throw new Error(`cannot open ${plan.editId}: ${opened.error.message}`);
  let doc = opened.value.document;
  const random = new Random(SEED + 2);
  const saveMs: number[] = [];
  for (let i = 0; i < WARMUP_SAVES + SAVES; i++) {
    const content: DocumentContent = { ...contentOf(doc), body: editedBody(doc.body, random) };
    const saved = await timed(i < WARMUP_SAVES ? [] : saveMs, () => library.save(doc.id, doc.revision, content));
    if (!saved.ok) throw new Error(`save ${i}: ${saved.error.message}`);
    if (saved.value.revision !== doc.revision + 1) throw new Error(`save ${i} was not written`);
    doc = { ...doc, ...content, revision: saved.value.revision, updatedAt: saved.value.updatedAt };
  }

  const searchMs: number[] = [];
  const hits: number[] = [];
  for (const text of plan.queries) {
    const page = await timed(searchMs, () => library.list({ ...DEFAULT_LIBRARY_QUERY, text, sort: 'relevance' }, 0, 100));
    hits.push(page.total);
  }
  const peakEnd = rss.peak();
  const end = await settledMemory();
  rss.stop();
  await library.close();
  emit({ rssBefore, openMs, firstListMs, bodySearchReadyMs, total: first.total, peakOpen, settled, warmupSaves: WARMUP_SAVES, saveMs, searchMs, hits, peakEnd, end });
}

function contentOf(doc: Document): DocumentContent {
  const { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote } = doc;
  return { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote };
}

// --- Baseline: everything in one lowdb JSON file ------------------------------------------------

async function baseline(dir: string, full: boolean): Promise<void> {
  const rss = rssSampler();
  const rssBefore = process.memoryUsage.rss();
  const plan = JSON.parse(await readFile(paths(dir).plan, 'utf8')) as Plan;

  const started = performance.now();
  const db = new Low<BaselineData>(new JSONFile(paths(dir).baseline), { docs: [] });
  await db.read();
  const openMs = performance.now() - started;
  const first = firstHundred(db.data.docs.filter((d) => d.deletedAt === null));
  const firstListMs = performance.now() - started;
  if (first.length !== 100) throw new Error(`first list has ${first.length}`);
  if (!full) {
    emit({ openMs, firstListMs });
    return;
  }
  const peakOpen = rss.peak();
  const settled = await settledMemory();

  const random = new Random(SEED + 2);
  const saveMs: number[] = [];
  const budget = (samples: number[]) => samples.length < MIN_SAMPLES || samples.reduce((a, b) => a + b, 0) < BASELINE_BUDGET_MS;
  for (let i = 0; i < BASELINE_WARMUP_SAVES + SAVES && (i < BASELINE_WARMUP_SAVES || budget(saveMs)); i++) {
    await timed(i < BASELINE_WARMUP_SAVES ? [] : saveMs, async () => {
      const doc = db.data.docs.find((d) => d.id === plan.editId);
      if (!doc) throw new Error(`no document ${plan.editId}`);
      doc.body = editedBody(doc.body, random);
      doc.revision++;
      doc.updatedAt = new Date().toISOString();
      await db.write();
    });
  }

  const searchMs: number[] = [];
  const hits: number[] = [];
  for (const text of plan.queries) {
    if (!budget(searchMs)) break;
    const found = await timed(searchMs, () => {
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      const matches = db.data.docs.filter((d) => {
        if (d.deletedAt !== null) return false;
        const haystack = `${d.title}\n${d.ingress}\n${plainText(d.body)}`.toLowerCase();
        return words.every((w) => haystack.includes(w));
      });
      return { total: matches.length, items: firstHundred(matches) };
    });
    hits.push(found.total);
  }
  const peakEnd = rss.peak();
  const end = await settledMemory();
  rss.stop();
  emit({ rssBefore, openMs, firstListMs, bodySearchReadyMs: firstListMs, total: db.data.docs.filter((d) => d.deletedAt === null).length, peakOpen, settled, warmupSaves: BASELINE_WARMUP_SAVES, budgetMs: BASELINE_BUDGET_MS, saveMs, searchMs, hits, peakEnd, end });
}

/** What the list shows first: the newest 100, as summaries. */
function firstHundred(docs: Document[]) {
  return docs
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .slice(0, 100)
    .map(toSummary);
}

// --- command line ---------------------------------------------------------------------------------

async function main(): Promise<void> {
  const [step, dir, arg, seedsDir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: storageHarness.mjs generate|melding|baseline <dir> ...');
  if (step === 'generate') await generate(dir, Number(arg), seedsDir);
  else if (step === 'melding') await melding(dir, arg !== 'open');
  else if (step === 'baseline') await baseline(dir, arg !== 'open');
  else throw new Error(`unknown step ${step}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
