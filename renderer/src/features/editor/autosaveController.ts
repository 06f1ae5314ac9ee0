import type { DocumentContent } from '../../../../shared/domain/document';
import type { AppError, Result } from '../../../../shared/ipc/result';

export type SaveState =
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly error: AppError; readonly retryInMs: number }
  | { readonly kind: 'conflict' };

export type SaveCall = (request: { id: string; baseRevision: number; content: DocumentContent }) => Promise<Result<{ revision: number; updatedAt: string }>>;

export interface AutosaveTiming {
  /** Quiet time after the last change before saving. */
  readonly debounceMs: number;
  /** The most a change may wait while typing goes on. */
  readonly maxWaitMs: number;
  /** Waits between attempts after failures; the last repeats. */
  readonly retryMs: readonly number[];
}

export const DEFAULT_TIMING: AutosaveTiming = { debounceMs: 400, maxWaitMs: 1000, retryMs: [1000, 2000, 5000, 10_000, 30_000] };

/**
 * Saves one document while it is being written: at most about a second behind, at once on
 * flush (blur, switching document, closing), one request at a time, never blocking typing
 * (`markDirty` only sets a flag and a timer; the content is read when the save starts). A failed
 * save keeps the text, reports it, and retries with backoff; a conflict waits for the user.
 */
export class AutosaveController {
  #state: SaveState;
  #revision: number;
  #dirty = false;
  #firstDirtyAt: number | null = null;
  #inFlight: Promise<boolean> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #conflicted = false;
  #disposed = false;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly id: string,
    revision: number,
    updatedAt: string,
    private readonly readContent: () => DocumentContent,
    private readonly saveCall: SaveCall,
    private readonly timing: AutosaveTiming = DEFAULT_TIMING,
    private readonly now: () => number = Date.now,
  ) {
    this.#revision = revision;
    this.#state = { kind: 'saved', at: updatedAt };
  }

  get state(): SaveState {
    return this.#state;
  }

  get baseRevision(): number {
    return this.#revision;
  }

  /** Whether there is text that is not stored yet (unsaved or on its way). */
  get hasUnsaved(): boolean {
    return this.#dirty || this.#inFlight !== null;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  markDirty(): void {
    if (!this.#dirty) {
      this.#dirty = true;
      this.#firstDirtyAt = this.now();
      if (this.#state.kind !== 'failed' && this.#state.kind !== 'conflict') this.setState({ kind: 'pending' });
    }
    if (!this.#conflicted && this.#failures === 0) this.schedule();
  }

  /** Saves now if anything is unsaved. Resolves true when everything written so far is stored. */
  async flush(): Promise<boolean> {
    clearTimeout(this.#timer);
    if (this.#inFlight) {
      await this.#inFlight;
      if (!this.#dirty) return true;
    }
    if (!this.#dirty) return true;
    if (this.#conflicted) return false;
    this.#dirty = false;
    this.#firstDirtyAt = null;
    const content = this.readContent();
    this.setState({ kind: 'saving' });
    const attempt = this.saveCall({ id: this.id, baseRevision: this.#revision, content }).then(
      (result) => this.settle(result),
      (error: unknown) => this.settle({ ok: false, error: { code: 'host_unreachable', message: String(error) } }),
    );
    this.#inFlight = attempt;
    return attempt;
  }

  /** After a conflict: build on the stored revision and save this text over it. */
  keepMine(storedRevision: number): Promise<boolean> {
    this.#revision = storedRevision;
    this.#conflicted = false;
    this.#dirty = true;
    return this.flush();
  }

  /**
   * A workflow step stored a newer revision of this document (its status, not its text): later
   * saves build on it instead of reporting a conflict with ourselves.
   */
  adoptRevision(revision: number): void {
    if (revision > this.#revision) this.#revision = revision;
  }

  /** Stops timers (the editor is gone); a final flush should come first. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#listeners.clear();
  }

  private settle(result: Result<{ revision: number; updatedAt: string }>): boolean {
    this.#inFlight = null;
    if (result.ok) {
      this.#failures = 0;
      this.#revision = result.value.revision;
      if (this.#dirty) {
        this.setState({ kind: 'pending' });
        this.schedule();
      } else this.setState({ kind: 'saved', at: result.value.updatedAt });
      return true;
    }
    this.#dirty = true;
    if (result.error.code === 'document_conflict') {
      this.#conflicted = true;
      this.setState({ kind: 'conflict' });
      return false;
    }
    const waits = this.timing.retryMs;
    const wait = waits[Math.min(this.#failures, waits.length - 1)] ?? 30_000;
    this.#failures++;
    this.setState({ kind: 'failed', error: result.error, retryInMs: wait });
    clearTimeout(this.#timer);
    if (!this.#disposed) this.#timer = setTimeout(() => void this.flush(), wait);
    return false;
  }

  private schedule(): void {
    if (this.#disposed) return;
    clearTimeout(this.#timer);
    const waited = this.#firstDirtyAt === null ? 0 : this.now() - this.#firstDirtyAt;
    this.#timer = setTimeout(() => void this.flush(), Math.max(0, Math.min(this.timing.debounceMs, this.timing.maxWaitMs - waited)));
  }

  private setState(state: SaveState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}
