import { isDocumentType, isMaalform, type DocumentType } from '../../../shared/domain/vocabulary';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { SiteItem, SiteLanguageSource } from './siteLanguageSource';

export interface WordPressSiteOptions {
  readonly backendId: string;
  /** The site's address, e.g. https://www.regjeringen.example (the REST root is /wp-json/ below it). */
  readonly siteUrl: string;
  /** Application-password credentials; published posts are public, so these are optional. */
  readonly userName?: string;
  readonly password?: string;
  readonly timeoutMs?: number;
  /** Category slug → document type; by default the type's own name and its plural. */
  readonly categoryTypes?: Readonly<Record<string, DocumentType>>;
  readonly fetch?: typeof fetch;
}

const DEFAULT_CATEGORY_TYPES: Readonly<Record<string, DocumentType>> = {
  pressemeldinger: 'pressemelding',
  nyheter: 'nyhet',
  artikler: 'artikkel',
};
/** 100 pages of 100: far beyond a ministry's year; a bound so a misbehaving site cannot loop us. */
const MAX_PAGES = 100;

interface WpPost {
  readonly id?: unknown;
  readonly date_gmt?: unknown;
  readonly meta?: unknown;
  readonly categories?: unknown;
}

/**
 * What a WordPress site published in a year, over REST: published posts (`/wp/v2/posts`, which
 * answers published posts unless asked otherwise), 100 a page, only the fields the meter needs.
 * The language is the post meta `language` (nb|nn) that Melding's companion plugin (and the test
 * instance's mu-plugin) expose; a post without it, or a site without the plugin, counts as Bokmål.
 * The type comes from the post's categories by slug.
 */
export class WordPressSiteLanguageSource implements SiteLanguageSource {
  readonly backendId: string;
  readonly #fetch: typeof fetch;

  constructor(private readonly options: WordPressSiteOptions) {
    this.backendId = options.backendId;
    this.#fetch = options.fetch ?? fetch;
  }

  async list(year: number): Promise<Result<SiteItem[]>> {
    try {
      const types = await this.categoryTypes();
      if (!types.ok) return types;
      // A day either side, in the site's own time zone whatever it is: the meter places items in
      // Oslo months itself and drops what falls outside the year.
      const window = `after=${year - 1}-12-30T00:00:00&before=${year + 1}-01-02T00:00:00`;
      const items: SiteItem[] = [];
      const pages = await this.pages<WpPost>(`wp/v2/posts?${window}&orderby=date&order=asc&_fields=id,date_gmt,meta,categories`);
      if (!pages.ok) return pages;
      for (const post of pages.value) {
        const item = toSiteItem(post, types.value);
        if (item) items.push(item);
      }
      return ok(items);
    } catch (error) {
      return err('meter_site_unavailable', describe(error));
    }
  }

  private async categoryTypes(): Promise<Result<Map<number, DocumentType>>> {
    const slugs = { ...DEFAULT_CATEGORY_TYPES, ...this.options.categoryTypes };
    const pages = await this.pages<{ id?: unknown; slug?: unknown }>('wp/v2/categories?_fields=id,slug');
    if (!pages.ok) return pages;
    const out = new Map<number, DocumentType>();
    for (const c of pages.value) {
      if (typeof c.id !== 'number' || typeof c.slug !== 'string') continue;
      const type = isDocumentType(c.slug) ? c.slug : slugs[c.slug];
      if (type) out.set(c.id, type);
    }
    return ok(out);
  }

  private async pages<T>(path: string): Promise<Result<T[]>> {
    const all: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await this.get(`${path}&per_page=100&page=${page}`);
      if (!response.ok) return response;
      const contentType = response.value.headers.get('content-type') ?? '';
      if (!contentType.includes('json')) {
        await response.value.body?.cancel();
        return err('meter_site_unavailable', `${path.split('?')[0]}: not a WordPress REST answer (${contentType || 'no content type'})`);
      }
      const body: unknown = await response.value.json();
      if (!Array.isArray(body)) return err('meter_site_unavailable', `Unexpected answer from ${path}`);
      all.push(...(body as T[]));
      const totalPages = Number(response.value.headers.get('x-wp-totalpages') ?? '1');
      if (page >= totalPages || body.length === 0) break;
    }
    return ok(all);
  }

  private async get(path: string): Promise<Result<Response>> {
    const base = this.options.siteUrl.replace(/\/+$/, '');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.userName && this.options.password) {
      headers.authorization = `Basic ${Buffer.from(`${this.options.userName}:${this.options.password}`).toString('base64')}`;
    }
    const response = await this.#fetch(`${base}/wp-json/${path}`, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
    if (!response.ok) {
      await response.body?.cancel();
      return err('meter_site_unavailable', `${path.split('?')[0]}: HTTP ${response.status}`);
    }
    return ok(response);
  }
}

function toSiteItem(post: WpPost, types: ReadonlyMap<number, DocumentType>): SiteItem | null {
  if (typeof post.id !== 'number' || typeof post.date_gmt !== 'string') return null;
  const at = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(post.date_gmt) ? post.date_gmt : `${post.date_gmt}Z`);
  if (Number.isNaN(at.getTime())) return null;
  const meta = post.meta !== null && typeof post.meta === 'object' && !Array.isArray(post.meta) ? (post.meta as Record<string, unknown>) : {};
  const language = meta.language;
  const categories = Array.isArray(post.categories) ? post.categories : [];
  const type = categories.map((c) => (typeof c === 'number' ? types.get(c) : undefined)).find((t) => t !== undefined) ?? null;
  return { id: String(post.id), publishedAt: at.toISOString(), maalform: isMaalform(language) ? language : null, type };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
