import type { ImageUse } from './document';
import type { MediaInfo } from './media';

/**
 * The document's list of image uses, changed the way the images panel changes it. Pure: each
 * function returns a new list and leaves its input alone. Removing a use never touches the
 * stored file: the media store decides what is unused, and only when asked.
 */

/** A new use of a stored image, its texts prefilled from the photo's own metadata. */
export function newImageUse(id: string, media: Pick<MediaInfo, 'id' | 'prefill'>): ImageUse {
  return {
    id,
    mediaId: media.id,
    caption: media.prefill.caption,
    alt: media.prefill.alt,
    credit: media.prefill.credit,
    rights: media.prefill.rights,
    decorative: false,
    featured: false,
  };
}

/** Makes one use the featured image (or none, with `null`): there is never more than one. */
export function setFeatured(uses: readonly ImageUse[], id: string | null): ImageUse[] {
  return uses.map((use) => (use.featured === (use.id === id) ? use : { ...use, featured: use.id === id }));
}

/** Moves a use to another place in the list (clamped to the list). */
export function moveImageUse(uses: readonly ImageUse[], from: number, to: number): ImageUse[] {
  const next = [...uses];
  const [item] = next.splice(from, 1);
  if (!item) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/**
 * Another photo for the same use: the texts the writer has made stay; only the ones still empty
 * are filled from the new photo's metadata.
 */
export function replaceImageMedia(use: ImageUse, media: Pick<MediaInfo, 'id' | 'prefill'>): ImageUse {
  return {
    ...use,
    mediaId: media.id,
    caption: use.caption || media.prefill.caption,
    alt: use.alt || media.prefill.alt,
    credit: use.credit || media.prefill.credit,
    rights: use.rights || media.prefill.rights,
  };
}

/** Changes the texts (or the decorative flag) of one use. */
export function updateImageUse(uses: readonly ImageUse[], id: string, patch: Partial<Pick<ImageUse, 'caption' | 'alt' | 'credit' | 'rights' | 'decorative'>>): ImageUse[] {
  return uses.map((use) => (use.id === id ? { ...use, ...patch } : use));
}
