// Typing: keystroke latency in the body editor, from keydown to the end of the frame that shows
// it, in documents of 500, 5,000 and 20,000 words, beside a bare Tiptap StarterKit editor given
// the same document in the same run and the same browser.
//
// Melding runs as a user runs it: the built devhost on a fresh data folder, the document created
// through the contract, opened from the library, with whatever the editor does while typing
// (spellcheck, målform check, counts, autosave) switched on as shipped. The clock is in the page:
// a capturing keydown listener notes event.timeStamp; a requestAnimationFrame callback then posts
// a message, and the message's arrival (after that frame's style, layout and paint) is the end.
//
//   BENCH_TYPING_SIZES   comma-separated word counts (default 500,5000,20000)
//   BENCH_TYPING_CHARS   characters typed per page load (default 100)
//   BENCH_TYPING_DELAY   ms between keys (default 60: a fast typist)
//   BENCH_TYPING_SETTLE  ms to wait after opening before typing, for the first checks (default 3000)
/* global document, window, requestAnimationFrame -- recordLatency runs in the page. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { build } from 'vite';
import { formatTable } from './formatTable.mjs';
import { launchChromium } from './launchChromium.mjs';
import { spawnUntilUrl } from './spawnUntilUrl.mjs';
import { summarize } from './summarize.mjs';

/** The issue's target: Melding's p95 within 1.25× of bare Tiptap at 5,000 words. */
const TARGET = { words: 5000, ratio: 1.25 };
const TYPED = 'og derfor er det viktig at tjenestene blir bedre for alle som bor her i landet ';

export const typing = {
  id: 'typing',
  title: 'Typing latency',
  needs: { build: true, chromium: true },

  async run(ctx) {
    const sizes = (process.env.BENCH_TYPING_SIZES ?? '500,5000,20000').split(',').map((s) => Number.parseInt(s, 10));
    const chars = Number.parseInt(process.env.BENCH_TYPING_CHARS ?? '100', 10);
    const delay = Number.parseInt(process.env.BENCH_TYPING_DELAY ?? '60', 10);
    const settle = Number.parseInt(process.env.BENCH_TYPING_SETTLE ?? '3000', 10);
    const loads = Math.max(1, Math.min(ctx.runs, 3));
    const paragraphs = bokmaalParagraphs(resolve(ctx.root, '../shared/seeds'));

    const baseline = await serveBaseline(ctx);
    const melding = await startDevhost(ctx);
    const browser = await launchChromium();
    ctx.defer(() => browser.close());

    const rows = [];
    const results = [];
    for (const words of sizes) {
      const body = makeBody(paragraphs, words);
      const id = await createDocument(melding, body, words);
      const samples = { melding: [], baseline: [] };
      for (let i = 0; i < ctx.warmups + loads; i++) {
        const measured = i >= ctx.warmups;
        ctx.log(`typing: ${words} words, ${measured ? `load ${i - ctx.warmups + 1}/${loads}` : 'warm-up'}`);
        // Alternate who goes first, so neither always gets the warmer machine.
        const order = i % 2 === 0 ? ['melding', 'baseline'] : ['baseline', 'melding'];
        for (const who of order) {
          const run = who === 'melding' ? await typeInMelding(browser, melding, id, { chars, delay, settle }) : await typeInBaseline(browser, baseline, body, { chars, delay });
          if (measured) samples[who].push(...run);
        }
      }
      const m = summarize(samples.melding);
      const b = summarize(samples.baseline);
      rows.push({
        words: words.toLocaleString('en'),
        mMedian: ms(m.median),
        mP95: ms(m.p95),
        bMedian: ms(b.median),
        bP95: ms(b.p95),
        ratio: `${(m.p95 / b.p95).toFixed(2)}×`,
        target: words === TARGET.words ? (m.p95 <= TARGET.ratio * b.p95 ? `≤ ${TARGET.ratio}×: pass` : `≤ ${TARGET.ratio}×: miss`) : '',
      });
      results.push({ words, melding: { summary: m, samples: samples.melding }, baseline: { summary: b, samples: samples.baseline } });
    }

    return {
      tables: [
        {
          title:
            `Keystroke latency, keydown → end of the frame that shows it (ms); ${loads} page load${loads === 1 ? '' : 's'} × ${chars} keys per cell, ${delay} ms apart; ` +
            `Chromium ${browser.version()}; baseline: bare Tiptap StarterKit editor, same document`,
          text: formatTable(
            [
              { key: 'words', label: 'words' },
              { key: 'mMedian', label: 'Melding median' },
              { key: 'mP95', label: 'p95' },
              { key: 'bMedian', label: 'bare Tiptap median' },
              { key: 'bP95', label: 'p95' },
              { key: 'ratio', label: 'ratio (p95)' },
              { key: 'target', label: 'target' },
            ],
            rows,
          ),
        },
      ],
      results: { chars, delay, settle, loads, sizes: results },
    };
  },
};

const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : '–');

/** Runs in the page before anything else: one latency sample per keydown. */
function recordLatency() {
  window.benchLatencies = [];
  document.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.benchLatencies.push(performance.now() - start);
        channel.port2.postMessage(0);
      });
    },
    true,
  );
}

async function typeInMelding(browser, melding, _id, { chars, delay, settle }) {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(recordLatency);
    const page = await context.newPage();
    await page.goto(melding.url);
    await page.getByRole('listbox').getByRole('option').first().click();
    const body = page.locator('.prose-editor');
    await body.waitFor({ state: 'visible', timeout: 60_000 });
    await placeCaret(page, '.prose-editor');
    await page.waitForTimeout(settle);
    return await typeAndCollect(page, chars, delay);
  } finally {
    await context.close();
  }
}

async function typeInBaseline(browser, baseline, body, { chars, delay }) {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(recordLatency);
    const page = await context.newPage();
    await page.goto(baseline.url);
    await page.waitForFunction(() => typeof window.benchStart === 'function');
    await page.evaluate((content) => window.benchStart(content), body);
    await page.locator('.ProseMirror').waitFor({ state: 'visible' });
    await placeCaret(page, '.ProseMirror');
    return await typeAndCollect(page, chars, delay);
  } finally {
    await context.close();
  }
}

/** At the end of the paragraph in the middle of the document: where an edit usually happens. */
async function placeCaret(page, editorSelector) {
  const paragraphs = page.locator(`${editorSelector} > p`);
  const count = await paragraphs.count();
  const target = paragraphs.nth(Math.floor(count / 2));
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.keyboard.press('End');
}

async function typeAndCollect(page, chars, delay) {
  await page.evaluate(() => {
    window.benchLatencies.length = 0;
  });
  const text = TYPED.repeat(Math.ceil(chars / TYPED.length)).slice(0, chars);
  await page.keyboard.type(text, { delay });
  await page.waitForTimeout(200);
  const samples = await page.evaluate(() => window.benchLatencies.slice());
  if (samples.length < chars) throw new Error(`typing: ${samples.length} samples for ${chars} keys`);
  return samples.slice(0, chars);
}

/** Bokmål paragraphs from the seed pages (those that say "ikke" and never "ikkje"). */
function bokmaalParagraphs(seedsDir) {
  const out = [];
  if (existsSync(seedsDir)) {
    for (const name of readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort()) {
      const text = readFileSync(join(seedsDir, name), 'utf8');
      if (!/\bikke\b/.test(text) || /\bikkje\b/.test(text)) continue;
      for (const block of text.split(/\n\s*\n/)) {
        const clean = block.replace(/\s+/g, ' ').trim();
        if (clean.split(' ').length >= 20) out.push(clean);
      }
    }
  }
  if (out.length === 0) out.push('Regjeringen foreslår å styrke sykehusene slik at ventetidene går ned og flere får behandling raskere enn i dag.');
  return out;
}

/** A body of about `words` words: paragraphs, a heading every eighth block, a list now and then. */
function makeBody(paragraphs, words) {
  const content = [];
  let count = 0;
  let i = 0;
  while (count < words) {
    const text = paragraphs[i % paragraphs.length];
    if (i % 8 === 7) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: text.split(' ').slice(0, 6).join(' ') }] });
    if (i % 13 === 12) {
      const items = text.split(/(?<=[.!?])\s+/).slice(0, 3);
      content.push({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] })) });
    } else {
      content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
    }
    count += text.split(' ').length;
    i++;
  }
  return { type: 'doc', content };
}

async function createDocument(melding, body, words) {
  const created = await call(melding, 'documents:create', { type: 'pressemelding', maalform: 'nb' });
  const content = {
    type: 'pressemelding',
    maalform: 'nb',
    title: `Skrivetest med ${words} ord`,
    ingress: 'Et dokument for å måle hvor raskt editoren svarer når man skriver.',
    body,
    contacts: [],
    images: [],
    tags: [],
    embargoAt: null,
    internalNote: '',
  };
  await call(melding, 'documents:save', { id: created.id, baseRevision: created.revision, content });
  // The library lists the last changed first: the document just made is the first option.
  return created.id;
}

async function call(melding, channel, input) {
  const response = await fetch(`${melding.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${melding.token}` },
    body: JSON.stringify({ input }),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(`typing: ${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function startDevhost(ctx) {
  const dataDir = await mkdtemp(join(ctx.tmpDir, 'typing-data-'));
  ctx.defer(() => rm(dataDir, { recursive: true, force: true }));
  const server = await spawnUntilUrl({
    args: [join(ctx.root, 'out/devhost/index.mjs'), '--data-dir', dataDir, '--port', '0'],
    urlPattern: /MELDING_DEVHOST_URL=(\S+)/,
    defer: ctx.defer,
  });
  const url = new URL(server.url);
  return { url: server.url, origin: url.origin, token: url.searchParams.get('token') ?? '' };
}

/** Builds the bare-Tiptap page with Vite and serves it from an in-process server on 127.0.0.1. */
async function serveBaseline(ctx) {
  const outDir = await mkdtemp(join(ctx.tmpDir, 'typing-baseline-'));
  ctx.defer(() => rm(outDir, { recursive: true, force: true }));
  await build({ root: join(import.meta.dirname, 'typingBaseline'), logLevel: 'warn', configFile: false, build: { outDir, emptyOutDir: true, minify: true } });
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolve(outDir, path === '/' ? 'index.html' : `.${path}`);
    if (!file.startsWith(outDir)) return void res.writeHead(404).end();
    readFile(file).then(
      (bytes) => res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(bytes),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  ctx.defer(() => new Promise((ok) => server.close(ok)));
  return { url: `http://127.0.0.1:${server.address().port}/` };
}
