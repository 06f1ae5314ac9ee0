import { z } from 'zod';
import { plainText } from './plainText';
import { ApprovalSchema, AuditEntrySchema } from './workflowRecord';
import { DOCUMENT_TYPES, MAALFORMER, WORKFLOW_STATUSES, type DocumentType, type Maalform } from './vocabulary';

export { plainText };
export type { DocumentType, Maalform, WorkflowStatus } from './vocabulary';

/** The version of the stored document format; `documentMigrations.ts` brings older files here. */
export const DOCUMENT_SCHEMA_VERSION = 2;

export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);

export const MaalformSchema = z.enum(MAALFORMER);

export const WorkflowStatusSchema = z.enum(WORKFLOW_STATUSES);

const IsoInstant = z.iso.datetime({ offset: true });

/**
 * A Tiptap/ProseMirror node as JSON. Deep shape checks belong to the editor schema; this guards
 * the store against non-JSON-document junk and absurd nesting.
 */
export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}
export const RichNodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1).max(64),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(RichNodeSchema).optional(),
      marks: z.array(z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() })).optional(),
      text: z.string().optional(),
    })
    .strict(),
);
export const RichDocSchema = z.object({ type: z.literal('doc'), content: z.array(RichNodeSchema).optional() }).strict();
export type RichDoc = z.infer<typeof RichDocSchema>;

export const EMPTY_BODY: RichDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** A press contact as printed in the document (a copy of a register entry, so old releases keep theirs). */
export const PressContactSchema = z
  .object({
    contactId: z.string().max(64).nullable(),
    name: z.string().max(200),
    roleNb: z.string().max(200),
    roleNn: z.string().max(200),
    phone: z.string().max(50),
    email: z.string().max(200),
  })
  .strict();
export type PressContact = z.infer<typeof PressContactSchema>;

/** One use of a stored image in this document, with what is published beside it. */
export const ImageUseSchema = z
  .object({
    id: z.string().min(1).max(64),
    /** Content address (SHA-256) of the image in the media store. */
    mediaId: z.string().regex(/^[a-f0-9]{64}$/),
    caption: z.string().max(2000),
    alt: z.string().max(2000),
    credit: z.string().max(300),
    rights: z.string().max(1000),
    decorative: z.boolean(),
    featured: z.boolean(),
  })
  .strict();
export type ImageUse = z.infer<typeof ImageUseSchema>;

export const AuthorSchema = z.object({ name: z.string().max(200), email: z.string().max(200) }).strict();
export type Author = z.infer<typeof AuthorSchema>;

/** Where the document lives on a backend, once it has been sent there. */
export const RemoteLinkSchema = z
  .object({
    backend: z.string().min(1).max(200),
    remoteId: z.string().min(1).max(200),
    /** The backend's version marker Melding last saw, to detect changes made on the site. */
    remoteVersion: z.string().max(200),
    url: z.string().max(2048).nullable(),
  })
  .strict();
export type RemoteLink = z.infer<typeof RemoteLinkSchema>;

export const DocumentSchema = z
  .object({
    schemaVersion: z.literal(DOCUMENT_SCHEMA_VERSION),
    id: z.uuid(),
    type: DocumentTypeSchema,
    maalform: MaalformSchema,
    title: z.string().max(1000),
    ingress: z.string().max(10_000),
    body: RichDocSchema,
    contacts: z.array(PressContactSchema).max(50),
    images: z.array(ImageUseSchema).max(500),
    tags: z.array(z.string().min(1).max(100)).max(100),
    /** Sperrefrist: an instant (stored in UTC), shown and entered in Europe/Oslo time. */
    embargoAt: IsoInstant.nullable(),
    /** "Priv. til red.": for editors only, never published. */
    internalNote: z.string().max(10_000),
    status: WorkflowStatusSchema,
    author: AuthorSchema,
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
    /** Goes up by one on every saved change; a save must name the revision it builds on. */
    revision: z.number().int().nonnegative(),
    remote: RemoteLinkSchema.nullable(),
    /** The editor's approval of the current text; cleared (revoked) when the text changes. */
    approval: ApprovalSchema.nullable(),
    /** Every workflow step, oldest first. */
    audit: z.array(AuditEntrySchema).max(10_000),
    /** When the document was (last) published, or null while it is not on the site. */
    publishedAt: IsoInstant.nullable(),
    /** Set when the document is in the bin. */
    deletedAt: IsoInstant.nullable(),
  })
  .strict();
export type Document = z.infer<typeof DocumentSchema>;

/** What the editor changes; everything else is the store's or the workflow's business. */
export const DocumentContentSchema = DocumentSchema.pick({
  type: true,
  maalform: true,
  title: true,
  ingress: true,
  body: true,
  contacts: true,
  images: true,
  tags: true,
  embargoAt: true,
  internalNote: true,
});
export type DocumentContent = z.infer<typeof DocumentContentSchema>;

/** A new, empty document. Pure: the caller gives the id, the clock and the author. */
export function newDocument(init: { id: string; now: Date; author: Author; type?: DocumentType; maalform?: Maalform }): Document {
  const at = init.now.toISOString();
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id: init.id,
    type: init.type ?? 'pressemelding',
    maalform: init.maalform ?? 'nb',
    title: '',
    ingress: '',
    body: structuredClone(EMPTY_BODY),
    contacts: [],
    images: [],
    tags: [],
    embargoAt: null,
    internalNote: '',
    status: 'utkast',
    author: init.author,
    createdAt: at,
    updatedAt: at,
    revision: 0,
    remote: null,
    approval: null,
    audit: [],
    publishedAt: null,
    deletedAt: null,
  };
}
