import { z } from 'zod';
import { BackendGrantSchema } from './backendGrantSchema';
import { DocumentTypeSchema, MaalformSchema, PressContactSchema, RemoteLinkSchema, RichDocSchema } from './document';

const IsoInstant = z.iso.datetime({ offset: true });

/** The id of the embedded default backend: a folder of static pages on this machine. */
export const LOCAL_SITE_ID = 'local-site';

/** What withdrawing a published item does on WordPress: back to draft, or into the site's bin. */
export const WithdrawModeSchema = z.enum(['draft', 'trash']);
export type WithdrawMode = z.infer<typeof WithdrawModeSchema>;

/**
 * A configured backend as stored in `backends.json`. Never holds a password: that is sealed by
 * the platform (safeStorage in Electron, an AES-GCM file key in the devhost) and stored apart.
 */
export const BackendConfigSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('local-site'),
      id: z.literal(LOCAL_SITE_ID),
      label: z.string().max(200),
      /** Absolute folder the pages are written to; '' means `<dataDir>/site`. */
      folder: z.string().max(4096),
    })
    .strict(),
  z
    .object({
      kind: z.literal('wordpress'),
      /** Generated once (`wp-` + random); jobs and remote links name it. */
      id: z.string().regex(/^wp-[a-z0-9-]{4,64}$/),
      label: z.string().max(200),
      /** The site's address without /wp-json, e.g. https://www.example.no or http://127.0.0.1:8080. */
      siteUrl: z.url().max(2048),
      userName: z.string().min(1).max(200),
      withdrawMode: WithdrawModeSchema,
    })
    .strict(),
]);
export type BackendConfig = z.infer<typeof BackendConfigSchema>;
export type WordPressConfig = Extract<BackendConfig, { kind: 'wordpress' }>;

/** What the companion plugin (resources/wordpress/melding-companion) on a site reports. */
export const CompanionStatusSchema = z
  .object({
    installed: z.boolean(),
    version: z.string().max(50).nullable(),
  })
  .strict();
export type CompanionStatus = z.infer<typeof CompanionStatusSchema>;

/**
 * What "Test connection" found: who the user is on the site and what they may do, whether the
 * companion plugin is there, and (without it) what is then not possible, as message keys.
 */
export const ConnectionReportSchema = z
  .object({
    grant: BackendGrantSchema,
    companion: CompanionStatusSchema,
    /** Keys under `publishing.limits.*` naming what is not possible on this site (empty: nothing). */
    limits: z.array(z.string().max(100)).max(20),
  })
  .strict();
export type ConnectionReport = z.infer<typeof ConnectionReportSchema>;

/** A backend as the renderer sees it: its settings, whether a password is stored, the last test. */
export const BackendViewSchema = z
  .object({
    config: BackendConfigSchema,
    hasPassword: z.boolean(),
    /** The last successful test, or null (never tested, or settings changed since). */
    lastReport: ConnectionReportSchema.nullable(),
  })
  .strict();
export type BackendView = z.infer<typeof BackendViewSchema>;

/** The form in Settings: a new WordPress backend (id null) or a change to one. */
export const WordPressDraftSchema = z
  .object({
    id: z.string().max(100).nullable(),
    label: z.string().max(200),
    siteUrl: z.string().max(2048),
    userName: z.string().max(200),
    /** A new application password; null keeps the stored one. */
    password: z.string().max(500).nullable(),
    withdrawMode: WithdrawModeSchema,
  })
  .strict();
export type WordPressDraft = z.infer<typeof WordPressDraftSchema>;

/** An image of an item on the site. */
export const RemoteImageSchema = z
  .object({
    remoteMediaId: z.string().min(1).max(200),
    url: z.string().max(2048),
    fileName: z.string().max(500),
    mimeType: z.string().max(100),
    caption: z.string().max(10_000),
    alt: z.string().max(10_000),
    credit: z.string().max(1000),
    featured: z.boolean(),
  })
  .strict();
export type RemoteImage = z.infer<typeof RemoteImageSchema>;

/** The state of the site's post: WordPress's own status names. */
export const SiteStatusSchema = z.enum(['draft', 'pending', 'future', 'publish', 'private', 'trash']);
export type SiteStatus = z.infer<typeof SiteStatusSchema>;

/**
 * An item as it is on the site: for the conflict view (beside the local text) and for pulling
 * pending items into the library. `body` is the site's HTML read back into Melding's rich text;
 * `bodyHtml` is what the site holds, for showing as it is.
 */
export const RemoteItemSchema = z
  .object({
    link: RemoteLinkSchema,
    siteStatus: SiteStatusSchema,
    /** The site's last change (UTC) and who made it (display name, '' when not known). */
    modifiedAt: IsoInstant,
    modifiedBy: z.string().max(200),
    /** The Melding document id stored on the item (companion plugin), or null for items made on the site. */
    meldingId: z.uuid().nullable(),
    type: DocumentTypeSchema,
    maalform: MaalformSchema,
    title: z.string().max(1000),
    ingress: z.string().max(10_000),
    body: RichDocSchema,
    bodyHtml: z.string().max(2_000_000),
    contacts: z.array(PressContactSchema).max(50),
    tags: z.array(z.string().min(1).max(100)).max(100),
    embargoAt: IsoInstant.nullable(),
    images: z.array(RemoteImageSchema).max(500),
  })
  .strict();
export type RemoteItem = z.infer<typeof RemoteItemSchema>;

/** A long step under way (image uploads, writing pages): `done` of `total` in `phase`. */
export const PublishingProgressSchema = z
  .object({
    jobId: z.uuid(),
    documentId: z.uuid(),
    /** 'prepare' | 'media' | 'post' | 'verify' | 'pages' (message keys publishing.phase.*). */
    phase: z.string().max(50),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    /** Set once when the job has finished (ok or not); the renderer clears its bar. */
    finished: z.boolean(),
  })
  .strict();
export type PublishingProgress = z.infer<typeof PublishingProgressSchema>;

/**
 * A pull for review under way: 'list' while the site is asked what waits, then 'items' with
 * `done` of `total` items stored (with their images); `finished` once at the end.
 */
export const PullProgressSchema = z
  .object({
    phase: z.enum(['list', 'items']),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    finished: z.boolean(),
  })
  .strict();
export type PullProgress = z.infer<typeof PullProgressSchema>;

/** The runner: whether it sends now, and why not. */
export const PublishingStatusSchema = z
  .object({
    /** 'running' sends; 'paused' (MELDING_OUTBOX_RUNNER=paused, tests); 'offline' waits for the network. */
    state: z.enum(['running', 'paused', 'offline']),
    activeBackendId: z.string().max(200),
    /** Jobs being sent now, with their progress. */
    current: z.array(PublishingProgressSchema).max(50),
  })
  .strict();
export type PublishingStatus = z.infer<typeof PublishingStatusSchema>;

/**
 * A blocked job's conflict: the local document (as it would be sent) beside the item as it is
 * on the site now. The user keeps the site's version, keeps theirs, or merges by hand.
 */
export const ConflictViewSchema = z
  .object({
    jobId: z.uuid(),
    documentId: z.uuid(),
    /** The remote version Melding last saw, and the one on the site now. */
    knownVersion: z.string().max(200),
    site: RemoteItemSchema,
  })
  .strict();
export type ConflictView = z.infer<typeof ConflictViewSchema>;

export const ConflictChoiceSchema = z.enum(['site', 'mine', 'merged']);
export type ConflictChoice = z.infer<typeof ConflictChoiceSchema>;
