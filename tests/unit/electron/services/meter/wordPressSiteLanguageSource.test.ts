import { describe, expect, it } from 'vitest';
import { WordPressSiteLanguageSource } from '../../../../../electron/services/meter/wordPressSiteLanguageSource';

/** A stand-in for one WordPress answer per path; the real site is in tests/integration/meter. */
function fakeFetch(pages: Record<string, { body: unknown; totalPages?: number }>, seen: string[]): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    seen.push(`${url.pathname}?${url.searchParams.toString()}`);
    const key = `${url.pathname.replace('/wp-json/', '')}#${url.searchParams.get('page')}`;
    const page = pages[key];
    if (!page) return new Response('[]', { headers: { 'content-type': 'application/json', 'x-wp-totalpages': '1' } });
    return new Response(JSON.stringify(page.body), { headers: { 'content-type': 'application/json; charset=UTF-8', 'x-wp-totalpages': String(page.totalPages ?? 1) } });
  }) as typeof fetch;
}

describe('WordPressSiteLanguageSource (mapping)', () => {
  it('reads a site without the language plugin (meta is an empty list) as Bokmål, pages through, and maps categories by slug', async () => {
    const seen: string[] = [];
    const source = new WordPressSiteLanguageSource({
      backendId: 'wp',
      siteUrl: 'https://example.test/',
      fetch: fakeFetch(
        {
          'wp/v2/categories#1': { body: [{ id: 3, slug: 'pressemeldinger' }, { id: 4, slug: 'nyhet' }, { id: 5, slug: 'annet' }] },
          'wp/v2/posts#1': { body: [{ id: 1, date_gmt: '2026-01-01T10:00:00', meta: [], categories: [5, 3] }], totalPages: 2 },
          'wp/v2/posts#2': { body: [{ id: 2, date_gmt: '2026-02-01T10:00:00', meta: { language: 'nn' }, categories: [4] }, { id: 'bad' }], totalPages: 2 },
        },
        seen,
      ),
    });
    const listed = await source.list(2026);
    expect(listed).toEqual({
      ok: true,
      value: [
        { id: '1', publishedAt: '2026-01-01T10:00:00.000Z', maalform: null, type: 'pressemelding' },
        { id: '2', publishedAt: '2026-02-01T10:00:00.000Z', maalform: 'nn', type: 'nyhet' },
      ],
    });
    const posts = seen.filter((s) => s.startsWith('/wp-json/wp/v2/posts'));
    expect(posts).toHaveLength(2);
    expect(posts[0]).toContain('per_page=100');
    expect(posts[0]).toContain('_fields=id%2Cdate_gmt%2Cmeta%2Ccategories');
    expect(posts[0]).toContain('after=2025-12-30');
  });

  it('answers meter_site_unavailable on an HTTP error or a network failure', async () => {
    const failing = (async () => new Response('{"code":"rest_forbidden"}', { status: 403, headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
    expect(await new WordPressSiteLanguageSource({ backendId: 'wp', siteUrl: 'https://x.test', fetch: failing }).list(2026)).toMatchObject({
      ok: false,
      error: { code: 'meter_site_unavailable', message: 'wp/v2/categories: HTTP 403' },
    });
    const throwing = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    }) as unknown as typeof fetch;
    expect(await new WordPressSiteLanguageSource({ backendId: 'wp', siteUrl: 'https://x.test', fetch: throwing }).list(2026)).toEqual({
      ok: false,
      error: { code: 'meter_site_unavailable', message: 'fetch failed (ECONNREFUSED)' },
    });
  });
});
