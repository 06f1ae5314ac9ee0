import type { Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import type { Node as PmNode } from '@tiptap/pm/model';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';

/** Where figures of an image use stand in the body (document positions, in order). */
export function figurePositions(doc: PmNode, imageUseId: string): number[] {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'figure' && node.attrs.imageUseId === imageUseId) found.push(pos);
    return node.isBlock && !node.isTextblock;
  });
  return found;
}

/** The image use ids the body shows, sorted and joined: a cheap, comparable editor-state selector. */
export function figureIdsKey(doc: PmNode): string {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === 'figure') ids.add(String(node.attrs.imageUseId));
    return node.isBlock && !node.isTextblock;
  });
  return [...ids].sort().join(' ');
}

/**
 * Puts a figure at the caret (or at `pos`), as its own block. At the caret, writing goes on in
 * the paragraph after it (made when there is none), never with the figure selected, where the
 * next key typed would replace it.
 */
export function insertFigure(editor: Editor, imageUseId: string, pos?: number): boolean {
  const content = { type: 'figure', attrs: { imageUseId } };
  if (pos !== undefined) return editor.chain().insertContentAt(Math.max(0, Math.min(pos, editor.state.doc.content.size)), content).run();
  return editor
    .chain()
    .focus()
    .insertContent(content)
    .command(({ tr, dispatch }) => {
      const { selection } = tr;
      if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'figure') return true;
      const after = selection.to;
      const next = tr.doc.nodeAt(after);
      const paragraph = tr.doc.type.schema.nodes.paragraph;
      if (!next?.isTextblock) {
        if (!paragraph) return true;
        tr.insert(after, paragraph.create());
      }
      if (dispatch) tr.setSelection(TextSelection.create(tr.doc, after + 1));
      return true;
    })
    .scrollIntoView()
    .run();
}

/** Removes every figure of an image use from the body, as one step of its own in the body's undo history. */
export function removeFigures(editor: Editor, imageUseId: string): void {
  const positions = figurePositions(editor.state.doc, imageUseId);
  if (positions.length === 0) return;
  editor
    .chain()
    .command(({ tr }) => {
      closeHistory(tr);
      for (const pos of positions.reverse()) {
        const node = tr.doc.nodeAt(pos);
        if (node) tr.delete(pos, pos + node.nodeSize);
      }
      return true;
    })
    .run();
}

/** Selects the first figure of an image use in the body and shows it. */
export function selectFigure(editor: Editor, imageUseId: string): boolean {
  const [pos] = figurePositions(editor.state.doc, imageUseId);
  if (pos === undefined) return false;
  return editor.chain().focus().setNodeSelection(pos).scrollIntoView().run();
}
