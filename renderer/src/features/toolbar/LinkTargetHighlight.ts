import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const key = new PluginKey<DecorationSet>('linkTargetHighlight');

/**
 * Keeps the text a link is being made for visibly marked while the link popover has the focus
 * (the browser stops painting the selection when the editor loses it).
 */
export const LinkTargetHighlight = Extension.create({
  name: 'linkTargetHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const range = tr.getMeta(key) as { from: number; to: number } | null | undefined;
            if (range === undefined) return set.map(tr.mapping, tr.doc);
            return range && range.to > range.from ? DecorationSet.create(tr.doc, [Decoration.inline(range.from, range.to, { class: 'link-target' })]) : DecorationSet.empty;
          },
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

/** A transaction that marks `range` (or clears the mark with null). */
export function highlightLinkTarget(state: EditorState, range: { from: number; to: number } | null): Transaction {
  return state.tr.setMeta(key, range).setMeta('addToHistory', false);
}
