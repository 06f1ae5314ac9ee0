// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { RichNode } from '../../../../shared/domain/document';
import { editorExtensions } from '../../../../renderer/src/features/editor/editorExtensions';
import { selectToolbarState } from '../../../../renderer/src/features/toolbar/toolbarState';

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

function open(...content: RichNode[]): Editor {
  editor = new Editor({ extensions: editorExtensions, content: { type: 'doc', content } });
  return editor;
}
const p = (text: string): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('selectToolbarState', () => {
  it('follows the block, the marks and the history', () => {
    const e = open(p('Tekst'));
    e.commands.setTextSelection(3);
    expect(selectToolbarState(e)).toMatchObject({ block: 'paragraph', bold: false, can: { h2: true, bold: true, undo: false, redo: false } });
    e.commands.setHeading({ level: 2 });
    expect(selectToolbarState(e)).toMatchObject({ block: 'h2', can: { paragraph: true, h3: true, undo: true } });
    e.commands.undo();
    expect(selectToolbarState(e)).toMatchObject({ block: 'paragraph', can: { redo: true } });
    e.chain().setTextSelection({ from: 1, to: 6 }).toggleBold().run();
    expect(selectToolbarState(e).bold).toBe(true);
  });

  it('in a list: the list buttons switch or lift, a heading is not possible', () => {
    const e = open({ type: 'bulletList', content: [{ type: 'listItem', content: [p('punkt')] }] });
    e.commands.setTextSelection(4);
    expect(selectToolbarState(e)).toMatchObject({ bulletList: true, orderedList: false, can: { bulletList: true, orderedList: true, h2: false } });
  });

  it('in a blockquote and on a link', () => {
    const e = open({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'sitat', marks: [{ type: 'link', attrs: { href: 'https://www.regjeringen.no' } }] }] }] });
    e.commands.setTextSelection(4);
    expect(selectToolbarState(e)).toMatchObject({ blockquote: true, link: true, can: { blockquote: true, link: true } });
  });
});
