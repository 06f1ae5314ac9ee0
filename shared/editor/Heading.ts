import { Heading as TiptapHeading } from '@tiptap/extension-heading';

/** The heading levels a body may use: the title is the page's h1, so the body starts at h2. */
export const HEADING_LEVELS = [2, 3] as const;

/**
 * A sub-heading, level 2 or 3. The default level is 2 (Tiptap's is 1), so a heading without a
 * level never becomes a second title.
 */
export const Heading = TiptapHeading.extend({
  addAttributes() {
    return { level: { default: HEADING_LEVELS[0], rendered: false } };
  },
}).configure({ levels: [...HEADING_LEVELS], HTMLAttributes: {} });
