import { z } from 'zod';
import { countWords } from '../language/wordCount';
import { DocumentTypeSchema, MaalformSchema, WorkflowStatusSchema, plainText, type Document } from './document';
import { lastSubmitter } from './workflow';

export { countWords };

const IsoInstant = z.iso.datetime({ offset: true });

/** What the library list needs of a document: small enough to keep 20,000 in memory. */
export const DocumentSummarySchema = z
  .object({
    id: z.uuid(),
    type: DocumentTypeSchema,
    maalform: MaalformSchema,
    status: WorkflowStatusSchema,
    title: z.string(),
    excerpt: z.string(),
    authorName: z.string(),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
    embargoAt: IsoInstant.nullable(),
    revision: z.number().int().nonnegative(),
    words: z.number().int().nonnegative(),
    deletedAt: IsoInstant.nullable(),
    /** When it was (last) published; null while it is not on the site. */
    publishedAt: IsoInstant.nullable(),
    /** The profile that last sent it for approval ("returned to me"), or null. */
    submittedBy: z.string().nullable(),
    /** The profile whose approval it carries, or null. */
    approvedBy: z.string().nullable(),
  })
  .strict();
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/** Enough for the one or two lines the list shows; every character here is loaded for every document at open. */
export const EXCERPT_LENGTH = 160;

/** The summary of a document; the excerpt is the ingress, or the start of the body without one. */
export function toSummary(doc: Document): DocumentSummary {
  const body = plainText(doc.body);
  const lead = doc.ingress.trim() || body;
  return {
    id: doc.id,
    type: doc.type,
    maalform: doc.maalform,
    status: doc.status,
    title: doc.title,
    excerpt: truncate(lead.replace(/\s+/g, ' '), EXCERPT_LENGTH),
    authorName: doc.author.name,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    embargoAt: doc.embargoAt,
    revision: doc.revision,
    words: countWords(`${doc.title} ${doc.ingress} ${body}`),
    deletedAt: doc.deletedAt,
    publishedAt: doc.publishedAt,
    submittedBy: lastSubmitter(doc.audit),
    approvedBy: doc.approval?.by.profileId ?? null,
  };
}


function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}
