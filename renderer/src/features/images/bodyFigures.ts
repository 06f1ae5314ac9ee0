import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';

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

/** Puts a figure at the caret (or at `pos`), as its own block; the caret goes after it unless `pos` is given. */
export function insertFigure(editor: Editor, imageUseId: string, pos?: number): boolean {
  const content = { type: 'figure', attrs: { imageUseId } };
  if (pos === undefined) return editor.chain().focus().insertContent(content).scrollIntoView().run();
  return editor.chain().insertContentAt(Math.max(0, Math.min(pos, editor.state.doc.content.size)), content).run();
}

/** Removes every figure of an image use from the body, in one step of the body's undo history. */
export function removeFigures(editor: Editor, imageUseId: string): void {
  const positions = figurePositions(editor.state.doc, imageUseId);
  if (positions.length === 0) return;
  editor
    .chain()
    .command(({ tr }) => {
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
