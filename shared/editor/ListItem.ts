import { ListItem as TiptapListItem } from '@tiptap/extension-list';

/** One item of a bullet or ordered list: a paragraph, then any blocks. */
export const ListItem = TiptapListItem.configure({ HTMLAttributes: {} });
