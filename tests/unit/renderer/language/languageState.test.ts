import { EditorState, Plugin, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { CheckedBlock } from '../../../../shared/domain/language';
import { schema } from '../../../../shared/editor/schema';
import { blockText } from '../../../../renderer/src/features/language/blockText';
import {
  applyLanguage,
  caretInWord,
  changedRanges,
  countIssues,
  initialLanguageState,
  issueAt,
  languageKey,
  nextIssue,
  stillCoversWord,
  sumStats,
  touchedBlocks,
  type LanguageMeta,
  type LanguageState,
} from '../../../../renderer/src/features/language/languageState';

const p = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const docOf = (...paragraphs: string[]) => schema.nodeFromJSON({ type: 'doc', content: paragraphs.map(p) });

const plugin = new Plugin({ key: languageKey, state: { init: initialLanguageState, apply: applyLanguage } });
const stateOf = (...paragraphs: string[]) => EditorState.create({ doc: docOf(...paragraphs), plugins: [plugin] });
const lang = (state: EditorState) => languageKey.getState(state) as LanguageState;
const meta = (state: EditorState, value: LanguageMeta) => state.apply(state.tr.setMeta(languageKey, value));
const run = (state: EditorState, build: (tr: Transaction) => Transaction) => state.apply(build(state.tr));

/** Marks every block as sent, with keys k0, k1, … in document order. */
function sendAll(state: EditorState): EditorState {
  const blocks: { key: string; from: number; to: number; longSentences: [] }[] = [];
  state.doc.forEach((node, offset, index) => blocks.push({ key: `k${index}`, from: offset, to: offset + node.nodeSize, longSentences: [] }));
  return meta(state, { type: 'sent', blocks });
}

const spelling = (text: string, word: string) => ({ kind: 'spelling' as const, from: text.indexOf(word), to: text.indexOf(word) + word.length, word, suggestion: null });
const stats = (thisForm: number, otherForm: number) => ({ words: 10, thisForm, otherForm });
const results = (state: EditorState, blocks: CheckedBlock[]) => meta(state, { type: 'results', maalform: 'nb', blocks });
const shown = (state: EditorState) => lang(state).issues.find().map((d) => state.doc.textBetween(d.from, d.to));

describe('blockText', () => {
  it('maps offsets of a paragraph back to positions', () => {
    const doc = docOf('Hei og hå');
    const text = blockText(doc.child(0), 0);
    expect(text.text).toBe('Hei og hå');
    expect(doc.textBetween(text.posAt(4), text.posAt(6))).toBe('og');
  });

  it('reads a hard break and the seam between list items as line breaks, keeping positions right', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'en' }, { type: 'hardBreak' }, { type: 'text', text: 'to' }] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p('første punkt')] },
            { type: 'listItem', content: [p('andre punkt')] },
          ],
        },
      ],
    });
    const first = blockText(doc.child(0), 0);
    expect(first.text).toBe('en\nto');
    expect(doc.textBetween(first.posAt(3), first.posAt(5))).toBe('to');
    const listStart = doc.child(0).nodeSize;
    const list = blockText(doc.child(1), listStart);
    expect(list.text).toBe('første punkt\nandre punkt');
    const at = list.text.indexOf('andre');
    expect(doc.textBetween(list.posAt(at), list.posAt(at + 5))).toBe('andre');
  });

  it('keeps a word split by a mark in one piece', () => {
    const doc = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'depar' }, { type: 'text', text: 'temnet', marks: [{ type: 'bold' }] }] }] });
    const text = blockText(doc.child(0), 0);
    expect(doc.textBetween(text.posAt(0), text.posAt(11))).toBe('departemnet');
  });
});

describe('block keying and dirty tracking', () => {
  it('finds the top-level blocks a change touches, and only those', () => {
    const doc = docOf('aaa', 'bbb', 'ccc');
    // Positions: a block of three letters is 5 long: [0,5) [5,10) [10,15).
    expect(touchedBlocks(doc, 7, 7)).toEqual([{ from: 5, to: 10 }]);
    expect(touchedBlocks(doc, 2, 12)).toEqual([
      { from: 0, to: 5 },
      { from: 5, to: 10 },
      { from: 10, to: 15 },
    ]);
    expect(touchedBlocks(doc, 15, 15)).toEqual([{ from: 10, to: 15 }]);
  });

  it('reports the changed range of a transaction in the new document', () => {
    const state = stateOf('abc', 'def');
    const tr = state.tr.insertText('XY', 7);
    expect(changedRanges(tr)).toEqual([{ from: 7, to: 9 }]);
  });

  it('marks only the typed-in block dirty and maps the rest of the marks', () => {
    let state = sendAll(stateOf('aaa', 'bbb', 'ccc'));
    expect(lang(state).blocks.find()).toHaveLength(3);
    const before = lang(state).dirtyVersion;
    state = run(state, (tr) => tr.insertText('x', 7));
    const left = lang(state).blocks.find().map((d) => d.from);
    expect(left).toEqual([0, 11]);
    expect(lang(state).dirtyVersion).toBe(before + 1);
  });

  it('a selection change alone leaves every block clean', () => {
    let state = sendAll(stateOf('aaa', 'bbb'));
    const before = lang(state).dirtyVersion;
    state = run(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, 7)));
    expect(lang(state).blocks.find()).toHaveLength(2);
    expect(lang(state).dirtyVersion).toBe(before);
  });
});

describe('answers', () => {
  const first = 'Regjeringen har bestemt at departemnetet skal';
  const second = 'Andre avsnitt er feilfritt';

  it('underlines the answer, maps it through typing elsewhere, and sums the figures', () => {
    let state = meta(stateOf(first, second), { type: 'maalform', maalform: 'nb' });
    state = sendAll(state);
    state = results(state, [
      { key: 'k0', issues: [spelling(first, 'departemnetet')], stats: stats(2, 1) },
      { key: 'k1', issues: [], stats: stats(1, 0) },
    ]);
    expect(shown(state)).toEqual(['departemnetet']);
    expect(sumStats(lang(state))).toEqual({ words: 20, thisForm: 3, otherForm: 1 });
    expect(countIssues(lang(state))).toEqual({ spelling: 1, maalform: 0 });

    // Typing at the start of the first block shifts the underline; it still covers the word.
    state = run(state, (tr) => tr.insertText('Ja. ', 1));
    expect(shown(state)).toEqual(['departemnetet']);
  });

  it('drops an answer for a block that changed after it was sent', () => {
    let state = sendAll(meta(stateOf(first), { type: 'maalform', maalform: 'nb' }));
    state = run(state, (tr) => tr.insertText('!', tr.doc.content.size - 1));
    state = results(state, [{ key: 'k0', issues: [spelling(first, 'departemnetet')], stats: stats(0, 0) }]);
    expect(shown(state)).toEqual([]);
    expect(lang(state).blocks.find()).toHaveLength(0);
  });

  it('drops an answer for the other målform', () => {
    let state = sendAll(meta(stateOf(first), { type: 'maalform', maalform: 'nn' }));
    state = results(state, [{ key: 'k0', issues: [spelling(first, 'departemnetet')], stats: stats(0, 0) }]);
    expect(shown(state)).toEqual([]);
  });

  it('removes an underline as soon as its word is edited, and keeps it when a space follows it', () => {
    let state = sendAll(meta(stateOf(first), { type: 'maalform', maalform: 'nb' }));
    state = results(state, [{ key: 'k0', issues: [spelling(first, 'departemnetet')], stats: stats(0, 0) }]);
    const end = 1 + first.indexOf('departemnetet') + 'departemnetet'.length;
    expect(stillCoversWord(state.doc, end - 13, end, 'departemnetet')).toBe(true);
    const glued = run(state, (tr) => tr.insertText('s', end));
    expect(shown(glued)).toEqual([]);
    const spaced = run(state, (tr) => tr.insertText(',', end));
    expect(shown(spaced)).toEqual(['departemnetet']);
  });

  it('holds back the word the caret is in until the caret leaves it', () => {
    const text = 'Vi skriver departemnetet';
    let state = meta(stateOf(text), { type: 'maalform', maalform: 'nb' });
    state = run(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, 1 + text.length)));
    state = sendAll(state);
    state = results(state, [{ key: 'k0', issues: [spelling(text, 'departemnetet')], stats: stats(0, 0) }]);
    expect(shown(state)).toEqual([]);
    expect(countIssues(lang(state)).spelling).toBe(1);
    state = run(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, 3)));
    expect(shown(state)).toEqual(['departemnetet']);
  });

  it('shows held words when the editor loses focus', () => {
    const text = 'Vi skriver departemnetet';
    let state = meta(stateOf(text), { type: 'maalform', maalform: 'nb' });
    state = run(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, 1 + text.length)));
    state = results(sendAll(state), [{ key: 'k0', issues: [spelling(text, 'departemnetet')], stats: stats(0, 0) }]);
    expect(shown(meta(state, { type: 'release' }))).toEqual(['departemnetet']);
  });

  it('ignores a word everywhere in the document and in later answers', () => {
    const text = 'blimsk og blimsk';
    let state = sendAll(meta(stateOf(text), { type: 'maalform', maalform: 'nb' }));
    const issues = [
      { kind: 'spelling' as const, from: 0, to: 6, word: 'blimsk', suggestion: null },
      { kind: 'spelling' as const, from: 10, to: 16, word: 'blimsk', suggestion: null },
    ];
    state = results(state, [{ key: 'k0', issues, stats: stats(0, 0) }]);
    expect(shown(state)).toHaveLength(2);
    state = meta(state, { type: 'ignore', kind: 'spelling', word: 'blimsk' });
    expect(shown(state)).toEqual([]);
    state = meta(sendAll(meta(state, { type: 'recheck' })), { type: 'results', maalform: 'nb', blocks: [{ key: 'k0', issues, stats: stats(0, 0) }] });
    expect(shown(state)).toEqual([]);
  });

  it('a new målform clears the marks and the figures, and every block is dirty again', () => {
    let state = sendAll(meta(stateOf(first), { type: 'maalform', maalform: 'nb' }));
    state = results(state, [{ key: 'k0', issues: [spelling(first, 'departemnetet')], stats: stats(0, 9) }]);
    state = meta(state, { type: 'maalform', maalform: 'nn' });
    expect(shown(state)).toEqual([]);
    expect(lang(state).blocks.find()).toHaveLength(0);
    expect(sumStats(lang(state))).toEqual({ words: 0, thisForm: 0, otherForm: 0 });
  });

  it('finds the next issue after a position, wrapping round, and the issue at a position', () => {
    const text = 'feil1 og feil2';
    let state = sendAll(meta(stateOf(text), { type: 'maalform', maalform: 'nb' }));
    state = results(state, [{ key: 'k0', issues: [spelling(text, 'feil1'), spelling(text, 'feil2')], stats: stats(0, 0) }]);
    const value = lang(state);
    expect(nextIssue(value, 3)?.from).toBe(10);
    expect(nextIssue(value, 12)?.from).toBe(1);
    expect(issueAt(value, 3)?.from).toBe(1);
    expect(issueAt(value, 8)).toBeNull();
  });
});

describe('caretInWord', () => {
  it('is true inside the word or right after it, never at its start or with a selection', () => {
    expect(caretInWord(5, 10, { empty: true, head: 10 })).toBe(true);
    expect(caretInWord(5, 10, { empty: true, head: 7 })).toBe(true);
    expect(caretInWord(5, 10, { empty: true, head: 5 })).toBe(false);
    expect(caretInWord(5, 10, { empty: true, head: 11 })).toBe(false);
    expect(caretInWord(5, 10, { empty: false, head: 10 })).toBe(false);
  });
});
