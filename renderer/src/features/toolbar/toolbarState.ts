import type { Editor } from '@tiptap/core';
import { setBlockType, wrapIn } from '@tiptap/pm/commands';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { wrapInList } from '@tiptap/pm/schema-list';

/** What the toolbar shows; flat booleans so a keystroke that changes none of them re-renders nothing. */
export interface ToolbarState {
  readonly block: 'paragraph' | 'h2' | 'h3' | 'other';
  readonly bold: boolean;
  readonly italic: boolean;
  readonly bulletList: boolean;
  readonly orderedList: boolean;
  readonly blockquote: boolean;
  readonly link: boolean;
  readonly can: {
    readonly paragraph: boolean;
    readonly h2: boolean;
    readonly h3: boolean;
    readonly bold: boolean;
    readonly italic: boolean;
    readonly bulletList: boolean;
    readonly orderedList: boolean;
    readonly blockquote: boolean;
    readonly link: boolean;
    readonly undo: boolean;
    readonly redo: boolean;
  };
}

/**
 * Reads the toolbar's state from the editor (the `useEditorState` selector, run on every
 * transaction). Uses ProseMirror's commands without dispatch and the history depths instead of
 * Tiptap's `can()` chains, which build a transaction each: this runs on every keystroke.
 */
export function selectToolbarState(editor: Editor): ToolbarState {
  const { state } = editor;
  const { schema } = state;
  const parent = state.selection.$from.parent;
  const level = parent.type.name === 'heading' ? (parent.attrs['level'] as number) : 0;
  const block = parent.type.name === 'paragraph' ? 'paragraph' : level === 2 ? 'h2' : level === 3 ? 'h3' : 'other';
  const heading = schema.nodes['heading'];
  const paragraph = schema.nodes['paragraph'];
  const bulletList = schema.nodes['bulletList'];
  const orderedList = schema.nodes['orderedList'];
  const blockquote = schema.nodes['blockquote'];
  const inBullet = editor.isActive('bulletList');
  const inOrdered = editor.isActive('orderedList');
  const inQuote = editor.isActive('blockquote');
  const text = editor.isEditable && parent.inlineContent;
  return {
    block,
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    bulletList: inBullet,
    orderedList: inOrdered,
    blockquote: inQuote,
    link: editor.isActive('link'),
    can: {
      paragraph: !!paragraph && setBlockType(paragraph)(state),
      h2: !!heading && setBlockType(heading, { level: 2 })(state),
      h3: !!heading && setBlockType(heading, { level: 3 })(state),
      bold: text,
      italic: text,
      // In a list, the list buttons switch the kind of list or take the items out of it.
      bulletList: inBullet || inOrdered || (!!bulletList && wrapInList(bulletList)(state)),
      orderedList: inBullet || inOrdered || (!!orderedList && wrapInList(orderedList)(state)),
      blockquote: inQuote || (!!blockquote && wrapIn(blockquote)(state)),
      link: text,
      undo: undoDepth(state) > 0,
      redo: redoDepth(state) > 0,
    },
  };
}
