import { createHash } from 'node:crypto';
import { PressContactSchema, RichDocSchema, type PressContact } from '../../../../shared/domain/document';
import type { RemoteImage, RemoteItem, SiteStatus } from '../../../../shared/domain/publishing';
import { isDocumentType, isMaalform, type DocumentType } from '../../../../shared/domain/vocabulary';
import { err, ok, type Result } from '../../../../shared/ipc/result';
import { htmlToRichDoc } from './htmlToRichDoc';
import type { WpClient } from './wpClient';
import { CONTACTS_CLASS, ID_MARKER } from './wpContent';
import { mediaMetaOf } from './wpMedia';
import type { SiteInfo } from './wpSite';
import { typeOfCategorySlug, type WpTerms } from './wpTerms';
import { decodeEntities, isWpMedia, wpGmtToIso, type WpMedia, type WpPost } from './wpTypes';
import { parseHTML } from 'linkedom';

export interface RemoteItemDeps {
  readonly client: WpClient;
  readonly terms: WpTerms;
  readonly site: SiteInfo;
  readonly backendId: string;
  readonly plugin: boolean;
  readonly signal: AbortSignal;
}

const SITE_STATUSES: readonly SiteStatus[] = ['draft', 'pending', 'future', 'publish', 'private', 'trash'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A post as Melding's RemoteItem: the body from the stored source while the content is the one
 * it produced (the plugin keeps its hash), else the site's HTML read back through the editor
 * schema; the contact block parsed out of the content; images with their caption, alt and credit.
 */
export async function remoteItemOf(post: WpPost, deps: RemoteItemDeps): Promise<Result<RemoteItem>> {
  const raw = post.content.raw ?? post.content.rendered ?? '';
  const [slugs, tags] = await Promise.all([deps.terms.categorySlugs(post.categories, deps.signal), deps.terms.tagNames(post.tags, deps.signal)]);
  if (!slugs.ok) return slugs;
  if (!tags.ok) return tags;

  // Images: the featured one and those in the content (ours carry no wp-image class: match by address).
  const ids = new Set<number>();
  if (post.featured_media > 0) ids.add(post.featured_media);
  for (const m of raw.matchAll(/wp-image-(\d+)/g)) ids.add(Number(m[1]));
  const source = storedSource(post, raw, deps.plugin);
  for (const id of Object.values(source?.images ?? {})) ids.add(id);
  const attachments: WpMedia[] = [];
  if (ids.size > 0) {
    const got = await deps.client.request('wp/v2/media', { query: { include: [...ids], per_page: 100, context: 'edit' }, signal: deps.signal });
    if (got.ok && Array.isArray(got.value.json)) attachments.push(...got.value.json.filter(isWpMedia));
    else if (!got.ok && got.error.code !== 'backend_forbidden') return got;
  }
  const bySrc = new Map(attachments.map((a) => [a.source_url, a]));
  const images: RemoteImage[] = [];
  const imageFor = (src: string, alt: string): string | null => {
    const attachment = bySrc.get(src) ?? attachments.find((a) => src.startsWith(a.source_url.replace(/\.[a-z0-9]+$/i, '')));
    const remoteMediaId = attachment ? String(attachment.id) : src;
    if (!images.some((i) => i.remoteMediaId === remoteMediaId)) images.push(remoteImage(attachment, src, alt, attachment?.id === post.featured_media));
    return `wp-${remoteMediaId.slice(0, 60)}`;
  };
  const featured = attachments.find((a) => a.id === post.featured_media);
  if (featured) images.push(remoteImage(featured, featured.source_url, featured.alt_text, true));

  const { bodyHtml, contacts: parsedContacts } = splitContent(raw);
  const body = source?.body ?? htmlToRichDoc(bodyHtml, ({ src, alt }) => imageFor(src, alt));
  if (source) for (const id of Object.values(source.images)) {
    const a = attachments.find((x) => x.id === id);
    if (a && !images.some((i) => i.remoteMediaId === String(a.id))) images.push(remoteImage(a, a.source_url, a.alt_text, a.id === post.featured_media));
  }
  const type = slugs.value.map(typeOfCategorySlug).find((t): t is DocumentType => t !== null) ?? slugs.value.find(isDocumentType) ?? 'pressemelding';
  const language = post.meta?.language;
  const meldingId = typeof post.meta?.melding_id === 'string' && UUID.test(post.meta.melding_id) ? post.meta.melding_id : (raw.match(ID_MARKER)?.[1] ?? null);
  const status = SITE_STATUSES.includes(post.status as SiteStatus) ? (post.status as SiteStatus) : 'draft';
  const item: RemoteItem = {
    link: { backend: deps.backendId, remoteId: String(post.id), remoteVersion: deps.plugin ? `v${post.melding_version ?? 0}` : `m${post.modified_gmt}`, url: post.link || null },
    siteStatus: status,
    modifiedAt: wpGmtToIso(post.modified_gmt) ?? new Date(0).toISOString(),
    modifiedBy: (post.melding_modified_by ?? '').slice(0, 200),
    meldingId: meldingId && meldingId !== '' ? meldingId : null,
    type,
    maalform: isMaalform(language) ? language : 'nb',
    title: decodeEntities(post.title.raw ?? post.title.rendered ?? '').slice(0, 1000),
    ingress: decodeEntities((post.excerpt.raw ?? '').replace(/<[^>]*>/g, '')).trim().slice(0, 10_000),
    body,
    bodyHtml: raw.replace(ID_MARKER, '').slice(0, 2_000_000),
    contacts: source?.contacts ?? parsedContacts,
    tags: tags.value.filter((t) => t.length > 0 && t.length <= 100).slice(0, 100),
    embargoAt: status === 'future' ? wpGmtToIso(post.date_gmt) : null,
    images: images.slice(0, 500),
  };
  return item.meldingId === null || UUID.test(item.meldingId) ? ok(item) : err('backend_server_error', 'Unreadable Melding id on the post');
}

interface Source {
  readonly body: RemoteItem['body'];
  readonly contacts: PressContact[];
  readonly images: Record<string, number>;
}

/** The stored source, when the plugin says the content is still the one it produced. */
function storedSource(post: WpPost, raw: string, plugin: boolean): Source | null {
  if (!plugin || typeof post.meta?.melding_source !== 'string' || !post.melding_source_hash) return null;
  if (createHash('sha256').update(raw).digest('hex') !== post.melding_source_hash) return null;
  try {
    const json = JSON.parse(post.meta.melding_source) as { body?: unknown; contacts?: unknown; images?: unknown };
    const body = RichDocSchema.safeParse(json.body);
    const contacts = PressContactSchema.array().max(50).safeParse(json.contacts);
    if (!body.success || !contacts.success) return null;
    const images: Record<string, number> = {};
    if (json.images && typeof json.images === 'object') for (const [k, v] of Object.entries(json.images)) if (typeof v === 'number') images[k] = v;
    return { body: body.data, contacts: contacts.data, images };
  } catch {
    return null;
  }
}

function remoteImage(a: WpMedia | undefined, src: string, alt: string, featured: boolean): RemoteImage {
  const meta = a ? mediaMetaOf(a) : { caption: '', alt, credit: '' };
  const fileName = (a?.media_details?.file ?? src).split('/').pop() ?? 'image';
  return {
    remoteMediaId: (a ? String(a.id) : src).slice(0, 200),
    url: (a?.source_url ?? src).slice(0, 2048),
    fileName: fileName.slice(0, 500),
    mimeType: (a?.mime_type ?? '').slice(0, 100),
    caption: meta.caption.slice(0, 10_000),
    alt: meta.alt.slice(0, 10_000),
    credit: meta.credit.slice(0, 1000),
    featured,
  };
}

/** The body without Melding's contact block and id marker, and the contacts in that block. */
export function splitContent(raw: string): { bodyHtml: string; contacts: PressContact[] } {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${raw.replace(ID_MARKER, '')}</div></body></html>`);
  const root = document.getElementById('root');
  const section = root?.querySelector(`section.${CONTACTS_CLASS}`);
  const contacts: PressContact[] = [];
  if (section) {
    for (const li of [...section.querySelectorAll('li')].slice(0, 50)) {
      const name = li.querySelector('strong')?.textContent?.trim() ?? '';
      const lines = (li.innerHTML as string).split(/<br\s*\/?>/i).map((l) => decodeEntities(l.replace(/<[^>]*>/g, '')).trim());
      const first = lines[0] ?? '';
      const role = first.startsWith(name) ? first.slice(name.length).replace(/^,\s*/, '') : '';
      const phone = lines.find((l) => /^Telefon:/i.test(l))?.replace(/^Telefon:\s*/i, '') ?? '';
      const email = li.querySelector('a[href^="mailto:"]')?.textContent?.trim() ?? '';
      contacts.push({ contactId: null, name: name.slice(0, 200), roleNb: role.slice(0, 200), roleNn: role.slice(0, 200), phone: phone.slice(0, 50), email: email.slice(0, 200) });
    }
    section.remove();
  }
  return { bodyHtml: root?.innerHTML ?? raw, contacts };
}
