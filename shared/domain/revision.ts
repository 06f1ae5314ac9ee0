import { z } from 'zod';

export const RevisionKindSchema = z.enum(['created', 'periodic', 'manual', 'status', 'before-restore', 'restore', 'before-import', 'import', 'recovered', 'before-translate', 'translate', 'before-conflict']);
export type RevisionKind = z.infer<typeof RevisionKindSchema>;

/** One snapshot in a document's history, as the history panel lists it. */
export const RevisionInfoSchema = z
  .object({
    /** Sequence within the document, zero-padded so names sort. */
    id: z.string().regex(/^\d{6}$/),
    /** The document's revision number when the snapshot was taken. */
    docRevision: z.number().int().nonnegative(),
    kind: RevisionKindSchema,
    at: z.iso.datetime({ offset: true }),
    authorName: z.string(),
    /** Size of the text (title, ingress and body) in characters. */
    chars: z.number().int().nonnegative(),
    title: z.string(),
  })
  .strict();
export type RevisionInfo = z.infer<typeof RevisionInfoSchema>;
