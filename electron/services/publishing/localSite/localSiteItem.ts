import { z } from 'zod';
import { RemoteItemSchema, SiteStatusSchema } from '../../../../shared/domain/publishing';

const IsoInstant = z.iso.datetime({ offset: true });

/** An image as the local site holds it: copies of the store's renditions under `media/`. */
export const LocalSiteImageSchema = z.object({
  /** The ImageUse id in the document (figures in the body point at it). */
  useId: z.string().min(1).max(64),
  mediaId: z.string().regex(/^[a-f0-9]{64}$/),
  /** The 1200 px copy, relative to the site folder (what the pages show). */
  src: z.string().max(300),
  /** The largest copy (at most 2400 px; the original, which may carry GPS, never leaves the store). */
  large: z.string().max(300),
  fileName: z.string().max(500),
  mimeType: z.string().max(100),
  caption: z.string().max(10_000),
  alt: z.string().max(10_000),
  credit: z.string().max(1000),
  rights: z.string().max(1000),
  decorative: z.boolean(),
  featured: z.boolean(),
});
export type LocalSiteImage = z.infer<typeof LocalSiteImageSchema>;

/**
 * `items/<docId>.json`: everything published of one item, its status on the site and who last
 * changed it. Its SHA-256 (of the bytes as written) is the item's remote version: a hand edit
 * changes it, and Melding then refuses to overwrite without a person deciding.
 */
export const LocalSiteItemSchema = z.object({
  format: z.literal(1),
  meldingId: z.uuid(),
  siteStatus: SiteStatusSchema,
  /** The Melding workflow status the last step left (for the record; the site shows only published items). */
  workflowStatus: z.string().max(50),
  /** For a scheduled item: when it goes up. */
  scheduledFor: IsoInstant.nullable(),
  publishedAt: IsoInstant.nullable(),
  modifiedAt: IsoInstant,
  modifiedBy: z.string().max(200),
  /** The outbox job that wrote this version (running it again writes the same bytes). */
  lastJobId: z.string().max(100),
  /** The item's page, relative to the site folder, while it is published. */
  page: z.string().max(300).nullable(),
  /** The published fields, as the site's RemoteItem has them. */
  ...RemoteItemSchema.pick({ type: true, maalform: true, title: true, ingress: true, body: true, bodyHtml: true, contacts: true, tags: true, embargoAt: true }).shape,
  images: z.array(LocalSiteImageSchema).max(500),
});
export type LocalSiteItem = z.infer<typeof LocalSiteItemSchema>;

/** The item JSON exactly as written (stable key order, two-space indent, final newline). */
export function serializeItem(item: LocalSiteItem): string {
  return `${JSON.stringify(item, null, 2)}\n`;
}
