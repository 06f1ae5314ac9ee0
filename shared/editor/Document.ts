import { Document as TiptapDocument } from '@tiptap/extension-document';

/** The root of a body: one or more blocks. */
export const Document = TiptapDocument;
