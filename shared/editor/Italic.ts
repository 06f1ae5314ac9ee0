import { Italic as TiptapItalic } from '@tiptap/extension-italic';

/** Emphasis, rendered as `<em>`. */
export const Italic = TiptapItalic.configure({ HTMLAttributes: {} });
