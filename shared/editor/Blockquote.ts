import { Blockquote as TiptapBlockquote } from '@tiptap/extension-blockquote';

/** A quotation of one or more blocks. */
export const Blockquote = TiptapBlockquote.configure({ HTMLAttributes: {} });
