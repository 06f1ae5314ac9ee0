// WordPress publishing against a real WordPress (../shared/backends/wordpress-up.sh, with the
// companion plugin; port MELDING_BENCH_WP_PORT, default 8083):
//   publish — a press release with three photos (2400 px renditions): Melding's whole publish
//             (WordPressBackend.run, warm as in a running app: lookups, uploads, the post, the
//             read-back check) beside the bare REST calls the same publish needs (three uploads
//             and one POST), made directly in the same run. Target: ratio ≤ 1.15.
//   drain   — 200 queued jobs (40 documents × submit, approve, publish, sync, sync; every fourth
//             with a photo) drained by the real OutboxRunner, at its default concurrency and one
//             document at a time.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { formatTable } from './formatTable.mjs';
import { buildHarness, runHarnessStep } from './harness.mjs';
import { summarize } from './summarize.mjs';

const DEFAULT_CONCURRENCY = 4; // OutboxRunner's default

function bringUp(root) {
  const port = process.env.MELDING_BENCH_WP_PORT ?? '8083';
  const script = process.env.MELDING_WP_UP ?? join(root, '..', 'shared', 'backends', 'wordpress-up.sh');
  if (!existsSync(script)) throw new Error(`WordPress test backend script not found at ${script}`);
  if (process.getuid?.() !== 0) throw new Error('wordpress-up.sh needs root to start WordPress');
  const out = execFileSync('bash', [script, port], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WP_PRESS_FIELDS: '0' }, timeout: 300_000 });
  const env = Object.fromEntries([...out.matchAll(/^(WP_\w+)=(.*)$/gm)].map((m) => [m[1], (m[2] ?? '').replace(/^'(.*)'$/, '$1')]));
  const mu = join(env.WP_STATE_DIR, 'wp-content', 'mu-plugins');
  rmSync(join(mu, 'press-fields.php'), { force: true });
  copyFileSync(join(root, 'resources/wordpress/melding-companion/melding-companion.php'), join(mu, 'melding-companion.php'));
  process.env.MELDING_BENCH_WP_URL = env.WP_BASE_URL;
  process.env.MELDING_BENCH_WP_USER = env.WP_EDITOR_USER;
  process.env.MELDING_BENCH_WP_PASSWORD = env.WP_EDITOR_APP_PASSWORD;
  return env.WP_BASE_URL;
}

async function harnessFor(ctx) {
  // Inside the repository, so the external sharp resolves from its node_modules.
  const outDir = join(ctx.root, 'node_modules/.cache/melding-bench/wordpress');
  ctx.defer(() => rmSync(outDir, { recursive: true, force: true }));
  return buildHarness(ctx, { name: 'wordpress', outDir, external: ['sharp'] });
}

const ms = (v) => `${Math.round(v)} ms`;

export const publish = {
  id: 'publish',
  title: 'Publish to WordPress (press release with three photos)',
  needs: { build: false, chromium: false },
  async run(ctx) {
    const site = bringUp(ctx.root);
    const harness = await harnessFor(ctx);
    const runs = Math.max(5, ctx.runs);
    ctx.log(`publish: ${runs} runs against ${site}`);
    const load = [loadavg()[0]];
    const r = await runHarnessStep(ctx, harness, ['publish', String(runs), String(Math.max(1, ctx.warmups))]);
    load.push(loadavg()[0]);
    const m = summarize(r.melding);
    const b = summarize(r.baseline);
    const text = formatTable(
      [
        { key: 'what', label: 'publish of a press release with three 2400 px photos' },
        { key: 'median', label: 'median' },
        { key: 'p95', label: 'p95' },
        { key: 'min', label: 'min' },
        { key: 'n', label: 'n' },
      ],
      [
        { what: `Melding: WordPressBackend.run (${r.requests} requests: lookups, 3 uploads, post, read back)`, median: ms(m.median), p95: ms(m.p95), min: ms(m.min), n: m.n },
        { what: 'baseline: the bare REST calls (3 uploads + 1 post), summed', median: ms(b.median), p95: ms(b.p95), min: ms(b.min), n: b.n },
        { what: 'ratio Melding / baseline (target ≤ 1.15)', median: (m.median / b.median).toFixed(2), p95: (m.p95 / b.p95).toFixed(2), min: '', n: '' },
      ],
    );
    return {
      tables: [{ title: `Publish to ${site} (load average ${load.map((l) => l.toFixed(2)).join(' → ')})`, text }],
      results: { meldingMs: m, baselineMs: b, ratioMedian: m.median / b.median, ratioP95: m.p95 / b.p95, requests: r.requests, loadavg: load },
    };
  },
};

export const drain = {
  id: 'drain',
  title: 'Outbox drain to WordPress (200 jobs)',
  needs: { build: false, chromium: false },
  async run(ctx) {
    const site = bringUp(ctx.root);
    const harness = await harnessFor(ctx);
    const documents = Number(process.env.BENCH_DRAIN_DOCS ?? 40);
    const rows = [];
    const results = {};
    for (const concurrency of [DEFAULT_CONCURRENCY, 1]) {
      ctx.log(`drain: ${documents * 5} jobs at concurrency ${concurrency} against ${site}`);
      const r = await runHarnessStep(ctx, harness, ['drain', String(concurrency), String(documents)]);
      if (r.blocked > 0) throw new Error(`${r.blocked} jobs blocked`);
      rows.push({ what: `${r.jobs} jobs, ${concurrency === 1 ? 'one document at a time' : `concurrency ${concurrency} (the runner's default)`}`, time: `${(r.ms / 1000).toFixed(1)} s`, rate: `${(r.jobs / (r.ms / 1000)).toFixed(1)} jobs/s`, per: ms(r.ms / r.jobs), requests: String(r.requests) });
      results[`c${concurrency}`] = r;
    }
    const text = formatTable(
      [
        { key: 'what', label: 'outbox drain (40 documents × submit, approve, publish, sync, sync)' },
        { key: 'time', label: 'time' },
        { key: 'rate', label: 'rate' },
        { key: 'per', label: 'per job' },
        { key: 'requests', label: 'requests' },
      ],
      rows,
    );
    return { tables: [{ title: `Drain to ${site}`, text }], results };
  },
};
