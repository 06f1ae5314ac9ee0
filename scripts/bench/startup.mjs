// Startup: what the renderer weighs, and how long from starting the devhost until the app has
// painted in Chromium, beside a bare node:http server and a one-script page started the same way.
/* global document, MutationObserver -- the functions marked "runs in the page" run in Chromium. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { formatTable } from './formatTable.mjs';
import { launchChromium } from './launchChromium.mjs';
import { epochNow, spawnUntilUrl } from './spawnUntilUrl.mjs';
import { summarize } from './summarize.mjs';
import { pagePaints } from './pagePaints.mjs';

const METRICS = [
  { key: 'readyMs', label: 'spawn → ready (URL printed)' },
  { key: 'fcpMs', label: 'spawn → first-contentful-paint' },
  { key: 'shellMs', label: 'spawn → shell visible (Bibliotek)' },
];

export const startup = {
  id: 'startup',
  title: 'Startup',
  needs: { build: true, chromium: true },

  async run(ctx) {
    const bundle = await measureBundle(ctx.root);

    // The browser is up before any server is spawned: its launch is not part of any figure.
    const browser = await launchChromium();
    const releaseBrowser = ctx.defer(() => browser.close());
    const targets = {
      devhost: () => startDevhost(ctx),
      baseline: () => startBaseline(ctx),
    };
    const samples = { devhost: [], baseline: [] };
    try {
      for (let i = 0; i < ctx.warmups; i++) {
        ctx.log(`startup: warm-up ${i + 1}/${ctx.warmups}`);
        for (const start of Object.values(targets)) await measureLoad(browser, start);
      }
      for (let i = 0; i < ctx.runs; i++) {
        ctx.log(`startup: run ${i + 1}/${ctx.runs}`);
        // Alternate who goes first, so neither side always gets the warmer machine.
        const order = i % 2 === 0 ? ['devhost', 'baseline'] : ['baseline', 'devhost'];
        for (const name of order) samples[name].push(await measureLoad(browser, targets[name]));
      }
    } finally {
      await releaseBrowser();
    }

    const summary = Object.fromEntries(
      Object.entries(samples).map(([name, runs]) => [name, Object.fromEntries(METRICS.map(({ key }) => [key, summarize(runs.map((r) => r[key]))]))]),
    );
    const ratio = Object.fromEntries(METRICS.map(({ key }) => [key, summary.devhost[key].median / summary.baseline[key].median]));
    const chromiumVersion = browser.version();

    return {
      tables: [
        {
          title: 'Renderer bundle: out/renderer/assets (gzip: node:zlib, default level)',
          text: formatTable(
            [
              { key: 'file', label: 'file' },
              { key: 'raw', label: 'raw' },
              { key: 'gzip', label: 'gzip' },
              { key: 'share', label: 'gzip/raw' },
            ],
            [...bundle.files, { file: 'total', ...bundle.total }].map((f) => ({
              file: f.file,
              raw: kB(f.raw),
              gzip: kB(f.gzip),
              share: percent(f.gzip / f.raw),
            })),
          ),
        },
        {
          title:
            `Devhost start to first paint, ms from spawn; Chromium ${chromiumVersion}; ${ctx.runs} runs after ${ctx.warmups} warm-up${ctx.warmups === 1 ? '' : 's'}; ` +
            'baseline: bare node:http server + one-script page',
          text: formatTable(
            [
              { key: 'metric', label: 'metric' },
              { key: 'dMedian', label: 'devhost median' },
              { key: 'dP95', label: 'p95' },
              { key: 'bMedian', label: 'baseline median' },
              { key: 'bP95', label: 'p95' },
              { key: 'ratio', label: 'ratio (median)' },
            ],
            METRICS.map(({ key, label }) => ({
              metric: label,
              dMedian: ms(summary.devhost[key].median),
              dP95: ms(summary.devhost[key].p95),
              bMedian: ms(summary.baseline[key].median),
              bP95: ms(summary.baseline[key].p95),
              ratio: `${ratio[key].toFixed(2)}×`,
            })),
          ),
        },
      ],
      results: {
        chromium: chromiumVersion,
        runs: ctx.runs,
        warmups: ctx.warmups,
        bundle,
        load: {
          percentile: 'p95 is nearest-rank; median of an even count is the mean of the middle two',
          devhost: { summary: summary.devhost, samples: samples.devhost },
          baseline: { summary: summary.baseline, samples: samples.baseline },
          ratioOfMedians: ratio,
        },
      },
    };
  },
};

async function measureBundle(root) {
  const dir = join(root, 'out/renderer/assets');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.js') || name.endsWith('.css')).sort();
  const files = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    files.push({ file: `assets/${name}`, raw: bytes.length, gzip: gzipSync(bytes).length });
  }
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total };
}

/** The built devhost on a fresh, empty data folder, started as a user would. */
async function startDevhost(ctx) {
  const dataDir = await mkdtemp(join(ctx.tmpDir, 'devhost-data-'));
  const releaseDir = ctx.defer(() => rm(dataDir, { recursive: true, force: true }));
  try {
    const server = await spawnUntilUrl({
      args: [join(ctx.root, 'out/devhost/index.mjs'), '--data-dir', dataDir, '--port', '0'],
      urlPattern: /MELDING_DEVHOST_URL=(\S+)/,
      defer: ctx.defer,
    });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await releaseDir();
      },
    };
  } catch (error) {
    await releaseDir();
    throw error;
  }
}

function startBaseline(ctx) {
  return spawnUntilUrl({
    args: [join(import.meta.dirname, 'baselineServer.mjs')],
    urlPattern: /BENCH_BASELINE_URL=(\S+)/,
    defer: ctx.defer,
  });
}

/**
 * One cold start: a fresh browser context (empty cache, no cookies) is opened first, then the
 * server is spawned and the clock runs from spawn() to: the URL line (ready), the page's own
 * first-contentful-paint, and the first paint of the "Bibliotek" heading (both read in the page
 * and converted to Node's clock).
 *
 * Playwright's role locator decides that the shell is there, but not when: it polls with a
 * backoff of up to 500 ms, which would swamp the figure. The time is the heading's Element
 * Timing render time instead; the locator's own (later) time is kept in the JSON.
 */
async function measureLoad(browser, start) {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(markShellHeading);
    const page = await context.newPage();
    const server = await start();
    try {
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
      await page.goto(server.url, { waitUntil: 'commit' });
      await page
        .getByRole('heading', { name: 'Bibliotek', exact: true })
        .waitFor({ state: 'visible', timeout: 30_000 })
        .catch(async (error) => {
          const headings = await page.getByRole('heading').allTextContents().catch(() => []);
          throw new Error(
            `${error.message.split('\n')[0]} at ${new URL(server.url).origin}; headings on the page: ${JSON.stringify(headings)}; ` +
              `page errors: ${JSON.stringify(pageErrors)} (was out/ rebuilt during the run?)`,
          );
        });
      const locatorMs = performance.now() - server.started;
      const measured = await page.evaluate(pagePaints, 'bench-shell');
      const paint = { fcp: measured.fcp, shell: measured.element, timeOrigin: measured.timeOrigin };
      if (paint.fcp === null) throw new Error(`no first-contentful-paint entry from ${new URL(server.url).origin}`);
      if (paint.shell === null) throw new Error(`no Element Timing entry for the heading "Bibliotek" at ${new URL(server.url).origin}, though Playwright saw it`);
      const clock = await pageClockOffset(page);
      const fromSpawn = (pageEpochMs) => pageEpochMs - clock.offsetMs - server.spawnEpochMs;
      return {
        readyMs: server.readyMs,
        fcpMs: fromSpawn(paint.timeOrigin + paint.fcp),
        shellMs: fromSpawn(paint.timeOrigin + paint.shell),
        locatorMs,
        pageFcpMs: paint.fcp,
        clockUncertaintyMs: clock.roundTripMs / 2,
      };
    } catch (error) {
      const state = server.exitCode() === null ? 'still running' : `exited (${server.exitCode()})`;
      throw new Error(`${error.message}\nThe server is ${state}; it printed:\n${server.output().trimEnd()}`, { cause: error });
    } finally {
      await server.stop();
    }
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page, from its first moment: marks any h1-h6 or role=heading reading "Bibliotek"
 * for Element Timing as soon as it is in the DOM (a mutation observer runs before the next
 * frame), so Chromium reports when its text was first painted, on the same terms as FCP.
 */
function markShellHeading() {
  const mark = () => {
    for (const el of document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')) {
      if (el.textContent.trim() === 'Bibliotek' && !el.hasAttribute('elementtiming')) el.setAttribute('elementtiming', 'bench-shell');
    }
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Chromium and Node read the same system clock, but each anchors its own time origin; take the
 * offset from the quickest of a few round trips (NTP-style), so page times map onto Node's clock
 * to within half that round trip.
 */
async function pageClockOffset(page) {
  let best = null;
  for (let i = 0; i < 5; i++) {
    const before = epochNow();
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = epochNow();
    if (!best || after - before < best.roundTripMs) best = { offsetMs: pageNow - (before + after) / 2, roundTripMs: after - before };
  }
  return best;
}

const ms = (value) => value.toFixed(1);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const percent = (fraction) => `${(fraction * 100).toFixed(0)}%`;
