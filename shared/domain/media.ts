import { z } from 'zod';
import { RENDITION_NAMES } from './mediaPaths';

export { MEDIA_MAX_BYTES, mediaUrl, RENDITION_NAMES } from './mediaPaths';

/**
 * Media: photos added to documents. A photo is stored once, under the SHA-256 of its original
 * bytes (its content address), with web renditions made from it. The original stays on this
 * machine (it may carry GPS); renditions carry no EXIF/XMP/IPTC and are what gets published.
 */

/** SHA-256 (hex) of the ORIGINAL file bytes: the same photo added twice is stored once. */
export const MediaIdSchema = z.string().regex(/^[a-f0-9]{64}$/);
export type MediaId = z.infer<typeof MediaIdSchema>;

/** Web renditions: longest side 2400, 1200 and 600 px (never upscaled), and a library thumbnail. */
export const RenditionNameSchema = z.enum(RENDITION_NAMES);
export type RenditionName = z.infer<typeof RenditionNameSchema>;

export const RenditionSchema = z
  .object({
    name: RenditionNameSchema,
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    bytes: z.number().int().nonnegative(),
    mime: z.string().min(1).max(100),
  })
  .strict();
export type Rendition = z.infer<typeof RenditionSchema>;

/** Text found in the photo's own IPTC/XMP metadata, '' when absent; the user edits it per use. */
export const MediaPrefillSchema = z
  .object({
    caption: z.string().max(2000),
    alt: z.string().max(2000),
    credit: z.string().max(300),
    rights: z.string().max(1000),
  })
  .strict();
export type MediaPrefill = z.infer<typeof MediaPrefillSchema>;

export const MediaInfoSchema = z
  .object({
    id: MediaIdSchema,
    fileName: z.string().max(500),
    /** Of the original. */
    mime: z.string().min(1).max(100),
    /** As displayed, after EXIF orientation. */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** Size of the original. */
    bytes: z.number().int().nonnegative(),
    renditions: z.array(RenditionSchema).max(RENDITION_NAMES.length),
    prefill: MediaPrefillSchema,
    addedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type MediaInfo = z.infer<typeof MediaInfoSchema>;

