import { EditorState, Plugin, type Transaction } from '@tiptap/pm/state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckedBlock, LanguageBlock } from '../../../../shared/domain/language';
import { schema } from '../../../../shared/editor/schema';
import { ok, type Result } from '../../../../shared/ipc/result';
import { CheckScheduler, IDLE_MS, type SchedulerView } from '../../../../renderer/src/features/language/CheckScheduler';
import { LanguageSession } from '../../../../renderer/src/features/language/languageSession';
import { applyLanguage, initialLanguageState, languageKey, type LanguageState } from '../../../../renderer/src/features/language/languageState';

const plugin = new Plugin({ key: languageKey, state: { init: initialLanguageState, apply: applyLanguage } });
const docOf = (...texts: string[]) => schema.nodeFromJSON({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

/** A stand-in for the EditorView: applies transactions and tells the scheduler, as the view does. */
function harness(...texts: string[]) {
  const calls: { blocks: LanguageBlock[]; answer: (blocks: CheckedBlock[]) => void }[] = [];
  const session = new LanguageSession();
  const view: SchedulerView & { scheduler?: CheckScheduler } = {
    state: EditorState.create({ doc: docOf(...texts), plugins: [plugin] }),
    composing: false,
    dispatch(tr: Transaction) {
      view.state = view.state.apply(tr);
      view.scheduler?.update(view);
    },
  };
  const check = (input: { blocks: LanguageBlock[] }) =>
    new Promise<Result<{ blocks: CheckedBlock[] }>>((resolve) => calls.push({ blocks: input.blocks, answer: (blocks) => resolve(ok({ blocks })) }));
  view.scheduler = new CheckScheduler(view, session, check);
  const lang = () => languageKey.getState(view.state) as LanguageState;
  const misspelled = (block: LanguageBlock, word: string): CheckedBlock => {
    const from = block.text.indexOf(word);
    return { key: block.key, issues: from < 0 ? [] : [{ kind: 'spelling', from, to: from + word.length, word, suggestion: null }], stats: { words: 3, thisForm: 0, otherForm: 0 } };
  };
  return { view, calls, session, lang, misspelled, type: (text: string, at: number) => view.dispatch(view.state.tr.insertText(text, at)) };
}

describe('CheckScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends nothing before the målform is set, then every block once typing has paused', async () => {
    const h = harness('en feill her', 'alt riktig');
    await vi.advanceTimersByTimeAsync(IDLE_MS * 3);
    expect(h.calls).toHaveLength(0);
    h.view.dispatch(h.view.state.tr.setMeta(languageKey, { type: 'maalform', maalform: 'nb' }));
    expect(h.session.getSummary().busy).toBe(true);
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1);
    expect(h.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls.map((c) => c.blocks.map((b) => b.text))).toEqual([['en feill her', 'alt riktig']]);
    const call = h.calls[0]!;
    call.answer(call.blocks.map((b) => h.misspelled(b, 'feill')));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.lang().issues.find()).toHaveLength(1);
    expect(h.session.getSummary()).toMatchObject({ spelling: 1, busy: false, stats: { words: 6 } });
  });

  it('after an edit sends only the changed block, and drops an answer that the edit made stale', async () => {
    const h = harness('en feill her', 'alt riktig');
    h.view.dispatch(h.view.state.tr.setMeta(languageKey, { type: 'maalform', maalform: 'nb' }));
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    const first = h.calls[0]!;
    // The user types in the second paragraph while the first answer is on its way.
    h.type('!', h.view.state.doc.content.size - 1);
    first.answer(first.blocks.map((b) => h.misspelled(b, b.text.includes('feill') ? 'feill' : 'riktig')));
    await vi.advanceTimersByTimeAsync(0);
    // The untouched block's answer is used; the stale one ("riktig") is not.
    expect(h.lang().issues.find().map((d) => (d.spec as { word: string }).word)).toEqual(['feill']);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1]!.blocks.map((b) => b.text)).toEqual(['alt riktig!']);
  });

  it('keeps waiting while the user keeps typing', async () => {
    const h = harness('tekst');
    h.view.dispatch(h.view.state.tr.setMeta(languageKey, { type: 'maalform', maalform: 'nb' }));
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(IDLE_MS / 2);
      h.type('x', 2);
    }
    expect(h.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(h.calls).toHaveLength(1);
  });
});
