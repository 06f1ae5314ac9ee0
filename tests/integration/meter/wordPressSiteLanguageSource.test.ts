// The målform meter against a real WordPress (Debian packages, ../shared/backends/wordpress-up.sh)
// on 127.0.0.1:8082 (MELDING_METER_WP_PORT): posts with and without the `language` meta, in
// categories and not, at the Oslo year boundary, over more than one page.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WordPressSiteLanguageSource } from '../../../electron/services/meter/wordPressSiteLanguageSource';
import { meterFigures } from '../../../shared/domain/maalformMeter';

const ROOT = resolve(import.meta.dirname, '../../..');
const PORT = process.env.MELDING_METER_WP_PORT ?? '8082';
const SCRIPT = process.env.MELDING_WP_UP ?? join(ROOT, '..', 'shared', 'backends', 'wordpress-up.sh');
/** A past year (a future date would schedule the posts) no other test writes in, so counts are exact. */
const YEAR = 2019;

interface Wp {
  readonly base: string;
  readonly user: string;
  readonly password: string;
}

function bringUp(): Wp | string {
  if (!existsSync(SCRIPT)) return `WordPress test backend script not found at ${SCRIPT}`;
  if (process.getuid?.() !== 0) return 'wordpress-up.sh needs root to start WordPress';
  try {
    const out = execFileSync('bash', [SCRIPT, PORT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
    const env = Object.fromEntries([...out.matchAll(/^(WP_\w+)=(.*)$/gm)].map((m) => [m[1], (m[2] ?? '').replace(/^'(.*)'$/, '$1')]));
    if (!env.WP_BASE_URL || !env.WP_ADMIN_APP_PASSWORD) return 'wordpress-up.sh printed no credentials';
    return { base: env.WP_BASE_URL, user: env.WP_ADMIN_USER ?? 'admin', password: env.WP_ADMIN_APP_PASSWORD };
  } catch (error) {
    return `WordPress could not start: ${(error as Error).message.split('\n')[0]}`;
  }
}

const wp = bringUp();
if (typeof wp === 'string' && process.env.CI === 'true') throw new Error(`The målform meter test needs WordPress on ${PORT} in CI: ${wp}`);
if (typeof wp === 'string') console.warn(`skipped: målform meter against WordPress (${wp})`);

async function rest(method: string, path: string, body?: unknown): Promise<unknown> {
  if (typeof wp === 'string') throw new Error(wp);
  const response = await fetch(`${wp.base}/wp-json/${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${wp.user}:${wp.password}`).toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function category(slug: string): Promise<number> {
  const found = (await rest('GET', `wp/v2/categories?slug=${slug}`)) as { id: number }[];
  if (found[0]) return found[0].id;
  return ((await rest('POST', 'wp/v2/categories', { name: slug, slug })) as { id: number }).id;
}

async function removeYear(): Promise<void> {
  for (const status of ['publish', 'draft', 'future']) {
    for (;;) {
      const posts = (await rest('GET', `wp/v2/posts?status=${status}&after=${YEAR - 1}-12-01T00:00:00&before=${YEAR + 1}-02-01T00:00:00&per_page=100&_fields=id`)) as { id: number }[];
      if (posts.length === 0) break;
      for (let i = 0; i < posts.length; i += 10) await Promise.all(posts.slice(i, i + 10).map((p) => rest('DELETE', `wp/v2/posts/${p.id}?force=true`)));
    }
  }
}

const created: number[] = [];
async function post(dateGmt: string, options: { language?: 'nb' | 'nn'; categories?: number[]; status?: string } = {}): Promise<number> {
  const body: Record<string, unknown> = { title: `Meter ${dateGmt}`, status: options.status ?? 'publish', date_gmt: dateGmt, categories: options.categories ?? [] };
  if (options.language) body.meta = { language: options.language };
  const p = (await rest('POST', 'wp/v2/posts', body)) as { id: number };
  created.push(p.id);
  return p.id;
}

describe.skipIf(typeof wp === 'string')('WordPressSiteLanguageSource against a real WordPress', () => {
  afterAll(async () => {
    if (typeof wp !== 'string') await removeYear();
  }, 180_000);

  it('lists the year’s published posts with their language, counting posts without it as Bokmål', { timeout: 180_000 }, async () => {
    if (typeof wp === 'string') return;
    await removeYear();
    const news = await category('nyheter');
    const releases = await category('pressemelding');
    // 31 December 23:30 UTC: 1 January in Oslo.
    const newYear = await post(`${YEAR - 1}-12-31T23:30:00`, { language: 'nn', categories: [news] });
    await post(`${YEAR - 1}-12-31T20:00:00`, { language: 'nn', categories: [news] }); // still last year in Oslo
    await post(`${YEAR}-02-10T09:00:00`, { language: 'nb', categories: [releases] });
    await post(`${YEAR}-02-11T09:00:00`, { categories: [releases] }); // no language meta
    await post(`${YEAR}-02-12T09:00:00`); // no language, no known category
    await post(`${YEAR}-03-01T09:00:00`, { language: 'nn', status: 'draft' }); // not published
    // More than one page of 100.
    const may = Array.from({ length: 101 }, (_, i) => () => post(`${YEAR}-05-${String((i % 28) + 1).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00`, { language: i % 4 === 0 ? 'nn' : 'nb', categories: [releases] }));
    for (let i = 0; i < may.length; i += 10) await Promise.all(may.slice(i, i + 10).map((create) => create()));

    const source = new WordPressSiteLanguageSource({ backendId: 'wp-8082', siteUrl: wp.base, userName: wp.user, password: wp.password });
    const listed = await source.list(YEAR);
    if (!listed.ok) throw new Error(listed.error.message);
    const first = listed.value.find((i) => i.id === String(newYear));
    expect(first).toEqual({ id: String(newYear), publishedAt: `${YEAR - 1}-12-31T23:30:00.000Z`, maalform: 'nn', type: 'nyhet' });
    const fig = meterFigures({ year: YEAR, types: [], items: listed.value.map((i) => ({ ...i, source: 'site' as const })), drafts: [], now: new Date(`${YEAR}-06-15T10:00:00Z`) });
    // 1 (new year) + 26 of 101 in May are Nynorsk; 3 in February are Bokmål (one set, one without, one without anything).
    expect(fig.months[0]).toMatchObject({ nn: 1, nb: 0 });
    expect(fig.months[1]).toMatchObject({ nn: 0, nb: 3 });
    expect(fig.months[2]).toMatchObject({ total: 0 });
    expect(fig.months[4]).toMatchObject({ nn: 26, nb: 75 });
    expect(fig.total).toMatchObject({ nn: 27, nb: 78, total: 105 });
    const onlyNews = meterFigures({ year: YEAR, types: ['nyhet'], items: listed.value.map((i) => ({ ...i, source: 'site' as const })), drafts: [], now: new Date(`${YEAR}-06-15T10:00:00Z`) });
    expect(onlyNews.total).toMatchObject({ nn: 1, nb: 0 });

    // Anonymous: published posts and their language are public.
    const anonymous = await new WordPressSiteLanguageSource({ backendId: 'wp-8082', siteUrl: wp.base }).list(YEAR);
    expect(anonymous.ok && anonymous.value.length).toBe(listed.value.length);
  });

  it('answers meter_site_unavailable, not a throw, when the site is down or refuses', async () => {
    if (typeof wp === 'string') return;
    const down = await new WordPressSiteLanguageSource({ backendId: 'x', siteUrl: 'http://127.0.0.1:9', timeoutMs: 3000 }).list(YEAR);
    expect(down).toMatchObject({ ok: false, error: { code: 'meter_site_unavailable' } });
    const wrong = await new WordPressSiteLanguageSource({ backendId: 'x', siteUrl: `${wp.base}/no-such-wordpress` }).list(YEAR);
    expect(wrong.ok).toBe(false);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'meter_site_unavailable', message: expect.stringContaining('not a WordPress REST answer') } });
  });
});
