import type { Editor } from '@tiptap/core';

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

/** Reads the toolbar's state from the editor (the `useEditorState` selector). */
export function selectToolbarState(editor: Editor): ToolbarState {
  const parent = editor.state.selection.$from.parent;
  const level = parent.type.name === 'heading' ? (parent.attrs['level'] as number) : 0;
  const block = parent.type.name === 'paragraph' ? 'paragraph' : level === 2 ? 'h2' : level === 3 ? 'h3' : 'other';
  const can = editor.can();
  return {
    block,
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    link: editor.isActive('link'),
    can: {
      paragraph: can.setParagraph(),
      h2: can.setHeading({ level: 2 }),
      h3: can.setHeading({ level: 3 }),
      bold: can.toggleBold(),
      italic: can.toggleItalic(),
      bulletList: can.toggleBulletList(),
      orderedList: can.toggleOrderedList(),
      blockquote: can.toggleBlockquote(),
      link: editor.isEditable && parent.inlineContent,
      undo: can.undo(),
      redo: can.redo(),
    },
  };
}
