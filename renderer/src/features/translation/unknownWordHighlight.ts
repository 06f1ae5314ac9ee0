import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { UnknownWord } from '../../../../shared/domain/translation';

export const unknownWordKey = new PluginKey<DecorationSet>('translationUnknownWords');

/** Document ranges of the body's unknown words: the n-th textblock, then offsets within it. */
export function bodyRanges(doc: ProseMirrorNode, words: readonly UnknownWord[]): { from: number; to: number; word: UnknownWord }[] {
  const starts: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      starts.push(pos + 1);
      return false;
    }
    return true;
  });
  const ranges: { from: number; to: number; word: UnknownWord }[] = [];
  for (const word of words) {
    if (word.field !== 'body') continue;
    const start = starts[word.index];
    if (start === undefined) continue;
    const from = start + word.from;
    const to = start + word.to;
    if (to <= doc.content.size && doc.textBetween(from, to) === word.word) ranges.push({ from, to, word });
  }
  return ranges;
}

/**
 * Marks the unknown words in the body (a decoration, never stored), kept in place as the
 * writer edits around them. Answers a function that removes the marks again.
 */
export function highlightUnknownWords(editor: Editor, words: readonly UnknownWord[]): () => void {
  const plugin = new Plugin<DecorationSet>({
    key: unknownWordKey,
    state: {
      init: (_, state) =>
        DecorationSet.create(
          state.doc,
          bodyRanges(state.doc, words).map((r) => Decoration.inline(r.from, r.to, { class: 'translate-unknown' }, { word: r.word })),
        ),
      apply: (tr, set) => set.map(tr.mapping, tr.doc),
    },
    props: { decorations: (state) => unknownWordKey.getState(state) },
  });
  editor.registerPlugin(plugin);
  return () => {
    if (!editor.isDestroyed) editor.unregisterPlugin(unknownWordKey);
  };
}

/** Where an unknown word of the body is now (after edits), or null once it is gone. */
export function currentRange(editor: Editor, word: UnknownWord): { from: number; to: number } | null {
  const set = unknownWordKey.getState(editor.state);
  const found = set?.find(undefined, undefined, (spec) => spec.word === word)[0];
  return found && found.to > found.from ? { from: found.from, to: found.to } : null;
}
