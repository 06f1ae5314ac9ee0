import { Text as TiptapText } from '@tiptap/extension-text';

/** Inline text. */
export const Text = TiptapText;
