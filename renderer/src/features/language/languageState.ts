import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { PluginKey, type EditorState, type Selection, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { BlockStats, CheckedBlock, LanguageIssue } from '../../../../shared/domain/language';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { blockText } from './blockText';

/**
 * The language check's state inside the editor, kept incremental so typing stays cheap: every
 * transaction maps the decoration sets through its mapping (never rebuilding them) and marks only
 * the top-level blocks it touched as dirty. Sets:
 * - `issues`: the underlines shown;
 * - `held`: issues in the word the caret is in, shown once the caret leaves it;
 * - `sentences`: long sentences, shown when the user asks for them;
 * - `blocks`: never drawn — one node decoration per top-level block that is checked or being
 *   checked, carrying the request key and the block's figures. A block without one is dirty.
 */
export interface LanguageState {
  readonly maalform: Maalform | null;
  readonly issues: DecorationSet;
  readonly held: DecorationSet;
  readonly sentences: DecorationSet;
  readonly blocks: DecorationSet;
  /** `${kind}:${word}` the user chose to ignore in this document for this session. */
  readonly ignored: ReadonlySet<string>;
  /** Goes up whenever a block becomes dirty, so the scheduler knows to wait for a pause. */
  readonly dirtyVersion: number;
  /** Goes up whenever the shown issues or the figures change (for the summary). */
  readonly resultVersion: number;
  readonly showSentences: boolean;
  /** The issue whose menu is open (highlighted and used as the menu's anchor). */
  readonly active: { readonly from: number; readonly to: number } | null;
}

export interface IssueSpec {
  readonly kind: LanguageIssue['kind'];
  readonly word: string;
  readonly suggestion: string | null;
}

export interface BlockSpec {
  readonly key: string;
  readonly stats: BlockStats | null;
}

/** A block handed to the service: its key and document range, and its long sentences (computed here). */
export interface SentBlock {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly longSentences: readonly { readonly from: number; readonly to: number }[];
}

export type LanguageMeta =
  | { readonly type: 'maalform'; readonly maalform: Maalform }
  | { readonly type: 'recheck' }
  | { readonly type: 'sent'; readonly blocks: readonly SentBlock[] }
  | { readonly type: 'results'; readonly maalform: Maalform; readonly blocks: readonly CheckedBlock[] }
  | { readonly type: 'ignore'; readonly kind: LanguageIssue['kind']; readonly word: string }
  | { readonly type: 'showSentences'; readonly show: boolean }
  | { readonly type: 'active'; readonly range: { readonly from: number; readonly to: number } | null }
  | { readonly type: 'release' };

export const languageKey = new PluginKey<LanguageState>('languageCheck');

export function initialLanguageState(): LanguageState {
  return {
    maalform: null,
    issues: DecorationSet.empty,
    held: DecorationSet.empty,
    sentences: DecorationSet.empty,
    blocks: DecorationSet.empty,
    ignored: new Set(),
    dirtyVersion: 0,
    resultVersion: 0,
    showSentences: false,
    active: null,
  };
}

const LETTER = /[\p{L}\p{M}\p{N}'’-]/u;

/** The caret is in the word (inside it or right after it): the user may still be typing it. */
export function caretInWord(from: number, to: number, selection: Pick<Selection, 'empty' | 'head'>): boolean {
  return selection.empty && selection.head > from && selection.head <= to;
}

/**
 * The ranges of the new document a transaction changed, in the new document's positions. An
 * insertion gives its inserted range; a deletion an empty range where it was.
 */
export function changedRanges(tr: Transaction): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  tr.mapping.maps.forEach((map, index) => {
    const rest = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      ranges.push({ from: rest.map(newStart, -1), to: rest.map(newEnd, 1) });
    });
  });
  return ranges;
}

/** The top-level blocks (start, end) that overlap [from, to]; a change between two blocks touches the one after. */
export function touchedBlocks(doc: ProseMirrorNode, from: number, to: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  if (doc.childCount === 0) return out;
  const $from = doc.resolve(Math.max(0, Math.min(from, doc.content.size)));
  let index = Math.min($from.index(0), doc.childCount - 1);
  // Inside a block its start is at hand (O(1)); only a position between blocks walks the children.
  let pos = $from.depth >= 1 ? $from.before(1) : $from.posAtIndex(index, 0);
  while (index < doc.childCount && (out.length === 0 || pos < to)) {
    const end = pos + doc.child(index).nodeSize;
    out.push({ from: pos, to: end });
    pos = end;
    index++;
  }
  return out;
}

/** Keeps a mapped underline only while it still covers exactly its word, with no letters glued on. */
export function stillCoversWord(doc: ProseMirrorNode, from: number, to: number, word: string): boolean {
  if (from >= to || to > doc.content.size) return false;
  if (doc.textBetween(from, to, '\n', '\n') !== word) return false;
  const before = from > 0 ? doc.textBetween(Math.max(0, from - 1), from, '\n', '\n') : '';
  const after = to < doc.content.size ? doc.textBetween(to, Math.min(doc.content.size, to + 1), '\n', '\n') : '';
  return !LETTER.test(before) && !LETTER.test(after);
}

function issueDecoration(from: number, to: number, spec: IssueSpec): Decoration {
  return Decoration.inline(
    from,
    to,
    { class: `lang-issue lang-${spec.kind}`, 'data-issue': spec.kind, 'aria-invalid': 'spelling' },
    spec,
  );
}

const ignoreKey = (kind: string, word: string) => `${kind}:${word.toLocaleLowerCase('nb')}`;

export function applyLanguage(tr: Transaction, value: LanguageState, _oldState: EditorState, newState: EditorState): LanguageState {
  const meta = tr.getMeta(languageKey) as LanguageMeta | undefined;
  let next = value;
  if (tr.docChanged) next = mapThrough(tr, next);
  if (meta) next = applyMeta(meta, next, newState);
  if (next.held !== DecorationSet.empty && (tr.selectionSet || tr.docChanged)) next = releaseHeld(next, newState, false);
  return next;
}

function mapThrough(tr: Transaction, value: LanguageState): LanguageState {
  const doc = tr.doc;
  let issues = value.issues.map(tr.mapping, doc);
  let held = value.held.map(tr.mapping, doc);
  let blocks = value.blocks.map(tr.mapping, doc);
  const sentences = value.sentences.map(tr.mapping, doc);
  let removedIssues = false;
  for (const range of changedRanges(tr)) {
    for (const block of touchedBlocks(doc, range.from, range.to)) {
      const stale = blocks.find(block.from, block.to, () => true).filter((d) => d.from >= block.from && d.to <= block.to);
      if (stale.length > 0) blocks = blocks.remove(stale);
    }
    const broken = (set: DecorationSet) =>
      set.find(range.from, range.to).filter((d) => !stillCoversWord(doc, d.from, d.to, (d.spec as IssueSpec).word));
    const brokenIssues = broken(issues);
    if (brokenIssues.length > 0) {
      issues = issues.remove(brokenIssues);
      removedIssues = true;
    }
    const brokenHeld = broken(held);
    if (brokenHeld.length > 0) held = held.remove(brokenHeld);
  }
  return {
    ...value,
    issues,
    held,
    blocks,
    sentences,
    active: null,
    dirtyVersion: value.dirtyVersion + 1,
    resultVersion: removedIssues ? value.resultVersion + 1 : value.resultVersion,
  };
}

function applyMeta(meta: LanguageMeta, value: LanguageState, state: EditorState): LanguageState {
  switch (meta.type) {
    case 'maalform':
      if (meta.maalform === value.maalform) return value;
      return {
        ...value,
        maalform: meta.maalform,
        issues: DecorationSet.empty,
        held: DecorationSet.empty,
        blocks: DecorationSet.empty,
        ignored: new Set(),
        active: null,
        dirtyVersion: value.dirtyVersion + 1,
        resultVersion: value.resultVersion + 1,
      };
    case 'recheck':
      // The underlines stay until the new answers replace them: no flicker.
      return { ...value, blocks: DecorationSet.empty, dirtyVersion: value.dirtyVersion + 1 };
    case 'sent': {
      const doc = state.doc;
      const removeSentences = meta.blocks.flatMap((b) => value.sentences.find(b.from, b.to).filter((d) => d.from >= b.from && d.to <= b.to));
      const sentences = value.sentences
        .remove(removeSentences)
        .add(doc, meta.blocks.flatMap((b) => b.longSentences.map((s) => Decoration.inline(s.from, s.to, { class: 'lang-long-sentence' }))));
      const blocks = value.blocks.add(
        doc,
        meta.blocks.map((b) => Decoration.node(b.from, b.to, {}, { key: b.key, stats: null } satisfies BlockSpec)),
      );
      return { ...value, blocks, sentences };
    }
    case 'results':
      return meta.maalform === value.maalform ? applyResults(meta.blocks, value, state) : value;
    case 'ignore': {
      const key = ignoreKey(meta.kind, meta.word);
      const matches = (spec: IssueSpec) => ignoreKey(spec.kind, spec.word) === key;
      return {
        ...value,
        ignored: new Set([...value.ignored, key]),
        issues: value.issues.remove(value.issues.find(undefined, undefined, matches)),
        held: value.held.remove(value.held.find(undefined, undefined, matches)),
        active: null,
        resultVersion: value.resultVersion + 1,
      };
    }
    case 'showSentences':
      return { ...value, showSentences: meta.show };
    case 'active':
      return { ...value, active: meta.range };
    case 'release':
      return releaseHeld(value, state, true);
  }
}

/** Puts each block's new issues in place of its old ones; answers for blocks changed since are dropped. */
function applyResults(checked: readonly CheckedBlock[], value: LanguageState, state: EditorState): LanguageState {
  const byKey = new Map(checked.map((b) => [b.key, b]));
  const live = value.blocks.find(undefined, undefined, (spec: BlockSpec) => byKey.has(spec.key));
  if (live.length === 0) return value;
  const doc = state.doc;
  const selection = state.selection;
  let { issues, held, blocks } = value;
  const shown: Decoration[] = [];
  const waiting: Decoration[] = [];
  const statsDecorations: Decoration[] = [];
  for (const deco of live) {
    const result = byKey.get((deco.spec as BlockSpec).key) as CheckedBlock;
    const node = doc.nodeAt(deco.from);
    if (!node) continue;
    issues = issues.remove(issues.find(deco.from, deco.to).filter((d) => d.from >= deco.from && d.to <= deco.to));
    held = held.remove(held.find(deco.from, deco.to).filter((d) => d.from >= deco.from && d.to <= deco.to));
    statsDecorations.push(Decoration.node(deco.from, deco.to, {}, { key: result.key, stats: result.stats } satisfies BlockSpec));
    const text = blockText(node, deco.from);
    for (const issue of result.issues) {
      if (value.ignored.has(ignoreKey(issue.kind, issue.word))) continue;
      const from = text.posAt(issue.from);
      const to = text.posAt(issue.to);
      if (from >= to) continue;
      const decoration = issueDecoration(from, to, { kind: issue.kind, word: issue.word, suggestion: issue.suggestion });
      (caretInWord(from, to, selection) ? waiting : shown).push(decoration);
    }
  }
  blocks = blocks.remove(live).add(doc, statsDecorations);
  return {
    ...value,
    issues: issues.add(doc, shown),
    held: held.add(doc, waiting),
    blocks,
    resultVersion: value.resultVersion + 1,
  };
}

/** Shows the held issues the caret has left (all of them when the editor lost focus). */
function releaseHeld(value: LanguageState, state: EditorState, all: boolean): LanguageState {
  const leaving = value.held.find(undefined, undefined).filter((d) => all || !caretInWord(d.from, d.to, state.selection));
  if (leaving.length === 0) return value;
  const shown = leaving.map((d) => issueDecoration(d.from, d.to, d.spec as IssueSpec));
  return {
    ...value,
    // remove() clears the entries of the array it is given: build what is shown first.
    held: value.held.remove(leaving),
    issues: value.issues.add(state.doc, shown),
    resultVersion: value.resultVersion + 1,
  };
}

/** The figures of every checked block, summed. */
export function sumStats(value: LanguageState): BlockStats {
  const sum = { words: 0, thisForm: 0, otherForm: 0 };
  for (const deco of value.blocks.find()) {
    const stats = (deco.spec as BlockSpec).stats;
    if (!stats) continue;
    sum.words += stats.words;
    sum.thisForm += stats.thisForm;
    sum.otherForm += stats.otherForm;
  }
  return sum;
}

/** How many words are marked, by kind (the ones waiting for the caret to leave included). */
export function countIssues(value: LanguageState): { spelling: number; maalform: number } {
  const counts = { spelling: 0, maalform: 0 };
  for (const set of [value.issues, value.held]) for (const deco of set.find()) counts[(deco.spec as IssueSpec).kind]++;
  return counts;
}

/** The first shown issue that starts at or after `pos`, wrapping round to the first one. */
export function nextIssue(value: LanguageState, pos: number): Decoration | null {
  const all = value.issues.find();
  if (all.length === 0) return null;
  all.sort((a, b) => a.from - b.from);
  return all.find((d) => d.from >= pos) ?? all[0] ?? null;
}

/** The issue at `pos` (inside the word or at either end of it). */
export function issueAt(value: LanguageState, pos: number): Decoration | null {
  return [...value.issues.find(pos, pos), ...value.held.find(pos, pos)][0] ?? null;
}
