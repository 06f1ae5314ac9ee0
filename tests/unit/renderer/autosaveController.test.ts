import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentContent } from '../../../shared/domain/document';
import { err, ok, type Result } from '../../../shared/ipc/result';
import { AutosaveController, type SaveCall } from '../../../renderer/src/features/editor/autosaveController';
import { content } from '../support/libraryFixture';

type Reply = Result<{ revision: number; updatedAt: string }>;

function harness(replies: ((request: { baseRevision: number; content: DocumentContent }) => Reply)[] = []) {
  let text = 'a';
  const calls: { baseRevision: number; title: string }[] = [];
  const pending: (() => void)[] = [];
  let manual = false;
  const save: SaveCall = (request) => {
    calls.push({ baseRevision: request.baseRevision, title: request.content.title });
    const reply = replies.shift()?.(request) ?? ok({ revision: request.baseRevision + 1, updatedAt: '2026-11-23T10:00:00.000Z' });
    if (!manual) return Promise.resolve(reply);
    return new Promise((resolve) => pending.push(() => resolve(reply)));
  };
  const controller = new AutosaveController('doc', 0, '2026-11-23T09:00:00.000Z', () => content({ title: text }), save, { debounceMs: 400, maxWaitMs: 1000, retryMs: [1000, 2000] }, () => Date.now());
  return {
    controller,
    calls,
    type(next: string) {
      text = next;
      controller.markDirty();
    },
    holdReplies() {
      manual = true;
    },
    releaseReply() {
      pending.shift()?.();
    },
  };
}

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('AutosaveController', () => {
  it('saves after a quiet moment, once, with the latest text', async () => {
    const h = harness();
    h.type('a');
    h.type('ab');
    h.type('abc');
    expect(h.controller.state.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(399);
    expect(h.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls).toEqual([{ baseRevision: 0, title: 'abc' }]);
    expect(h.controller.state).toEqual({ kind: 'saved', at: '2026-11-23T10:00:00.000Z' });
    expect(h.controller.baseRevision).toBe(1);
  });

  it('is never more than about a second behind while typing goes on', async () => {
    const h = harness();
    for (let i = 0; i < 30; i++) {
      h.type(`t${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    // 3 s of steady typing every 100 ms: a save at least every second.
    expect(h.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('flushes at once on demand and builds each save on the previous revision', async () => {
    const h = harness();
    h.type('first');
    await h.controller.flush();
    h.type('second');
    await h.controller.flush();
    expect(h.calls).toEqual([
      { baseRevision: 0, title: 'first' },
      { baseRevision: 1, title: 'second' },
    ]);
  });

  it('keeps one request in flight and saves what was typed meanwhile afterwards', async () => {
    const h = harness();
    h.holdReplies();
    h.type('one');
    const first = h.controller.flush();
    h.type('two');
    expect(h.controller.hasUnsaved).toBe(true);
    h.releaseReply();
    await first;
    await vi.advanceTimersByTimeAsync(400);
    h.releaseReply();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.map((c) => c.title)).toEqual(['one', 'two']);
    expect(h.controller.hasUnsaved).toBe(false);
  });

  it('keeps the text after a failed save, says so, and retries with backoff', async () => {
    const h = harness([() => err('storage_failed', 'ENOSPC'), () => err('storage_failed', 'ENOSPC')]);
    h.type('viktig tekst');
    await h.controller.flush();
    expect(h.controller.state).toMatchObject({ kind: 'failed', error: { code: 'storage_failed' }, retryInMs: 1000 });
    expect(h.controller.hasUnsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.controller.state).toMatchObject({ kind: 'failed', retryInMs: 2000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.controller.state.kind).toBe('saved');
    expect(h.calls.map((c) => c.title)).toEqual(['viktig tekst', 'viktig tekst', 'viktig tekst']);
  });

  it('stops on a conflict until the user chooses, then saves over the stored revision', async () => {
    const h = harness([() => err('document_conflict', 'moved on')]);
    h.type('mi tekst');
    expect(await h.controller.flush()).toBe(false);
    expect(h.controller.state.kind).toBe('conflict');
    h.type('mi tekst, meir');
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.calls).toHaveLength(1);
    expect(await h.controller.keepMine(7)).toBe(true);
    expect(h.calls.at(-1)).toEqual({ baseRevision: 7, title: 'mi tekst, meir' });
  });
});
