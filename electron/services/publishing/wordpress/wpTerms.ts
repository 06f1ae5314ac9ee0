import type { DocumentType, Maalform } from '../../../../shared/domain/vocabulary';
import { DOCUMENT_LABELS } from '../../../../shared/i18n/documentLabels';
import { err, ok } from '../../../../shared/ipc/result';
import type { WpClient, WpResult } from './wpClient';
import { decodeEntities, isWpTerm, type WpTerm } from './wpTypes';

/**
 * The category of each document type, by slug. The first slug is the one Melding creates; the
 * others are accepted when a site already has them (the målform meter reads the plurals too).
 */
export const TYPE_CATEGORY_SLUGS: Readonly<Record<DocumentType, readonly string[]>> = {
  pressemelding: ['pressemelding', 'pressemeldinger'],
  nyhet: ['nyhet', 'nyheter', 'nyheit', 'nyheiter'],
  artikkel: ['artikkel', 'artikler', 'artiklar'],
};

/** A category slug of the site back to a document type, or null. */
export function typeOfCategorySlug(slug: string): DocumentType | null {
  for (const [type, slugs] of Object.entries(TYPE_CATEGORY_SLUGS) as [DocumentType, readonly string[]][]) if (slugs.includes(slug)) return type;
  return null;
}

const TTL_MS = 5 * 60 * 1000;

/**
 * Categories and tags: found by slug or name, created when missing (categories need an editor's
 * manage_categories; tags any writer's edit_posts), remembered for a few minutes.
 */
export class WpTerms {
  readonly #cache = new Map<string, { id: number; at: number }>();

  constructor(
    private readonly client: WpClient,
    private readonly now: () => Date,
  ) {}

  forget(): void {
    this.#cache.clear();
  }

  async category(type: DocumentType, maalform: Maalform, signal: AbortSignal): Promise<WpResult<number>> {
    const key = `category:${type}`;
    const cached = this.cached(key);
    if (cached !== null) return ok(cached);
    const slugs = TYPE_CATEGORY_SLUGS[type];
    const found = await this.client.request('wp/v2/categories', { query: { slug: slugs, _fields: 'id,name,slug', per_page: 100 }, signal });
    if (!found.ok) return found;
    const terms = Array.isArray(found.value.json) ? found.value.json.filter(isWpTerm) : [];
    const best = slugs.map((slug) => terms.find((t) => t.slug === slug)).find((t) => t !== undefined);
    if (best) return ok(this.remember(key, best.id));
    const name = DOCUMENT_LABELS[maalform].types[type];
    const slug = slugs[0] ?? type;
    const created = await this.create('wp/v2/categories', { name, slug }, signal);
    if (!created.ok && created.error.code === 'backend_forbidden') {
      return err('backend_forbidden', `The site has no category "${name}" (slug ${slug}) and this user may not create one (manage_categories): ask an editor or administrator to create it. ${created.error.message}`);
    }
    return created.ok ? ok(this.remember(key, created.value)) : created;
  }

  async tags(names: readonly string[], signal: AbortSignal): Promise<WpResult<number[]>> {
    const ids: number[] = [];
    for (const name of names) {
      const key = `tag:${name.toLowerCase()}`;
      const cached = this.cached(key);
      if (cached !== null) {
        ids.push(cached);
        continue;
      }
      const found = await this.client.request('wp/v2/tags', { query: { search: name, per_page: 100, _fields: 'id,name,slug' }, signal });
      if (!found.ok) return found;
      const terms: WpTerm[] = Array.isArray(found.value.json) ? found.value.json.filter(isWpTerm) : [];
      const match = terms.find((t) => decodeEntities(t.name).toLowerCase() === name.toLowerCase());
      if (match) {
        ids.push(this.remember(key, match.id));
        continue;
      }
      const created = await this.create('wp/v2/tags', { name }, signal);
      if (!created.ok) return created;
      ids.push(this.remember(key, created.value));
    }
    return ok([...new Set(ids)]);
  }

  /** Tag ids back to names (for reading an item). */
  async tagNames(ids: readonly number[], signal: AbortSignal): Promise<WpResult<string[]>> {
    if (ids.length === 0) return ok([]);
    const found = await this.client.request('wp/v2/tags', { query: { include: [...ids], per_page: 100, _fields: 'id,name,slug' }, signal });
    if (!found.ok) return found;
    const terms: WpTerm[] = Array.isArray(found.value.json) ? found.value.json.filter(isWpTerm) : [];
    return ok(ids.map((id) => terms.find((t) => t.id === id)).filter((t): t is WpTerm => t !== undefined).map((t) => decodeEntities(t.name)));
  }

  async categorySlugs(ids: readonly number[], signal: AbortSignal): Promise<WpResult<string[]>> {
    if (ids.length === 0) return ok([]);
    const found = await this.client.request('wp/v2/categories', { query: { include: [...ids], per_page: 100, _fields: 'id,name,slug' }, signal });
    if (!found.ok) return found;
    return ok((Array.isArray(found.value.json) ? found.value.json.filter(isWpTerm) : []).map((t) => t.slug));
  }

  /** Creates a term; one made meanwhile by someone else (term_exists) is taken as it is. */
  private async create(path: string, body: Record<string, string>, signal: AbortSignal): Promise<WpResult<number>> {
    const created = await this.client.request(path, { method: 'POST', json: body, signal, accept: [400, 500] });
    if (!created.ok) return created;
    const json = created.value.json as { id?: unknown; code?: unknown; data?: { term_id?: unknown } };
    if (typeof json.id === 'number') return ok(json.id);
    if (json.code === 'term_exists' && typeof json.data?.term_id === 'number') return ok(json.data.term_id);
    return err('backend_server_error', `POST ${path}: ${created.value.status} ${JSON.stringify(json).slice(0, 200)}`);
  }

  private cached(key: string): number | null {
    const hit = this.#cache.get(key);
    return hit && this.now().getTime() - hit.at < TTL_MS ? hit.id : null;
  }

  private remember(key: string, id: number): number {
    this.#cache.set(key, { id, at: this.now().getTime() });
    return id;
  }
}
