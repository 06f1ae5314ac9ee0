// Language: the spellchecker and målform checker (electron/services/language), through the same
// worker thread the app uses (built here like the devhost builds it). Dictionary load per
// målform in fresh workers, a whole 20,000-word document, a one-paragraph change, suggestions,
// and the målform checker's precision and recall. Baselines in the same run: Debian's hunspell
// command line on the same dictionary files where it is installed (apt-get install hunspell),
// the whole document checked again for the one-paragraph figure, and an exact lookup in the
// målform lists for precision and recall.
//
//   BENCH_LANGUAGE_SEEDS  folder of Norwegian *.txt (default ../shared/seeds; 004 is the Nynorsk one)
//   BENCH_LANGUAGE_WORDS  words in the whole-document check (default 20000)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { buildLanguageWorker } from '../buildLanguageWorker.mjs';
import { formatTable } from './formatTable.mjs';
import { summarize } from './summarize.mjs';

/** Typical typos of ministry prose and the word meant (the first suggestion should be it). */
const TYPOS = {
  nb: [
    ['regjringen', 'regjeringen'], ['departemnetet', 'departementet'], ['helsetjenestne', 'helsetjenesten'], ['kommunne', 'kommune'],
    ['pasientne', 'pasienten'], ['sykehusst', 'sykehuset'], ['beredskpa', 'beredskap'], ['statsråde', 'statsråden'],
    ['tilskudet', 'tilskuddet'], ['fastlegne', 'fastlegen'], ['milijoner', 'millioner'], ['forskrfit', 'forskrift'],
  ],
  nn: [
    ['regjeirnga', 'regjeringa'], ['kommunnae', 'kommunane'], ['tenestne', 'tenestene'], ['dokumnetet', 'dokumentet'],
    ['barnehagne', 'barnehagen'], ['sjukehsuet', 'sjukehuset'], ['helseføretka', 'helseføretaka'], ['statsrdåen', 'statsråden'],
  ],
};

export const language = {
  id: 'language',
  title: 'Language (spelling and målform)',
  needs: { build: false, chromium: false },

  async run(ctx) {
    const load = [loadavg()[0]];
    const seedsDir = resolve(ctx.root, process.env.BENCH_LANGUAGE_SEEDS ?? '../shared/seeds');
    if (!existsSync(seedsDir)) throw new Error(`language: no seed texts at ${seedsDir} (set BENCH_LANGUAGE_SEEDS)`);
    const targetWords = Number(process.env.BENCH_LANGUAGE_WORDS ?? 20_000);
    const resourcesDir = join(ctx.root, 'resources');
    const seeds = await readSeeds(seedsDir);
    ctx.log('language: building the worker');
    const workerUrl = await buildLanguageWorker();
    const debian = await debianHunspell(ctx, resourcesDir);
    const runs = Math.max(3, ctx.runs);

    // 1. Load: fresh workers, one after another.
    const loads = {};
    for (const maalform of ['nb', 'nn']) {
      ctx.log(`language: ${maalform}: ${runs} fresh workers`);
      const inWorker = [];
      const wall = [];
      const rss = [];
      for (let i = 0; i < runs + ctx.warmups; i++) {
        const before = process.memoryUsage().rss;
        const began = performance.now();
        const worker = await startWorker(ctx, workerUrl, maalform, resourcesDir);
        const ready = performance.now() - began;
        const after = process.memoryUsage().rss;
        await worker.close();
        if (i < ctx.warmups) continue;
        inWorker.push(worker.loadMs);
        wall.push(ready);
        rss.push(after - before);
      }
      loads[maalform] = { inWorker: summarize(inWorker), wall: summarize(wall), rss: summarize(rss), debian: debian ? summarize(debian.loadTimes(maalform, runs)) : null };
    }

    // 2–4 on one kept worker per målform, as the app keeps them.
    const nb = await startWorker(ctx, workerUrl, 'nb', resourcesDir);
    const nn = await startWorker(ctx, workerUrl, 'nn', resourcesDir);
    try {
      // 2. A whole document of ~20,000 words from the Bokmål seeds, one block per paragraph.
      const paragraphs = buildDocument(seeds.filter((s) => s.maalform === 'nb').map((s) => s.text), targetWords);
      const blocks = paragraphs.map((text, i) => ({ key: `p${i}`, text }));
      const words = paragraphs.reduce((n, p) => n + countWords(p), 0);
      ctx.log(`language: whole document, ${words} words in ${blocks.length} paragraphs`);
      const cold = await timed(() => nb.request({ kind: 'check', blocks }));
      const warmRuns = [];
      for (let i = 0; i < runs; i++) warmRuns.push((await timed(() => nb.request({ kind: 'check', blocks }))).ms);
      const issues = cold.value.blocks.reduce((n, b) => n + b.issues.length, 0);
      const debianWhole = debian ? debian.wholeDocument('nb', paragraphs.join('\n\n'), runs) : null;

      // 3. One paragraph changed, as the editor sends it while typing: a word edited each time.
      const paragraph = paragraphs.reduce((a, b) => (Math.abs(countWords(b) - 80) < Math.abs(countWords(a) - 80) ? b : a));
      const small = [];
      const smallRuns = Math.max(30, runs * 5);
      for (let i = 0; i < smallRuns + ctx.warmups; i++) {
        const edited = editOneWord(paragraph, i);
        const { ms } = await timed(() => nb.request({ kind: 'check', blocks: [{ key: 'edit', text: edited }] }));
        if (i >= ctx.warmups) small.push(ms);
      }

      // 4. Suggestions, one at a time (each waits for the last: no cancelling).
      const suggest = {};
      for (const [maalform, worker] of [['nb', nb], ['nn', nn]]) {
        const times = [];
        let right = 0;
        for (const [typo, meant] of TYPOS[maalform]) {
          const { ms, value } = await timed(() => worker.request({ kind: 'suggest', word: typo }));
          times.push(ms);
          if (value.suggestions[0] === meant) right++;
        }
        suggest[maalform] = { times: summarize(times), right, total: TYPOS[maalform].length, debian: debian ? debian.suggest(maalform, TYPOS[maalform].map(([t]) => t)) : null };
      }

      // 5. Spelling quality on the seeds: false flags on correct text, and synthetic typos caught.
      ctx.log('language: false flags and typos on the seeds');
      const quality = await spellingQuality(seeds, { nb, nn }, debian);

      // 6. Målform checker: precision and recall against the dictionaries themselves.
      ctx.log('language: målform checker precision and recall');
      const lists = await readLists(resourcesDir);
      const oracle = debian ?? null;
      const maalformScore = await scoreMaalform(seeds, { nb, nn }, lists, oracle);

      load.push(loadavg()[0]);
      return report({ quality, loads, whole: { words, blocks: blocks.length, cold: cold.ms, warm: summarize(warmRuns), issues, debian: debianWhole }, small: { words: countWords(paragraph), times: summarize(small) }, suggest, maalformScore, load, debian: Boolean(debian) });
    } finally {
      await nb.close();
      await nn.close();
    }
  },
};

async function readSeeds(dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const seeds = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    // The seeds carry no metadata: a text with more ikkje/eit/dei than ikke/et/de is Nynorsk.
    const nnMarks = (text.match(/\b(ikkje|eit|dei|frå|kva|korleis|òg|berre)\b/gu) ?? []).length;
    const nbMarks = (text.match(/\b(ikke|et|de|fra|hva|hvordan|også|bare)\b/gu) ?? []).length;
    seeds.push({ file, text, maalform: nnMarks > nbMarks ? 'nn' : 'nb' });
  }
  return seeds;
}

/** Paragraphs of the seeds, repeated in order until the document has `target` words. */
function buildDocument(texts, target) {
  const pool = texts.flatMap((t) => t.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => countWords(p) >= 3));
  const out = [];
  let words = 0;
  for (let i = 0; words < target; i++) {
    const p = pool[i % pool.length];
    out.push(p);
    words += countWords(p);
  }
  return out;
}

function countWords(text) {
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** The paragraph with its n-th word replaced by a typo or restored: what typing does. */
function editOneWord(paragraph, n) {
  const words = [...paragraph.matchAll(/\p{L}{4,}/gu)];
  const m = words[n % words.length];
  if (!m || n % 2 === 1) return paragraph;
  const w = m[0];
  return paragraph.slice(0, m.index) + w.slice(0, 2) + w[3] + w[2] + w.slice(4) + paragraph.slice(m.index + w.length);
}

async function timed(fn) {
  const began = performance.now();
  const value = await fn();
  return { ms: performance.now() - began, value };
}

/** A language worker as the app starts it, with a promise per request. */
function startWorker(ctx, workerUrl, maalform, resourcesDir) {
  return new Promise((resolveStart, reject) => {
    const worker = new Worker(workerUrl, { workerData: { maalform, resourcesDir, personal: [] } });
    const release = ctx.defer(() => worker.terminate());
    const pending = new Map();
    let nextId = 1;
    const handle = {
      loadMs: NaN,
      request(message) {
        const id = nextId++;
        return new Promise((done, fail) => {
          pending.set(id, { done, fail });
          worker.postMessage({ id, ...message });
        });
      },
      close: release,
    };
    worker.on('message', (message) => {
      if (message.kind === 'ready') {
        handle.loadMs = message.loadMs;
        resolveStart(handle);
      } else if (message.kind === 'failed') reject(new Error(`language worker ${maalform}: ${message.message}`));
      else {
        const entry = pending.get(message.id);
        pending.delete(message.id);
        if (message.kind === 'error') entry?.fail(new Error(message.message));
        else entry?.done(message.kind === 'checked' ? { blocks: message.blocks } : { suggestions: message.suggestions });
      }
    });
    worker.once('error', reject);
  });
}

async function readLists(resourcesDir) {
  const read = async (name) => new Set(gunzipSync(await readFile(join(resourcesDir, 'maalform', `${name}.txt.gz`))).toString('utf8').split('\n').filter(Boolean));
  return { nb: await read('nb-only'), nn: await read('nn-only') };
}

/**
 * Precision and recall of målform flags on the seeds, each checked as the other målform (the
 * Bokmål seeds as Nynorsk documents and the reverse), over lower-case words in mid-sentence.
 * Truth: the word is valid in its own målform's hunspell dictionary and not in the other's
 * (Debian's hunspell, or, without it, membership in the other-only list, which then makes the
 * baseline score 1.0 by definition and only Melding's figure means something).
 */
async function scoreMaalform(seeds, workers, lists, debian) {
  const rows = [];
  for (const own of ['nb', 'nn']) {
    const asOther = own === 'nb' ? 'nn' : 'nb';
    const texts = seeds.filter((s) => s.maalform === own).map((s) => s.text);
    if (texts.length === 0) continue;
    const blocks = texts.map((text, i) => ({ key: `s${i}`, text }));
    const checked = await workers[asOther].request({ kind: 'check', blocks });
    const tokens = [];
    for (const [i, text] of texts.entries()) {
      const flaggedAt = new Set(checked.blocks[i].issues.filter((x) => x.kind === 'maalform').map((x) => x.from));
      for (const m of text.matchAll(/(?<![\p{L}\p{N}.@-])\p{Ll}+(?:-\p{Ll}+)*(?![\p{L}\p{N}@]|\.\p{L})/gu)) tokens.push({ word: m[0], flagged: flaggedAt.has(m.index) });
    }
    const unique = [...new Set(tokens.map((t) => t.word))];
    const truth = debian ? debian.otherOnly(own, asOther, unique) : new Set(unique.filter((w) => lists[own].has(w)));
    const score = (predicted) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const t of tokens) {
        const p = predicted(t);
        const real = truth.has(t.word);
        if (p && real) tp++;
        else if (p) fp++;
        else if (real) fn++;
      }
      return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
    };
    rows.push({ own, asOther, tokens: tokens.length, truth: tokens.filter((t) => truth.has(t.word)).length, melding: score((t) => t.flagged), lists: score((t) => lists[own].has(t.word)) });
  }
  return rows;
}

/**
 * False flags: spelling marks on the seeds of each målform (all of it correct, published text).
 * Typos: up to three per distinct correct lower-case word, kept only where hunspell alone rejects
 * them (so each is a real non-word); caught = Melding marks it (spelling or målform).
 */
async function spellingQuality(seeds, workers, debian) {
  const rows = [];
  for (const maalform of ['nb', 'nn']) {
    const texts = seeds.filter((s) => s.maalform === maalform).map((s) => s.text);
    if (texts.length === 0) continue;
    const checked = await workers[maalform].request({ kind: 'check', blocks: texts.map((text, i) => ({ key: `s${i}`, text })) });
    const words = checked.blocks.reduce((n, b) => n + b.stats.words, 0);
    const flags = checked.blocks.reduce((n, b) => n + b.issues.filter((i) => i.kind === 'spelling').length, 0);
    const hunspellFlags = debian ? debian.misspelled(maalform, texts.join('\n')).length : null;
    let typos = null;
    let caught = null;
    if (debian) {
      const correct = [...new Set(texts.join(' ').match(/(?<![\p{L}\p{N}.@-])\p{Ll}{5,}(?![\p{L}\p{N}@-])/gu) ?? [])];
      const verdicts = await workers[maalform].request({ kind: 'check', blocks: correct.map((text, i) => ({ key: `w${i}`, text })) });
      const candidates = [];
      correct.forEach((w, i) => {
        if (verdicts.blocks[i].issues.length > 0) return;
        for (const kind of [0, 1, 2]) {
          const at = 1 + ((i * 7 + kind * 3) % (w.length - 2));
          const typo = kind === 0 ? w.slice(0, at) + w.slice(at + 1) : kind === 1 ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : w.slice(0, at) + 'aeiou'[(i + at) % 5] + w.slice(at + 1);
          if (typo !== w) candidates.push(typo);
        }
      });
      const rejected = new Set(debian.misspelled(maalform, candidates.join('\n')));
      const real = [...new Set(candidates.filter((t) => rejected.has(t)))];
      caught = 0;
      for (let i = 0; i < real.length; i += 2000) {
        const part = real.slice(i, i + 2000);
        const result = await workers[maalform].request({ kind: 'check', blocks: part.map((text, j) => ({ key: `t${j}`, text })) });
        caught += result.blocks.filter((b) => b.issues.length > 0).length;
      }
      typos = real.length;
    }
    rows.push({ maalform, words, flags, hunspellFlags, typos, caught });
  }
  return rows;
}

/** Debian's hunspell on the same dictionary files, or null where it is not installed. */
async function debianHunspell(ctx, resourcesDir) {
  const found = spawnSync('hunspell', ['-v'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    ctx.log('language: Debian hunspell not installed (apt-get install hunspell): no command-line baseline');
    return null;
  }
  const dir = join(ctx.tmpDir, 'hunspell-dicts');
  await mkdir(dir, { recursive: true });
  for (const m of ['nb', 'nn']) {
    await writeFile(join(dir, `${m}.aff`), await readFile(join(resourcesDir, 'dictionaries', `${m}.aff`)));
    await writeFile(join(dir, `${m}.dic`), gunzipSync(await readFile(join(resourcesDir, 'dictionaries', `${m}.dic.gz`))));
  }
  const run = (m, args, input) => {
    const began = performance.now();
    const out = execFileSync('hunspell', ['-d', join(dir, m), '-i', 'utf-8', ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { ms: performance.now() - began, out };
  };
  return {
    version: found.stdout.split('\n')[0],
    /** A process that loads the dictionary and checks nothing. */
    loadTimes: (m, n) => Array.from({ length: n }, () => run(m, ['-l'], '').ms),
    /** `hunspell -l` (list misspelled words) on the whole text: load included, and the load median beside it. */
    wholeDocument(m, text, n) {
      const times = Array.from({ length: n }, () => run(m, ['-l'], text).ms);
      const flagged = run(m, ['-l'], text).out.split('\n').filter(Boolean).length;
      return { times: summarize(times), flagged };
    },
    /** `hunspell -a` (ispell pipe) with all typos in one process: per-word time after subtracting a load. */
    suggest(m, words) {
      const loadMs = summarize(this.loadTimes(m, 3)).median;
      const { ms, out } = run(m, ['-a'], `${words.join('\n')}\n`);
      const firsts = out.split('\n').filter((l) => l.startsWith('&')).map((l) => l.split(': ')[1]?.split(', ')[0]);
      return { perWordMs: (ms - loadMs) / words.length, firsts };
    },
    /** The words of `text` hunspell rejects, one per occurrence. */
    misspelled: (m, text) => run(m, ['-l'], `${text}\n`).out.split('\n').filter(Boolean),
    /** Words valid in `own` and not in `other`, by hunspell itself (compounds included). */
    otherOnly(own, other, words) {
      const invalid = (m) => new Set(run(m, ['-l'], `${words.join('\n')}\n`).out.split('\n').filter(Boolean));
      const badOwn = invalid(own);
      const badOther = invalid(other);
      return new Set(words.filter((w) => !badOwn.has(w) && badOther.has(w)));
    },
  };
}

const ms = (v) => (Number.isFinite(v) ? (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`) : '–');
const pct = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');
const MB = (v) => `${(v / 1e6).toFixed(0)} MB`;

function report({ quality, loads, whole, small, suggest, maalformScore, load, debian }) {
  const tables = [
    {
      title:
        'Spelling on the seeds: words marked as misspelled in correct text (false flags), and synthetic typos (a letter dropped, two swapped, a vowel changed) of correct words caught; baseline: hunspell alone (Debian, same dictionaries)',
      text: formatTable(
        [
          { key: 'm', label: 'målform' },
          { key: 'words', label: 'words' },
          { key: 'flags', label: 'Melding false flags' },
          { key: 'hflags', label: 'hunspell -l' },
          { key: 'typos', label: 'typos' },
          { key: 'caught', label: 'Melding caught' },
          { key: 'hcaught', label: 'hunspell caught' },
        ],
        quality.map((q) => ({
          m: q.maalform,
          words: q.words,
          flags: `${q.flags} (${pct(q.flags / q.words)})`,
          hflags: q.hunspellFlags === null ? 'not installed' : `${q.hunspellFlags} (${pct(q.hunspellFlags / q.words)})`,
          typos: q.typos ?? '–',
          caught: q.typos ? `${q.caught} (${pct(q.caught / q.typos)})` : '–',
          hcaught: q.typos ? '100 % (typos are words it rejects)' : '–',
        })),
      ),
    },
    {
      title: 'Dictionary load per målform: fresh worker to first answer (hunspell .aff/.dic + the målform lists); baseline: Debian hunspell process, dictionary only',
      text: formatTable(
        [
          { key: 'm', label: 'målform' },
          { key: 'inWorker', label: 'load in worker (median)' },
          { key: 'wall', label: 'spawn to ready (median / p95)' },
          { key: 'rss', label: 'RSS added (median)' },
          { key: 'debian', label: 'hunspell CLI (median)' },
        ],
        Object.entries(loads).map(([m, l]) => ({
          m,
          inWorker: ms(l.inWorker.median),
          wall: `${ms(l.wall.median)} / ${ms(l.wall.p95)}`,
          rss: MB(l.rss.median),
          debian: l.debian ? ms(l.debian.median) : 'not installed',
        })),
      ),
    },
    {
      title: `Checking: ${whole.words} words in ${whole.blocks} paragraphs (Bokmål seeds repeated), and one paragraph of ${small.words} words with a word edited`,
      text: formatTable(
        [
          { key: 'what', label: 'what' },
          { key: 'melding', label: 'Melding (worker round trip)' },
          { key: 'baseline', label: 'baseline' },
        ],
        [
          { what: 'whole document, first check (cold caches)', melding: ms(whole.cold), baseline: whole.debian ? `${ms(whole.debian.times.median)} hunspell -l incl. load` : '–' },
          { what: 'whole document again (median / p95)', melding: `${ms(whole.warm.median)} / ${ms(whole.warm.p95)}`, baseline: '' },
          { what: 'one paragraph changed (median / p95)', melding: `${ms(small.times.median)} / ${ms(small.times.p95)}`, baseline: `${ms(whole.warm.median)} checking the whole document again` },
          { what: 'marks in the whole document', melding: `${whole.issues} (spelling + målform)`, baseline: whole.debian ? `${whole.debian.flagged} words hunspell -l` : '' },
        ],
      ),
    },
    {
      title: 'Suggestions for typical typos, one at a time through the worker; right = the meant word first',
      text: formatTable(
        [
          { key: 'm', label: 'målform' },
          { key: 'median', label: 'median' },
          { key: 'p95', label: 'p95' },
          { key: 'right', label: 'right' },
          { key: 'debian', label: 'hunspell -a per word' },
          { key: 'debianRight', label: 'hunspell right' },
        ],
        Object.entries(suggest).map(([m, s]) => ({
          m,
          median: ms(s.times.median),
          p95: ms(s.times.p95),
          right: `${s.right}/${s.total}`,
          debian: s.debian ? ms(s.debian.perWordMs) : '–',
          debianRight: s.debian ? `${s.debian.firsts.filter((f, i) => f === TYPOS[m][i]?.[1]).length}/${s.total}` : '–',
        })),
      ),
    },
    {
      title: `Målform checker on the seeds checked as the other målform (lower-case words in running text); truth: ${debian ? 'valid in its own hunspell dictionary and not in the other (Debian hunspell)' : 'the other-only list (hunspell not installed)'}; baseline: exact lookup in the lists`,
      text: formatTable(
        [
          { key: 'case', label: 'seeds' },
          { key: 'tokens', label: 'words' },
          { key: 'truth', label: 'other-form words' },
          { key: 'p', label: 'Melding precision' },
          { key: 'r', label: 'Melding recall' },
          { key: 'lp', label: 'lists precision' },
          { key: 'lr', label: 'lists recall' },
        ],
        maalformScore.map((row) => ({
          case: `${row.own} as ${row.asOther}`,
          tokens: row.tokens,
          truth: row.truth,
          p: pct(row.melding.precision),
          r: pct(row.melding.recall),
          lp: pct(row.lists.precision),
          lr: pct(row.lists.recall),
        })),
      ),
    },
    {
      title: 'Notes',
      text: [
        'Every Melding figure is a round trip to the worker thread, as the services make it (postMessage both ways, structured clone of the blocks).',
        'RSS added: the process RSS once the worker is ready minus before it started (the worker lives in the same process).',
        'The whole-document check is the worst case (opening a document); the editor sends only changed paragraphs while typing.',
        'Melding recall counts a word of the other målform found by compound tail or the hand table (noen, ikkje) as found; hunspell-as-truth judges',
        '  compounds by the dictionary compound rule, which misses many real ones, so both figures are against an imperfect oracle.',
        `Load average (1 min) at start / end of the section: ${load.map((l) => l.toFixed(2)).join(' / ')}.`,
      ].join('\n'),
    },
  ];
  return { tables, results: { quality, loads, whole, small, suggest, maalformScore, load } };
}
