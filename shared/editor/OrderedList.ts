import { OrderedList as TiptapOrderedList } from '@tiptap/extension-list';

/** A numbered list of list items (attrs: `start`, and Tiptap's `type`, which is not published). */
export const OrderedList = TiptapOrderedList.configure({ HTMLAttributes: {} });
