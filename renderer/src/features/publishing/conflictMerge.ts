import type { DocumentContent, ImageUse } from '../../../../shared/domain/document';
import type { RemoteImage, RemoteItem } from '../../../../shared/domain/publishing';
import { bodyToHtml } from '../../../../shared/editor/serializeHtml';

/** The parts of a press release the conflict view puts side by side, in the order of the form. */
export const CONFLICT_FIELDS = ['title', 'ingress', 'body', 'tags', 'embargoAt', 'images'] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

export type Side = 'mine' | 'site';
export type FieldPicks = Record<ConflictField, Side>;

/** The words of an image that a person reads: what the comparison and a merge look at. */
export interface ImageWords {
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
}

/** Figures are compared by their words (listed apart), so the body compares text and structure only. */
export function bodyHtmlWithoutFigures(body: DocumentContent['body']): string {
  return bodyToHtml(body, { figure: () => '' });
}

const words = (image: ImageWords): ImageWords => ({ alt: image.alt.trim(), caption: image.caption.trim(), credit: image.credit.trim() });

/** The images in reading order: the featured one first, as both the site and the preview put it. */
export function orderedImages<T extends { featured: boolean }>(images: readonly T[]): T[] {
  return [...images.filter((i) => i.featured), ...images.filter((i) => !i.featured)];
}

const normaliseTags = (tags: readonly string[]) => [...new Set(tags.map((tag) => tag.trim().toLocaleLowerCase('nb')))].sort();

/**
 * Which fields differ between the local text and the site's. Whitespace at the ends, the order
 * and case of tags, and the same instant written two ways do not count as a difference.
 */
export function differingFields(mine: DocumentContent, site: RemoteItem): ReadonlySet<ConflictField> {
  const out = new Set<ConflictField>();
  if (mine.title.trim() !== site.title.trim()) out.add('title');
  if (mine.ingress.trim() !== site.ingress.trim()) out.add('ingress');
  if (bodyHtmlWithoutFigures(mine.body) !== bodyHtmlWithoutFigures(site.body)) out.add('body');
  if (JSON.stringify(normaliseTags(mine.tags)) !== JSON.stringify(normaliseTags(site.tags))) out.add('tags');
  const instant = (iso: string | null) => (iso === null ? null : new Date(iso).getTime());
  if (instant(mine.embargoAt) !== instant(site.embargoAt)) out.add('embargoAt');
  const mineImages = orderedImages(mine.images).map(words);
  const siteImages = orderedImages(site.images).map(words);
  if (JSON.stringify(mineImages) !== JSON.stringify(siteImages)) out.add('images');
  return out;
}

/**
 * Whether the site's image texts can be taken onto the local images: only when both have the
 * same number of images, matched in reading order. (The site's files themselves come with
 * "keep the site's version", which fetches them.)
 */
export function siteImagesMergeable(mine: DocumentContent, site: RemoteItem): boolean {
  return mine.images.length === site.images.length;
}

/** The starting point of a merge by hand: everything as in the local text. */
export function initialPicks(): FieldPicks {
  return { title: 'mine', ingress: 'mine', body: 'mine', tags: 'mine', embargoAt: 'mine', images: 'mine' };
}

/**
 * The text a hand merge saves and sends: per field the chosen side, the title and ingress as
 * the user edited them, and everything the site does not hold (type, contacts, the internal
 * note, the images' files and rights) from the local text.
 */
export function mergedContent(mine: DocumentContent, site: RemoteItem, picks: FieldPicks, edited: { readonly title: string; readonly ingress: string }): DocumentContent {
  return {
    ...mine,
    title: edited.title,
    ingress: edited.ingress,
    body: picks.body === 'site' ? site.body : mine.body,
    tags: picks.tags === 'site' ? [...site.tags] : [...mine.tags],
    embargoAt: picks.embargoAt === 'site' ? site.embargoAt : mine.embargoAt,
    images: picks.images === 'site' && siteImagesMergeable(mine, site) ? withSiteWords(mine.images, site.images) : [...mine.images],
  };
}

function withSiteWords(mine: readonly ImageUse[], site: readonly RemoteImage[]): ImageUse[] {
  const siteOrdered = orderedImages(site);
  const mineOrdered = orderedImages(mine);
  const byId = new Map(mineOrdered.map((use, index) => [use.id, siteOrdered[index]] as const));
  return mine.map((use) => {
    const remote = byId.get(use.id);
    return remote ? { ...use, alt: remote.alt, caption: remote.caption, credit: remote.credit, decorative: use.decorative && remote.alt === '' } : use;
  });
}
