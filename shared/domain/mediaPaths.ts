/**
 * What the renderer needs to know about media without the zod schemas of `media.ts` (zod would
 * be bundled into the editor chunk, and its eval probe trips the Content Security Policy).
 */

export const RENDITION_NAMES = ['w2400', 'w1200', 'w600', 'thumb'] as const;
export type RenditionName = (typeof RENDITION_NAMES)[number];

/** The display path of a rendition, the same on both hosts (same origin as the renderer). */
export function mediaUrl(id: string, rendition: RenditionName): string {
  return `/media/${id}/${rendition}`;
}

/** Largest original accepted, checked before anything is decoded. */
export const MEDIA_MAX_BYTES = 100 * 1024 * 1024;
