import { z } from 'zod';
import { DocumentTypeSchema, MaalformSchema, WorkflowStatusSchema } from './document';
import { DocumentSummarySchema, type DocumentSummary } from './documentSummary';
import { inQueue, LIBRARY_QUEUES, type QueueViewer } from './libraryQueue';

export const LibraryQuerySchema = z
  .object({
    /** The documents in use, or the bin. */
    view: z.enum(['active', 'bin']),
    /** Empty means every value. */
    statuses: z.array(WorkflowStatusSchema).max(10),
    types: z.array(DocumentTypeSchema).max(3),
    maalformer: z.array(MaalformSchema).max(2),
    text: z.string().max(500),
    /** `relevance` applies when there is text to search for; otherwise it falls back to `updated`. */
    sort: z.enum(['relevance', 'updated', 'created', 'title']),
    direction: z.enum(['asc', 'desc']),
    /** A work queue; "me" is the active profile. Older callers leave it out: every document. */
    queue: z.enum(LIBRARY_QUEUES).default('all'),
  })
  .strict();
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;

export { DEFAULT_LIBRARY_QUERY } from './defaultLibraryQuery';

export const LibraryPageSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(DocumentSummarySchema),
  /** False while the body text of an old library is still being indexed (title and ingress are searched meanwhile). */
  bodySearchReady: z.boolean(),
});
export type LibraryPage = z.infer<typeof LibraryPageSchema>;

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/**
 * Filters and orders summaries (by id) for a query. `ranked` is the search hits in relevance order
 * (undefined when there is no text); `me` is the active profile, for the personal queues. Pure,
 * so the list order is the same on every host.
 */
export function applyLibraryQuery(
  all: ReadonlyMap<string, DocumentSummary>,
  query: LibraryQuery,
  ranked?: readonly string[],
  me: QueueViewer | null = null,
): DocumentSummary[] {
  const statuses = new Set(query.statuses);
  const types = new Set(query.types);
  const forms = new Set(query.maalformer);
  const keep = (s: DocumentSummary) =>
    (query.view === 'bin' ? s.deletedAt !== null : s.deletedAt === null) &&
    (statuses.size === 0 || statuses.has(s.status)) &&
    (types.size === 0 || types.has(s.type)) &&
    (forms.size === 0 || forms.has(s.maalform)) &&
    inQueue(s, query.queue, me);

  if (ranked) {
    const hits = ranked.map((id) => all.get(id)).filter((s): s is DocumentSummary => s !== undefined && keep(s));
    if (query.sort === 'relevance') return query.direction === 'asc' ? hits.reverse() : hits;
    return sortSummaries(hits, query);
  }
  return sortSummaries([...all.values()].filter(keep), query);
}

function sortSummaries(items: DocumentSummary[], query: LibraryQuery): DocumentSummary[] {
  const sign = query.direction === 'asc' ? 1 : -1;
  const key = query.sort === 'relevance' ? 'updated' : query.sort;
  const compare =
    key === 'title'
      ? (a: DocumentSummary, b: DocumentSummary) => collator.compare(a.title, b.title) || cmp(a.id, b.id)
      : key === 'created'
        ? (a: DocumentSummary, b: DocumentSummary) => cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id)
        : (a: DocumentSummary, b: DocumentSummary) => cmp(a.updatedAt, b.updatedAt) || cmp(a.id, b.id);
  return items.sort((a, b) => sign * compare(a, b));
}

/** Code-unit order: right for UTC ISO instants and ids, and far cheaper than localeCompare. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Word search over what a summary holds (title and excerpt), for the moments before the full
 * index is ready. Every word must occur, the last one as a prefix; case and accents ignored.
 */
export function scanSummaries(all: ReadonlyMap<string, DocumentSummary>, text: string): string[] {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return [];
  const hits: string[] = [];
  for (const s of all.values()) {
    const hay = ` ${fold(`${s.title} ${s.excerpt}`).replace(/[^\p{L}\p{N}]+/gu, ' ')}`;
    if (words.every((w) => hay.includes(` ${w}`))) hits.push(s.id);
  }
  return hits;
}

function fold(text: string): string {
  // Keep æ ø å as letters of their own; drop other accents (ò, é) as people type without them.
  return text
    .toLowerCase()
    .replace(/[åæø]/g, (c) => ({ å: '\uE001', æ: '\uE002', ø: '\uE003' })[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\uE001-\uE003]/g, (c) => ({ '\uE001': 'å', '\uE002': 'æ', '\uE003': 'ø' })[c] ?? c);
}
