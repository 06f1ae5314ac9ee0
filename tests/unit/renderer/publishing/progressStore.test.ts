import { describe, expect, it } from 'vitest';
import type { PublishingProgress, PublishingStatus } from '../../../../shared/domain/publishing';
import { createProgressStore } from '../../../../renderer/src/features/publishing/progressStore';

const JOB = '6f1c2d8e-6b3a-4c4e-9a51-2f0a3c1b7d10';
const OTHER = '0b7e1a52-1d0c-4f55-8f0e-7f6d3b9b2a44';
const DOC = '2a9d3c1e-5f7b-4a2c-8e3d-1c6b9f0a7e55';
const progress = (jobId: string, done: number, finished = false): PublishingProgress => ({ jobId, documentId: DOC, phase: 'media', done, total: 3, finished });

function harness(current: PublishingProgress[]) {
  let push: (p: PublishingProgress) => void = () => {};
  let answer: (value: PublishingStatus) => void = () => {};
  const store = createProgressStore({
    status: () => new Promise((resolve) => (answer = (value) => resolve({ ok: true, value }))),
    onProgress: (listener) => {
      push = listener;
      return () => {};
    },
  });
  return { store, push: (p: PublishingProgress) => push(p), answer: () => answer({ state: 'running', activeBackendId: 'local-site', current }) };
}

describe('progressStore', () => {
  it('follows a job from its first step to its finish, and tells once that it finished', async () => {
    const { store, push, answer } = harness([]);
    const finished: string[] = [];
    let changes = 0;
    store.subscribe(() => changes++);
    store.onFinished((p) => finished.push(p.jobId));
    answer();
    await Promise.resolve();
    push(progress(JOB, 0));
    push(progress(JOB, 2));
    expect(store.snapshot().get(JOB)?.done).toBe(2);
    push(progress(JOB, 3, true));
    expect(store.snapshot().has(JOB)).toBe(false);
    expect(finished).toEqual([JOB]);
    expect(changes).toBeGreaterThanOrEqual(3);
  });

  it('shows jobs already under way when the window opens, unless an event was newer', async () => {
    const { store, push, answer } = harness([progress(JOB, 1), progress(OTHER, 1)]);
    store.subscribe(() => {});
    push(progress(OTHER, 3, true));
    answer();
    await new Promise((done) => setTimeout(done, 0));
    expect([...store.snapshot().keys()]).toEqual([JOB]);
  });
});
