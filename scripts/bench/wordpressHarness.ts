// Bench harness for the WordPress sections (bundled by harness.mjs, run in a fresh Node process).
// The site and credentials come in MELDING_BENCH_WP_URL, _USER and _PASSWORD (not on the command line).
//   publish <runs> <warmups>
//     Melding's publish of a press release with three photos (WordPressBackend.run, warm as in
//     the app), and in the same run the bare REST calls that publish needs (three uploads, one
//     post) made directly with fetch. Prints BENCH_JSON={ melding: [ms], baseline: [ms], requests }.
//   drain <concurrency> <documents>
//     An outbox of documents × submit, approve, publish, sync, sync drained by the real runner.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { escapeHtml } from '../../shared/editor/escapeHtml';
import type { OutboxAction } from '../../shared/domain/outboxJob';
import { WordPressBackend } from '../../electron/services/publishing/wordpress/wordPressBackend';
import { contentHtml } from '../../electron/services/publishing/wordpress/wpContent';
import { mediaKey, mediaSlug } from '../../electron/services/publishing/wordpress/wpMedia';
import { drained, enqueue, openOutboxWorld, putApproved } from '../../tests/integration/publishing/wordpress/outboxWorld';
import { addPhotos, context, job, photoStore, pressRelease } from '../../tests/integration/publishing/wordpress/wpTestSite';

const [mode, a = '1', b = '0'] = process.argv.slice(2);
const siteUrl = process.env.MELDING_BENCH_WP_URL ?? '';
const user = process.env.MELDING_BENCH_WP_USER ?? '';
const password = process.env.MELDING_BENCH_WP_PASSWORD ?? '';
const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function bare(method: string, path: string, init: { query?: Record<string, string>; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {}): Promise<unknown> {
  const url = new URL(`wp-json/${path}`, `${siteUrl}/`);
  for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
  const response = await fetch(url, {
    method,
    headers: { authorization: auth, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.json !== undefined ? JSON.stringify(init.json) : (init.body as unknown as BodyInit | undefined),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json).slice(0, 200)}`);
  return json;
}

async function publish(runs: number, warmups: number): Promise<void> {
  const { store, ids, dispose } = await photoStore(3, 2400);
  try {
    const backend = new WordPressBackend({ id: 'wp-bench', siteUrl, userName: user, password, withdrawMode: 'draft' });
    const melding: number[] = [];
    const baseline: number[] = [];
    let requests = 0;
    let terms: { category: number; tags: number[] } | null = null;
    const once = async (measure: boolean, index: number) => {
      const runMelding = async () => {
        const doc = pressRelease({ mediaIds: ids, maalform: 'nn' });
        const before = backend.client.requests;
        const began = performance.now();
        const result = await backend.run(job(doc, 'publish'), doc, context(store));
        const ms = performance.now() - began;
        if (!result.ok) throw new Error(`Melding's publish failed: ${result.error.code} ${result.error.message}`);
        if (measure) {
          melding.push(ms);
          requests = backend.client.requests - before;
        }
        if (!terms) {
          const post = (await bare('GET', `wp/v2/posts/${result.value.remote?.remoteId}`, { query: { context: 'edit', _fields: 'categories,tags' } })) as { categories: number[]; tags: number[] };
          terms = { category: post.categories[0] ?? 0, tags: post.tags };
        }
      };
      const runBaseline = async () => {
        if (!terms) throw new Error('terms unknown');
        const doc = pressRelease({ mediaIds: ids, maalform: 'nn' });
        let ms = 0;
        const uploaded = new Map<string, { id: number; source_url: string }>();
        for (const use of doc.images) {
          const bytes = await readFile(store.renditionPath(use.mediaId, 'w2400') ?? '');
          const key = mediaKey(doc.id, use.mediaId);
          const began = performance.now();
          const media = (await bare('POST', 'wp/v2/media', {
            query: { slug: mediaSlug(key), title: use.caption, caption: escapeHtml(use.caption), alt_text: use.alt, 'meta[photographer]': use.credit, 'meta[melding_media_key]': key },
            body: bytes,
            headers: { 'content-type': 'image/webp', 'content-disposition': `attachment; filename="${mediaSlug(key)}.webp"` },
          })) as { id: number; source_url: string };
          ms += performance.now() - began;
          uploaded.set(use.id, media);
        }
        const content = contentHtml(doc, (use) => uploaded.get(use.id)?.source_url ?? null, false);
        const began = performance.now();
        await bare('POST', 'wp/v2/posts', {
          json: {
            title: escapeHtml(doc.title),
            content,
            excerpt: escapeHtml(doc.ingress),
            status: 'publish',
            date_gmt: new Date().toISOString().slice(0, 19),
            categories: [terms.category],
            tags: terms.tags,
            featured_media: uploaded.get(doc.images[0]?.id ?? '')?.id ?? 0,
            meta: { language: 'nn', melding_id: doc.id },
          },
        });
        ms += performance.now() - began;
        if (measure) baseline.push(ms);
      };
      // Alternate the order so drift on a shared machine falls on both alike.
      if (index % 2 === 0) {
        await runMelding();
        await runBaseline();
      } else {
        await runBaseline();
        await runMelding();
      }
    };
    await once(false, 0); // terms and site info, as in an app that has published before
    for (let i = 0; i < warmups; i++) await once(false, i);
    for (let i = 0; i < runs; i++) await once(true, i);
    console.log(`BENCH_JSON=${JSON.stringify({ melding, baseline, requests })}`);
  } finally {
    dispose();
  }
}

async function drain(concurrency: number, documents: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'melding-bench-drain-'));
  try {
    const backend = new WordPressBackend({ id: 'wp-bench', siteUrl, userName: user, password, withdrawMode: 'draft' });
    // Queued with the runner paused (as offline), then sent by a fresh runner: only the drain is timed.
    const queue = await openOutboxWorld(dir, backend, { paused: true });
    const photo = await addPhotos(queue.media, 1, 1200, 3);
    const actions: OutboxAction[] = ['submit', 'approve', 'publish', 'sync', 'sync'];
    for (let i = 0; i < documents; i++) {
      const doc = await putApproved(queue, pressRelease({ mediaIds: i % 4 === 0 ? photo : [], title: `Drain ${i} ${randomUUID().slice(0, 8)}` }));
      for (const action of actions) await enqueue(queue, doc, action, 'wp-bench');
    }
    await queue.close();
    const world = await openOutboxWorld(dir, backend, { concurrency });
    const jobs = world.outbox.list().length;
    const began = performance.now();
    world.runner.start();
    await drained(world, 30 * 60_000);
    const ms = performance.now() - began;
    const blocked = world.outbox.list().filter((j) => j.state === 'blocked').length;
    await world.close();
    console.log(`BENCH_JSON=${JSON.stringify({ ms, jobs, blocked, requests: backend.client.requests })}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const main = mode === 'publish' ? publish(Number(a), Number(b)) : mode === 'drain' ? drain(Number(a), Number(b)) : Promise.reject(new Error(`unknown mode ${mode}`));
main.then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
