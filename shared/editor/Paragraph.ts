import { Paragraph as TiptapParagraph } from '@tiptap/extension-paragraph';

/** A paragraph; no classes or styles reach the HTML. */
export const Paragraph = TiptapParagraph.configure({ HTMLAttributes: {} });
