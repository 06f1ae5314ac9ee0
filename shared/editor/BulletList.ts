import { BulletList as TiptapBulletList } from '@tiptap/extension-list';

/** An unordered list of list items. */
export const BulletList = TiptapBulletList.configure({ HTMLAttributes: {} });
