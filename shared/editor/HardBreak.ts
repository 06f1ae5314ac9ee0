import { HardBreak as TiptapHardBreak } from '@tiptap/extension-hard-break';

/** A line break inside a block (`<br>`). */
export const HardBreak = TiptapHardBreak.configure({ HTMLAttributes: {} });
