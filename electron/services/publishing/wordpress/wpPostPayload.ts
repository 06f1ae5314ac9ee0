import type { Document } from '../../../../shared/domain/document';
import type { OutboxAction } from '../../../../shared/domain/outboxJob';
import type { WithdrawMode } from '../../../../shared/domain/publishing';
import type { WorkflowStatus } from '../../../../shared/domain/vocabulary';
import { escapeHtml } from '../../../../shared/editor/escapeHtml';
import type { SiteInfo } from './wpSite';
import { decodeEntities, isoToWpGmt, wpGmtToIso, type WpMedia, type WpPost } from './wpTypes';

/** The WordPress status a step leaves the post in; `keep` (sync) leaves it as it is. */
export type TargetStatus = 'draft' | 'pending' | 'future' | 'publish' | 'trash' | 'keep';

/**
 * Every outbox action on WordPress. Waiting for review is `pending`, and an approved text waits
 * there too (the approval is recorded as meta); back to the writer is `draft`; a sperrefrist is
 * `future`; taking an item down is draft or the bin, as the backend is set up.
 */
export function targetStatus(action: OutboxAction, withdrawMode: WithdrawMode): TargetStatus {
  switch (action) {
    case 'submit':
    case 'approve':
    case 'revoke':
    case 'unschedule':
      return 'pending';
    case 'withdrawSubmission':
    case 'return':
    case 'reopen':
      return 'draft';
    case 'schedule':
      return 'future';
    case 'publish':
      return 'publish';
    case 'unpublish':
      return withdrawMode === 'trash' ? 'trash' : 'draft';
    case 'sync':
      return 'keep';
  }
}

/** Where a document in a status would be on the site (a sync of an item not there yet). */
export function statusOfDocument(status: WorkflowStatus): Exclude<TargetStatus, 'keep' | 'trash'> {
  switch (status) {
    case 'til_godkjenning':
    case 'godkjent':
      return 'pending';
    case 'planlagt':
      return 'future';
    case 'publisert':
      return 'publish';
    default:
      return 'draft';
  }
}

/** The stored source (companion plugin): the rich text the content was made from. */
export interface StoredSource {
  readonly format: 1;
  readonly body: Document['body'];
  readonly contacts: Document['contacts'];
  /** Image use id → attachment id, for figures. */
  readonly images: Readonly<Record<string, number>>;
}

export interface PostPayload {
  readonly title: string;
  readonly content: string;
  readonly excerpt: string;
  readonly status: Exclude<TargetStatus, 'keep' | 'trash'>;
  readonly categories: number[];
  readonly tags: number[];
  readonly featured_media: number;
  readonly meta: Record<string, string | number>;
  readonly date_gmt?: string;
}

export interface PayloadInput {
  readonly doc: Document;
  readonly jobId: string;
  readonly status: Exclude<TargetStatus, 'keep' | 'trash'>;
  readonly existing: WpPost | null;
  readonly content: string;
  readonly category: number;
  readonly tags: number[];
  readonly media: ReadonlyMap<string, WpMedia>;
  readonly site: SiteInfo;
  readonly now: Date;
}

/** The post as this step wants it. Title and excerpt are HTML in WordPress: sent escaped. */
export function postPayload(input: PayloadInput): PostPayload {
  const { doc, site } = input;
  const featured = doc.images.find((u) => u.featured);
  const meta: Record<string, string | number> = {};
  const put = (key: string, value: string | number) => {
    if (site.postMeta.has(key)) meta[key] = value;
  };
  put('language', doc.maalform);
  put('melding_id', doc.id);
  put('melding_job', input.jobId);
  put('melding_revision', doc.revision);
  put('melding_approved_by', doc.approval?.by.name ?? '');
  put('melding_approved_at', doc.approval?.at ?? '');
  put('melding_approval_hash', doc.approval?.hash ?? '');
  if (site.postMeta.has('melding_source')) {
    const images: Record<string, number> = {};
    for (const [useId, media] of input.media) images[useId] = media.id;
    const source: StoredSource = { format: 1, body: doc.body, contacts: doc.contacts, images };
    meta.melding_source = JSON.stringify(source);
  }
  let date: string | undefined;
  if (input.status === 'future' && doc.embargoAt) date = isoToWpGmt(doc.embargoAt);
  // Publish now: a date is needed, or a post once scheduled stays scheduled. A post already
  // published keeps its publication time.
  else if (input.status === 'publish' && input.existing?.status !== 'publish') date = isoToWpGmt(input.now);
  return {
    title: escapeHtml(doc.title),
    content: input.content,
    excerpt: escapeHtml(doc.ingress),
    status: input.status,
    categories: [input.category],
    tags: [...input.tags].sort((a, b) => a - b),
    featured_media: featured ? (input.media.get(featured.id)?.id ?? 0) : 0,
    meta,
    ...(date ? { date_gmt: date } : {}),
  };
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort((x, y) => x - y).every((v, i) => v === [...b].sort((x, y) => x - y)[i]);

/**
 * The fields of `post` that differ from `want` ([] when the post is as this step wants it).
 * A scheduled post whose time came while the request was under way counts as scheduled.
 */
export function differences(post: WpPost, want: PostPayload): string[] {
  const out: string[] = [];
  if (decodeEntities(post.title.raw ?? '') !== decodeEntities(want.title)) out.push('title');
  if ((post.content.raw ?? '').trim() !== want.content.trim()) out.push('content');
  if (decodeEntities(post.excerpt.raw ?? '') !== decodeEntities(want.excerpt)) out.push('excerpt');
  const statusOk = post.status === want.status || (want.status === 'future' && post.status === 'publish' && want.date_gmt !== undefined && Date.parse(`${want.date_gmt}Z`) <= Date.parse(`${(post.date_gmt ?? '').replace(/Z$/, '')}Z`) + 1000 && Date.parse(`${want.date_gmt}Z`) < Date.now() + 120_000);
  if (!statusOk) out.push('status');
  if (want.status === 'future' && want.date_gmt && wpGmtToIso(post.date_gmt) !== wpGmtToIso(want.date_gmt)) out.push('date_gmt');
  if (!sameSet(post.categories, want.categories)) out.push('categories');
  if (!sameSet(post.tags, want.tags)) out.push('tags');
  if (post.featured_media !== want.featured_media) out.push('featured_media');
  for (const [key, value] of Object.entries(want.meta)) if (post.meta?.[key] !== value) out.push(`meta.${key}`);
  return out;
}
