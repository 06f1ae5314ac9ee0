import type { EditorView } from '@tiptap/pm/view';
import type { CheckedBlock, LanguageBlock } from '../../../../shared/domain/language';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import type { Result } from '../../../../shared/ipc/result';
import { readability } from '../../../../shared/language/readability';
import { blockText } from './blockText';
import type { LanguageSession } from './languageSession';
import { countIssues, languageKey, sumStats, type LanguageMeta, type LanguageState, type SentBlock } from './languageState';

/** What the scheduler needs of the EditorView (a plain object in unit tests). */
export type SchedulerView = Pick<EditorView, 'state' | 'dispatch' | 'composing'>;

export type CheckCall = (input: { maalform: Maalform; blocks: LanguageBlock[] }) => Promise<Result<{ blocks: CheckedBlock[] }>>;

/** Typing pauses this long before the dirty blocks are sent. */
export const IDLE_MS = 400;
/** One request carries at most this many blocks or characters, so a long document's first check comes back in parts. */
const MAX_BLOCKS_PER_CALL = 150;
const MAX_CHARS_PER_CALL = 40_000;
const MAX_BLOCK_CHARS = 100_000;

type IdleGlobal = typeof globalThis & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * The plugin view that talks to the language service. Per transaction it compares two counters
 * (O(1)); when typing pauses (IDLE_MS, then an idle callback) it sends only the blocks without a
 * check mark, and dispatches the answers back as a meta transaction. The state decides what is stale.
 */
export class CheckScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private idle: number | undefined;
  private lastDirty = -1;
  private lastResult = -1;
  private counter = 0;
  private inFlight = 0;
  private waiting = false;
  private destroyed = false;

  constructor(
    private readonly view: SchedulerView,
    private readonly session: LanguageSession,
    private readonly check: CheckCall,
  ) {
    this.update(view);
  }

  update(view: SchedulerView): void {
    const state = languageKey.getState(view.state);
    if (!state) return;
    if (state.dirtyVersion !== this.lastDirty) {
      this.lastDirty = state.dirtyVersion;
      this.schedule();
    }
    if (state.resultVersion !== this.lastResult) {
      this.lastResult = state.resultVersion;
      this.publish(state);
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.cancel();
  }

  private publish(state: LanguageState): void {
    const counts = countIssues(state);
    this.session.setSummary({ ...counts, longSentences: state.sentences.find().length, stats: sumStats(state) });
  }

  private cancel(): void {
    clearTimeout(this.timer);
    const w = globalThis as IdleGlobal;
    if (this.idle !== undefined) w.cancelIdleCallback?.(this.idle);
    this.idle = undefined;
  }

  private schedule(): void {
    this.cancel();
    this.setWaiting(true);
    this.timer = setTimeout(() => {
      const w = globalThis as IdleGlobal;
      if (w.requestIdleCallback) this.idle = w.requestIdleCallback(() => this.flush(), { timeout: 1000 });
      else this.flush();
    }, IDLE_MS);
  }

  /** Sends every block that has no check mark: the ones changed since their last check, or never checked. */
  private flush(): void {
    this.idle = undefined;
    if (this.destroyed) return;
    // Never dispatch in the middle of an IME composition: try again at the next pause.
    if (this.view.composing) return this.schedule();
    this.setWaiting(false);
    const state = languageKey.getState(this.view.state);
    const maalform = state?.maalform;
    if (!state || !maalform) return;
    const doc = this.view.state.doc;
    const checked = new Set(state.blocks.find().map((d) => d.from));
    const sent: SentBlock[] = [];
    const texts: LanguageBlock[] = [];
    doc.forEach((node, offset) => {
      if (checked.has(offset)) return;
      const key = `b${++this.counter}`;
      const text = blockText(node, offset);
      const longSentences = text.text.trim() === '' ? [] : readability(text.text).longSentences.map((s) => ({ from: text.posAt(s.start), to: text.posAt(s.end) }));
      sent.push({ key, from: offset, to: offset + node.nodeSize, longSentences });
      if (text.text.trim() !== '' && text.text.length <= MAX_BLOCK_CHARS) texts.push({ key, text: text.text });
    });
    if (sent.length === 0) return;
    this.dispatch({ type: 'sent', blocks: sent });
    for (const batch of batches(texts)) void this.send(maalform, batch);
  }

  private async send(maalform: Maalform, blocks: LanguageBlock[]): Promise<void> {
    this.inFlight++;
    this.publishBusy();
    try {
      const result = await this.check({ maalform, blocks });
      if (this.destroyed) return;
      if (result.ok) {
        this.session.setUnavailable(false);
        this.dispatch({ type: 'results', maalform, blocks: result.value.blocks });
      } else if (result.error.code === 'language_unavailable') {
        this.session.setUnavailable(true);
      }
    } finally {
      this.inFlight--;
      if (!this.destroyed) this.publishBusy();
    }
  }

  private setWaiting(waiting: boolean): void {
    this.waiting = waiting;
    this.publishBusy();
  }

  private publishBusy(): void {
    this.session.setBusy(this.waiting || this.inFlight > 0);
  }

  private dispatch(meta: LanguageMeta): void {
    this.view.dispatch(this.view.state.tr.setMeta(languageKey, meta).setMeta('addToHistory', false));
  }
}

function batches(blocks: LanguageBlock[]): LanguageBlock[][] {
  const out: LanguageBlock[][] = [];
  let current: LanguageBlock[] = [];
  let chars = 0;
  for (const block of blocks) {
    if (current.length > 0 && (current.length >= MAX_BLOCKS_PER_CALL || chars + block.text.length > MAX_CHARS_PER_CALL)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(block);
    chars += block.text.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}
