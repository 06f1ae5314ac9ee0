import { Bold as TiptapBold } from '@tiptap/extension-bold';

/** Strong emphasis, rendered as `<strong>`. */
export const Bold = TiptapBold.configure({ HTMLAttributes: {} });
