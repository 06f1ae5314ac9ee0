import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Document, ImageUse } from '../../../../shared/domain/document';
import { escapeHtml } from '../../../../shared/editor/escapeHtml';
import { err, ok } from '../../../../shared/ipc/result';
import type { RunContext } from '../publishingBackend';
import type { WpClient, WpResult } from './wpClient';
import type { SiteInfo } from './wpSite';
import { decodeEntities, isWpMedia, type WpMedia } from './wpTypes';

/**
 * The content key of an image of a document on the site: one attachment per photo per document,
 * whatever the retries. The same photo used twice in one document is uploaded once.
 */
export function mediaKey(documentId: string, mediaId: string): string {
  return createHash('sha256').update(`melding-media\n${documentId}\n${mediaId}`).digest('hex');
}

/** Without the plugin an image is found again by its slug, set on upload. */
export function mediaSlug(key: string): string {
  return `melding-${key.slice(0, 40)}`;
}

/** The rendition published: the largest web one (the original stays here: it may carry GPS). */
const PUBLISHED_RENDITIONS = ['w2400', 'w1200'] as const;

export interface MediaMeta {
  readonly caption: string;
  readonly alt: string;
  readonly credit: string;
}

function wanted(use: ImageUse): MediaMeta {
  return { caption: use.caption.trim(), alt: use.decorative ? '' : use.alt.trim(), credit: use.credit.trim() };
}

function plain(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).trim();
}

/** What an attachment holds of caption, alt text and credit. */
export function mediaMetaOf(media: WpMedia): MediaMeta {
  // The caption is HTML on the site (sent escaped; an author's is entity-normalised by WordPress).
  const caption = media.caption.raw !== undefined ? decodeEntities(media.caption.raw) : plain(media.caption.rendered ?? '');
  const credit = typeof media.meta?.photographer === 'string' ? media.meta.photographer : '';
  return { caption: caption.trim(), alt: decodeEntities(media.alt_text).trim(), credit: decodeEntities(credit).trim() };
}

/**
 * Uploads the document's images once each: finds an attachment by the content key first (the
 * plugin's query filter, or the slug), uploads only what is not there, and brings caption, alt
 * text and credit up to date. Answers the attachment of each image use id.
 */
export async function ensureMedia(client: WpClient, site: SiteInfo, doc: Document, ctx: RunContext, lookup?: Promise<WpResult<Map<string, WpMedia>>>): Promise<WpResult<Map<string, WpMedia>>> {
  const byMedia = new Map<string, ImageUse>();
  for (const use of doc.images) if (!byMedia.has(use.mediaId)) byMedia.set(use.mediaId, use);
  const out = new Map<string, WpMedia>();
  const total = byMedia.size;
  let done = 0;
  if (total > 0) ctx.progress(0, total, 'media');
  // Every image of the document looked up in one request (started early by the caller, perhaps).
  const found = await (lookup ?? lookupMedia(client, site, doc, ctx.signal));
  if (!found.ok) return found;
  for (const [mediaId, use] of byMedia) {
    if (ctx.signal.aborted) return err('backend_unreachable', 'Cancelled');
    const key = mediaKey(doc.id, mediaId);
    let media = found.value.get(key) ?? null;
    if (!media) {
      const uploaded = await upload(client, site, key, use, ctx);
      if (!uploaded.ok) return uploaded;
      media = uploaded.value;
    } else {
      const updated = await updateMeta(client, site, media, wanted(use), ctx.signal);
      if (!updated.ok) return updated;
      media = updated.value;
    }
    for (const u of doc.images) if (u.mediaId === mediaId) out.set(u.id, media);
    ctx.progress(++done, total, 'media');
  }
  return ok(out);
}

const MEDIA_FIELDS = 'id,source_url,mime_type,slug,title,caption,alt_text,media_details,meta';

/** The attachments of a document's images, by content key. */
export function lookupMedia(client: WpClient, site: SiteInfo, doc: Document, signal: AbortSignal): Promise<WpResult<Map<string, WpMedia>>> {
  const keys = [...new Set(doc.images.map((use) => mediaKey(doc.id, use.mediaId)))];
  return findMedia(client, site, keys, signal);
}

/** The attachments with these content keys (the oldest of each: a second could only be a copy made on the site). */
export async function findMedia(client: WpClient, site: SiteInfo, keys: readonly string[], signal: AbortSignal): Promise<WpResult<Map<string, WpMedia>>> {
  const out = new Map<string, WpMedia>();
  if (keys.length === 0) return ok(out);
  const byPlugin = site.mediaMeta.has('melding_media_key');
  const query = byPlugin ? { melding_media_key: keys.join(',') } : { slug: keys.map(mediaSlug) };
  const found = await client.request('wp/v2/media', { query: { ...query, context: 'edit', _fields: MEDIA_FIELDS, per_page: 100, orderby: 'id', order: 'asc' }, signal });
  if (!found.ok) return found;
  const items = Array.isArray(found.value.json) ? found.value.json.filter(isWpMedia) : [];
  for (const key of keys) {
    const mine = items.filter((m) => (byPlugin ? m.meta?.melding_media_key === key : m.slug === mediaSlug(key))).sort((a, b) => a.id - b.id);
    if (mine[0]) out.set(key, mine[0]);
  }
  return ok(out);
}

async function renditionBytes(ctx: RunContext, mediaId: string): Promise<WpResult<{ bytes: Buffer; mime: string }>> {
  const info = await ctx.media.get(mediaId);
  if (!info.ok) return info;
  for (const name of PUBLISHED_RENDITIONS) {
    const rendition = info.value.renditions.find((r) => r.name === name);
    const path = ctx.media.renditionPath(mediaId, name);
    if (!rendition || !path) continue;
    try {
      return ok({ bytes: await readFile(path), mime: rendition.mime });
    } catch {
      continue;
    }
  }
  return err('media_not_found', `No web rendition of ${mediaId} in the media store`);
}

function metaFields(site: SiteInfo, key: string, meta: MediaMeta): Record<string, string> {
  const fields: Record<string, string> = {};
  if (site.mediaMeta.has('photographer')) fields.photographer = meta.credit;
  if (site.mediaMeta.has('melding_media_key')) fields.melding_media_key = key;
  return fields;
}

async function upload(client: WpClient, site: SiteInfo, key: string, use: ImageUse, ctx: RunContext): Promise<WpResult<WpMedia>> {
  const file = await renditionBytes(ctx, use.mediaId);
  if (!file.ok) return file;
  const meta = wanted(use);
  const ext = file.value.mime === 'image/webp' ? 'webp' : file.value.mime === 'image/png' ? 'png' : 'jpg';
  const query: Record<string, string> = { slug: mediaSlug(key), title: escapeHtml((meta.caption || meta.alt || mediaSlug(key)).slice(0, 200)), caption: escapeHtml(meta.caption), alt_text: meta.alt, context: 'edit', _fields: MEDIA_FIELDS };
  for (const [k, v] of Object.entries(metaFields(site, key, meta))) query[`meta[${k}]`] = v;
  const uploaded = await client.request('wp/v2/media', {
    method: 'POST',
    query,
    body: file.value.bytes,
    headers: { 'content-type': file.value.mime, 'content-disposition': `attachment; filename="${mediaSlug(key)}.${ext}"` },
    upload: true,
    signal: ctx.signal,
  });
  if (!uploaded.ok && uploaded.error.message.includes('melding_exists')) {
    // An earlier upload of this image reached the site after all (the plugin refused a copy): use it.
    const again = await findMedia(client, site, [key], ctx.signal);
    if (!again.ok) return again;
    const existing = again.value.get(key);
    return existing ? updateMeta(client, site, existing, meta, ctx.signal) : err('backend_server_error', 'The site says the image exists but does not list it');
  }
  if (!uploaded.ok) {
    if (uploaded.error.code === 'backend_forbidden') return err('backend_forbidden', `This user may not upload images to the site (upload_files; contributors cannot): ask an author, editor or administrator. ${uploaded.error.message}`);
    return uploaded;
  }
  const media = uploaded.value.json;
  if (!isWpMedia(media)) return err('backend_server_error', 'The site answered the upload with something that is not an image');
  return verifyMeta(site, key, media, meta);
}

async function updateMeta(client: WpClient, site: SiteInfo, media: WpMedia, meta: MediaMeta, signal: AbortSignal): Promise<WpResult<WpMedia>> {
  const have = mediaMetaOf(media);
  const creditKnown = site.mediaMeta.has('photographer');
  if (have.caption === meta.caption && have.alt === meta.alt && (!creditKnown || have.credit === meta.credit)) return ok(media);
  const key = typeof media.meta?.melding_media_key === 'string' ? media.meta.melding_media_key : '';
  const updated = await client.request(`wp/v2/media/${media.id}`, {
    method: 'POST',
    json: { caption: escapeHtml(meta.caption), alt_text: meta.alt, meta: metaFields(site, key, meta) },
    query: { context: 'edit', _fields: MEDIA_FIELDS },
    signal,
  });
  // Someone else's image that this user may not change: the figure in the content carries its own caption and alt.
  if (!updated.ok && updated.error.code === 'backend_forbidden') return ok(media);
  if (!updated.ok) return updated;
  if (!isWpMedia(updated.value.json)) return err('backend_server_error', 'The site answered an image update with something that is not an image');
  return verifyMeta(site, key, updated.value.json, meta);
}

/** WordPress drops what it does not know without a word: read back what was written. */
function verifyMeta(site: SiteInfo, key: string, media: WpMedia, meta: MediaMeta): WpResult<WpMedia> {
  const have = mediaMetaOf(media);
  const wrong: string[] = [];
  if (have.caption !== meta.caption) wrong.push('caption');
  if (have.alt !== meta.alt) wrong.push('alt_text');
  if (site.mediaMeta.has('photographer') && have.credit !== meta.credit) wrong.push('photographer');
  if (site.mediaMeta.has('melding_media_key') && media.meta?.melding_media_key !== key) wrong.push('melding_media_key');
  return wrong.length === 0 ? ok(media) : err('backend_server_error', `The site did not keep the image's ${wrong.join(', ')} (attachment ${media.id})`);
}
