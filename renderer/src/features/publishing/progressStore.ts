import type { PublishingProgress, PublishingStatus } from '../../../../shared/domain/publishing';

type Listener = () => void;
type FinishListener = (progress: PublishingProgress) => void;

/**
 * The jobs being sent now and how far each has come, shared by every view that shows a bar (the
 * document's pending list, the outbox details) and by the announcer of finished jobs. One
 * subscription to `publishing:progress` for the whole window, started by the first reader.
 */
export interface ProgressStore {
  subscribe(listener: Listener): () => void;
  snapshot(): ReadonlyMap<string, PublishingProgress>;
  /** Called once per job when the runner says it has finished (ok or not). */
  onFinished(listener: FinishListener): () => void;
}

interface ProgressSource {
  readonly status: () => Promise<{ ok: true; value: PublishingStatus } | { ok: false }>;
  readonly onProgress: (listener: (progress: PublishingProgress) => void) => () => void;
}

/** Built over a source so a unit test can drive it without a window. */
export function createProgressStore(source: ProgressSource): ProgressStore {
  let current: ReadonlyMap<string, PublishingProgress> = new Map();
  const listeners = new Set<Listener>();
  const finishers = new Set<FinishListener>();
  let started = false;
  // Events that arrived before the first status answer win over it: they are newer.
  const seen = new Set<string>();

  const emit = () => {
    for (const listener of listeners) listener();
  };

  const apply = (progress: PublishingProgress) => {
    seen.add(progress.jobId);
    const next = new Map(current);
    if (progress.finished) {
      next.delete(progress.jobId);
      current = next;
      emit();
      for (const finisher of finishers) finisher(progress);
      return;
    }
    next.set(progress.jobId, progress);
    current = next;
    emit();
  };

  const start = () => {
    if (started) return;
    started = true;
    source.onProgress(apply);
    void source.status().then((answer) => {
      if (!answer.ok) return;
      const next = new Map(current);
      for (const progress of answer.value.current) if (!seen.has(progress.jobId) && !progress.finished) next.set(progress.jobId, progress);
      current = next;
      emit();
    });
  };

  return {
    subscribe(listener) {
      start();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => current,
    onFinished(listener) {
      start();
      finishers.add(listener);
      return () => finishers.delete(listener);
    },
  };
}
