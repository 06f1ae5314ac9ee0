// Measures the målform checker (shared/language/maalformChecker.ts) on real text: the Bokmål seeds
// checked as if they were Nynorsk documents and the Nynorsk seed as if it were Bokmål. Every flag
// there should be a real form of the text's own målform; the words not flagged give the misses.
//
//   node scripts/measure-maalform.mjs [seeds folder] [--flags N] [--sample N] [--json]
//
// Prints flag counts and share() per seed, then N flagged words and N random unflagged words (with
// a fixed seed, so a hand-labelled run can be repeated) for labelling. The checker is TypeScript,
// so it is built first with Vite's SSR build into a temporary folder.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args[at + 1]);
};
const seedsDir = resolve(root, args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '../shared/seeds');
const flagSample = option('--flags', 100);
const wordSample = option('--sample', 100);

async function buildChecker() {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'maalform-'));
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: join(root, 'shared', 'language', 'maalformChecker.ts'),
      outDir,
      target: 'node20',
      minify: false,
      emptyOutDir: true,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'maalformChecker.mjs' } },
    },
  });
  const module = await import(pathToFileURL(join(outDir, 'maalformChecker.mjs')).href);
  await rm(outDir, { recursive: true, force: true });
  return module;
}

async function readList(name) {
  const gz = await readFile(join(root, 'resources', 'maalform', `${name}.txt.gz`));
  return gunzipSync(gz).toString('utf8').split('\n').filter(Boolean);
}

/** Mulberry32: a small seeded generator, so the sample is the same on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(items, n, next) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

/** The seeds' målform, from their content: the seeds folder has no metadata, and 004 is the Nynorsk one. */
function maalformOf(text, checker) {
  const share = checker.share(text);
  return share.nnOnly > share.nbOnly ? 'nn' : 'nb';
}

const began = performance.now();
const { createMaalformChecker } = await buildChecker();
const [nbOnly, nnOnly, both] = await Promise.all([readList('nb-only'), readList('nn-only'), readList('both')]);
const checker = createMaalformChecker(args.includes('--no-both') ? { nbOnly, nnOnly } : { nbOnly, nnOnly, both });
const loadMs = performance.now() - began;

const files = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt')).sort();
const flagged = [];
const unflagged = [];
const rows = [];
for (const file of files) {
  const text = await readFile(join(seedsDir, file), 'utf8');
  const own = maalformOf(text, checker);
  const asOther = own === 'nb' ? 'nn' : 'nb';
  const t0 = performance.now();
  const flags = checker.check(text, asOther);
  const checkMs = performance.now() - t0;
  const ownFlags = checker.check(text, own);
  const words = [...text.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu)];
  const flaggedAt = new Set(flags.map((f) => f.start));
  for (const f of flags) flagged.push({ file, own, ...f, context: text.slice(Math.max(0, f.start - 30), f.end + 30).replace(/\s+/g, ' ') });
  for (const w of words) if (!flaggedAt.has(w.index)) unflagged.push({ file, own, word: w[0] });
  rows.push({ file, own, words: words.length, flagsAsOther: flags.length, flagsAsOwn: ownFlags.length, share: checker.share(text), checkMs: Math.round(checkMs * 10) / 10 });
}

if (args.includes('--json')) {
  console.log(JSON.stringify({ loadMs, rows, flagged, unflagged }, null, 2));
} else {
  console.log(`lists: nb-only ${nbOnly.length}, nn-only ${nnOnly.length}; load + build ${Math.round(loadMs)} ms`);
  console.table(rows.map(({ share, ...r }) => ({ ...r, nbOnly: share.nbOnly, nnOnly: share.nnOnly })));
  const next = random(20250101);
  console.log(`\n${flagSample} flagged words (file, as-other, word -> suggestion | context):`);
  for (const f of sample(flagged, flagSample, next)) console.log(`${f.file.slice(0, 3)} ${f.own}->${f.own === 'nb' ? 'nn' : 'nb'} ${f.word} -> ${f.suggestion ?? '-'} | ${f.context}`);
  console.log(`\n${wordSample} random unflagged words:`);
  console.log(sample(unflagged, wordSample, next).map((w) => `${w.file.slice(0, 3)}:${w.word}`).join('  '));
}
