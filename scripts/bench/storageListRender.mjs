// The library list as a person meets it: the built devhost started on a large data folder, and
// Chromium timed from navigation until the first row of the library listbox is painted.
/* global document, MutationObserver -- the functions marked "runs in the page" run in Chromium. */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium } from './launchChromium.mjs';
import { spawnUntilUrl } from './spawnUntilUrl.mjs';
import { pagePaints } from './pagePaints.mjs';

const FIRST_ROW = '[role="listbox"] [role="option"]:not([aria-busy="true"])';

/**
 * Starts the devhost on `dataDir` (Library.open happens before it prints its address), loads the
 * page once while the body text is still being indexed in the background, waits for that to
 * finish, then loads it `runs` times more. Every load is a fresh browser context (empty cache).
 */
export async function measureListRender(ctx, dataDir, runs) {
  const browser = await launchChromium();
  const releaseBrowser = ctx.defer(() => browser.close());
  try {
    const server = await spawnUntilUrl({
      args: [join(ctx.root, 'out/devhost/index.mjs'), '--data-dir', dataDir, '--port', '0'],
      urlPattern: /MELDING_DEVHOST_URL=(\S+)/,
      defer: ctx.defer,
      timeoutMs: 180_000,
    });
    try {
      const duringIndexing = await loadOnce(browser, server.url);
      const indexDone = await waitForLine(server, /^\{.*"event":"library\.(background_index_done|search_index_loaded)".*\}$/m, 300_000);
      const indexedAfterMs = performance.now() - server.started;
      const loads = [];
      for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, server.url));
      return {
        chromium: browser.version(),
        readyMs: server.readyMs,
        indexDone: { ...JSON.parse(indexDone), seenAfterSpawnMs: indexedAfterMs },
        duringIndexing,
        loads,
      };
    } catch (error) {
      throw new Error(`${error.message}\nThe devhost printed:\n${server.output().trimEnd().slice(-4000)}`, { cause: error });
    } finally {
      await server.stop();
    }
  } finally {
    await releaseBrowser();
  }
}

async function waitForLine(server, pattern, timeoutMs) {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(server.output());
    if (match) return match[0];
    if (server.exitCode() !== null) throw new Error(`the devhost exited (${server.exitCode()})`);
    if (performance.now() > until) throw new Error(`no ${pattern} from the devhost within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * One load: ms from navigation start (the page's time origin) to the first real row's title
 * being painted (Element Timing), and to first-contentful-paint. The Playwright locator only
 * decides that the row is there; its polling would blur the time.
 */
async function loadOnce(browser, url) {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(markFirstRow);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url, { waitUntil: 'commit' });
    await page
      .locator(FIRST_ROW)
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 })
      .catch((error) => {
        throw new Error(`${error.message.split('\n')[0]}; page errors: ${JSON.stringify(pageErrors)}`);
      });
    const measured = await page.evaluate(pagePaints, 'bench-first-row');
    const times = { firstRow: measured.element, fcp: measured.fcp };
    if (times.firstRow === null) throw new Error('no Element Timing entry for the first row, though Playwright saw it');
    const rows = await page.locator(FIRST_ROW).count();
    return { firstRowMs: times.firstRow, fcpMs: times.fcp, rowsInDom: rows };
  } finally {
    await context.close();
  }
}

/** Runs in the page, from its first moment: marks the first loaded row's title for Element Timing. */
function markFirstRow() {
  let marked = false;
  new MutationObserver(() => {
    if (marked) return;
    const title = document.querySelector('[role="listbox"] [role="option"]:not([aria-busy="true"]) .row-title');
    if (!title) return;
    title.setAttribute('elementtiming', 'bench-first-row');
    marked = true;
  }).observe(document, { childList: true, subtree: true });
}

