import { approvalHash } from '../../../shared/domain/approvalHash';
import type { Document } from '../../../shared/domain/document';
import type { OutboxJob } from '../../../shared/domain/outboxJob';
import type { PublishingProgress, PublishingStatus } from '../../../shared/domain/publishing';
import { err, type ErrorCode, type Result } from '../../../shared/ipc/result';
import type { EventBus } from '../eventBus';
import type { Library } from '../library/library';
import type { Logger } from '../logger';
import type { MediaStore } from '../media/mediaStore';
import type { OutboxStore } from '../outbox/outboxStore';
import type { BackendRegistry, RunOutcome } from './publishingBackend';

/** Timers the runner sets; tests pass a manual clock. */
export interface RunnerTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: RunnerTimers = {
  set: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending retry must never keep the process (the devhost, a test run) alive on its own.
    if (typeof handle === 'object' && handle && 'unref' in handle) handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface OutboxRunnerDeps {
  readonly outbox: OutboxStore;
  readonly library: Library;
  readonly media: MediaStore;
  readonly registry: BackendRegistry;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly now: () => Date;
  /** [0, 1); the backoff's jitter. */
  readonly random?: () => number;
  readonly timers?: RunnerTimers;
  /** How many documents are sent at once (jobs of one document always one after another). Default 4. */
  readonly concurrency?: number;
  /** Never send (MELDING_OUTBOX_RUNNER=paused): jobs stay waiting, for tests of the workflow. */
  readonly paused?: boolean;
  /** Called before each pass over the due jobs (the local site publishes scheduled items whose time has come). */
  readonly beforePass?: (now: Date) => Promise<void>;
  /** A time the runner should also wake at, besides the next retry (the local site's next scheduled item). */
  readonly nextWakeAt?: () => Date | null;
}

/** Backoff: full jitter over base · factor^(attempt-1), capped. */
export const BACKOFF = { baseMs: 2_000, factor: 2, capMs: 10 * 60 * 1000 } as const;

/** Errors that pass on their own (the network, a busy server, a full disk): tried again later. */
export const RETRIED_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'backend_unreachable',
  'backend_timeout',
  'backend_server_error',
  'backend_rate_limited',
  'storage_failed',
  'internal',
]);

/** Errors a person must act on first (a password, a right, a conflict): the job is blocked. Everything unknown blocks too. */
export const BLOCKING_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'backend_auth_failed',
  'backend_forbidden',
  'backend_tls',
  'backend_media_too_large',
  'backend_media_type',
  'remote_conflict',
  'approval_mismatch',
  'backend_not_configured',
  'backend_secret_unavailable',
  'backend_item_missing',
  'backend_plugin_missing',
  'backend_refused',
  'document_not_found',
]);

/** Network errors: `wake()` (the network came back) makes their jobs due at once. */
const NETWORK_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['backend_unreachable', 'backend_timeout']);

/** The delay before attempt `attempts + 1`, given the attempts made so far (≥ 1). */
export function backoffMs(attempts: number, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) return Math.min(retryAfterMs, 24 * 60 * 60 * 1000);
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * BACKOFF.factor ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

export function isRetried(code: ErrorCode): boolean {
  return RETRIED_CODES.has(code);
}

interface Running {
  readonly job: OutboxJob;
  readonly abort: AbortController;
  progress: PublishingProgress;
  readonly done: Promise<void>;
}

/** setTimeout's limit; a later due time is looked at again after this. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Sends the outbox: takes each document's oldest due job (OutboxStore.due), up to
 * `concurrency` documents at once, runs it on its backend and completes, retries (with
 * backoff) or blocks it by the error's code. Wakes on `outbox:changed` (a new job) and on a
 * timer for the next retry. A job left running by a crash is back to waiting when the outbox
 * opens and runs again; backends are idempotent by the job id.
 */
export class OutboxRunner {
  readonly #running = new Map<string, Running>();
  #timer: unknown = null;
  #timerAt = 0;
  #scheduled = false;
  #closed = false;
  readonly #unsubscribe: () => void;
  readonly #random: () => number;
  readonly #timers: RunnerTimers;
  readonly #concurrency: number;
  #passing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: OutboxRunnerDeps) {
    this.#random = deps.random ?? Math.random;
    this.#timers = deps.timers ?? realTimers;
    this.#concurrency = Math.max(1, deps.concurrency ?? 4);
    this.#unsubscribe = deps.bus.subscribe((event) => {
      if (event === 'outbox:changed') this.kick();
    });
  }

  /** Starts sending what is due (call once after the services are open). */
  start(): void {
    this.kick();
  }

  get paused(): boolean {
    return this.deps.paused === true;
  }

  /** Offline while a job waits whose last attempt could not reach its site: read from the outbox, so a cancelled job takes it along. */
  private offline(): boolean {
    return this.deps.outbox.list().some((job) => job.state === 'waiting' && job.lastError?.code === 'backend_unreachable');
  }

  status(): PublishingStatus {
    return {
      state: this.paused ? 'paused' : this.offline() ? 'offline' : 'running',
      activeBackendId: this.deps.registry.activeId(),
      current: [...this.#running.values()].map((r) => ({ ...r.progress })),
    };
  }

  /**
   * The network is back: jobs waiting after a network error are due now instead of after their
   * backoff, and the loop runs.
   */
  async wake(): Promise<PublishingStatus> {
    for (const job of this.deps.outbox.list()) {
      if (job.state === 'waiting' && job.lastError && NETWORK_CODES.has(job.lastError.code)) await this.deps.outbox.retryNow(job.id);
    }
    this.kick();
    return this.status();
  }

  /** A person asked to run the job again now (optionally over the site's `overwriteVersion` after a conflict). */
  async retry(jobId: string, overwriteVersion: string | null = null): Promise<Result<OutboxJob>> {
    const result = await this.deps.outbox.retryNow(jobId, overwriteVersion ?? undefined);
    this.kick();
    return result;
  }

  /** Whether the job is being sent now. */
  isRunning(jobId: string): boolean {
    for (const r of this.#running.values()) if (r.job.id === jobId) return true;
    return false;
  }

  /** Resolves once nothing is running and nothing is due now (tests, and close). */
  async idle(): Promise<void> {
    for (;;) {
      await this.#passing;
      const running = [...this.#running.values()].map((r) => r.done);
      if (running.length === 0 && (this.paused || this.#closed || this.deps.outbox.due(this.deps.now()).length === 0) && !this.#scheduled) return;
      await Promise.all(running);
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Stops sending: aborts the jobs under way (they go back to waiting) and waits for them. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#unsubscribe();
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
    const running = [...this.#running.values()];
    for (const r of running) r.abort.abort(new Error('closing'));
    await Promise.allSettled(running.map((r) => r.done));
    await this.#passing;
  }

  /** Runs a pass soon (once, however often it is asked for in one turn). */
  kick(): void {
    if (this.#closed || this.paused || this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#passing = this.#passing.then(() => this.pass()).catch((error: unknown) => this.deps.logger.error('outbox_runner.pass_failed', { error: String(error) }));
    });
  }

  private async pass(): Promise<void> {
    this.#scheduled = false;
    if (this.#closed || this.paused) return;
    if (this.deps.beforePass) {
      try {
        await this.deps.beforePass(this.deps.now());
      } catch (error) {
        this.deps.logger.warn('outbox_runner.before_pass_failed', { error: String(error) });
      }
    }
    const now = this.deps.now();
    for (const job of this.deps.outbox.due(now)) {
      if (this.#running.size >= this.#concurrency) break;
      if (this.#running.has(job.documentId)) continue;
      this.startJob(job);
    }
    this.armTimer(now);
  }

  private startJob(job: OutboxJob): void {
    const abort = new AbortController();
    const entry: { job: OutboxJob; abort: AbortController; progress: PublishingProgress; done: Promise<void> } = {
      job,
      abort,
      progress: { jobId: job.id, documentId: job.documentId, phase: 'prepare', done: 0, total: 0, finished: false },
      done: Promise.resolve(),
    };
    this.#running.set(job.documentId, entry);
    entry.done = this.runJob(entry)
      .catch((error: unknown) => this.deps.logger.error('outbox_runner.job_crashed', { jobId: job.id, error: String(error) }))
      .finally(() => {
        this.#running.delete(job.documentId);
        this.kick();
      });
  }

  private async runJob(entry: Running): Promise<void> {
    const { outbox, logger } = this.deps;
    const job = entry.job;
    const marked = await outbox.markRunning(job.id);
    // Cancelled (or finished elsewhere) between the pass and now: nothing to send.
    if (!marked.ok || marked.value.state !== 'running') return;
    this.emitProgress(entry, { phase: 'prepare', done: 0, total: 0 });
    let result: Result<RunOutcome> & { readonly retryAfterMs?: number };
    try {
      result = await this.attempt(marked.value, entry);
    } catch (error) {
      result = err('internal', (error as Error)?.message ?? String(error));
    }
    try {
      if (result.ok) {
        const stored = await outbox.complete(job.id);
        if (!stored.ok) logger.error('outbox_runner.complete_failed', { jobId: job.id, error: stored.error.message });
        logger.info('outbox_runner.done', { jobId: job.id, action: job.action });
        return;
      }
      const { code, message } = result.error;
      if (entry.abort.signal.aborted && this.#closed) {
        // Stopped by closing, not by the site: back to waiting, sent again on the next start.
        await outbox.retryNow(job.id);
        return;
      }
      if (isRetried(code)) {
        const delay = backoffMs(marked.value.attempts, this.#random, result.retryAfterMs);
        await outbox.fail(job.id, { code, message }, new Date(this.deps.now().getTime() + delay));
        logger.warn('outbox_runner.retry', { jobId: job.id, code, attempts: marked.value.attempts, delayMs: delay });
      } else {
        await outbox.fail(job.id, { code, message }, null);
        logger.warn('outbox_runner.blocked', { jobId: job.id, code });
      }
    } finally {
      this.emitProgress(entry, { finished: true });
    }
  }

  private async attempt(job: OutboxJob, entry: Running): Promise<Result<RunOutcome> & { readonly retryAfterMs?: number }> {
    const { library, registry, media } = this.deps;
    const read = await library.read(job.documentId);
    if (!read.ok) return read;
    const doc: Document = read.value;
    if ((job.action === 'publish' || job.action === 'schedule') && job.approvalHash !== approvalHash(doc)) {
      return err('approval_mismatch', 'The text changed after it was approved; approve it again before it is sent');
    }
    const backend = await registry.backendFor(job.backendId ?? registry.activeId());
    if (!backend.ok) return backend;
    const outcome = await backend.value.run(job, doc, {
      media,
      signal: entry.abort.signal,
      overwriteVersion: job.overwriteVersion,
      progress: (done, total, phase) => this.emitProgress(entry, { done, total, phase }),
    });
    if (!outcome.ok) return outcome;
    // Where the document now is: the link and the publication time only — never the text or the approval.
    const applied = await library.setRemote(doc.id, outcome.value.remote, outcome.value.publishedAt);
    if (!applied.ok) return applied;
    return outcome;
  }

  private emitProgress(entry: Running, patch: Partial<PublishingProgress>): void {
    entry.progress = { ...entry.progress, ...patch };
    this.deps.bus.emit('publishing:progress', { ...entry.progress });
  }

  /** A timer for the soonest waiting job (not due yet) at the head of its document. */
  private armTimer(now: Date): void {
    const heads = new Set<string>();
    let soonest = Number.POSITIVE_INFINITY;
    for (const job of this.deps.outbox.list()) {
      if (heads.has(job.documentId)) continue;
      heads.add(job.documentId);
      if (job.state === 'waiting') soonest = Math.min(soonest, Date.parse(job.nextAttemptAt));
    }
    const extra = this.deps.nextWakeAt?.();
    if (extra) soonest = Math.min(soonest, extra.getTime());
    if (!Number.isFinite(soonest) || soonest <= now.getTime()) {
      // Nothing later, or due now but held back by the concurrency limit (a finishing job kicks).
      if (this.#timer !== null && !Number.isFinite(soonest)) {
        this.#timers.clear(this.#timer);
        this.#timer = null;
      }
      return;
    }
    if (this.#timer !== null && this.#timerAt === soonest) return;
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timerAt = soonest;
    this.#timer = this.#timers.set(
      () => {
        this.#timer = null;
        this.kick();
      },
      Math.min(MAX_TIMER_MS, soonest - now.getTime()),
    );
  }
}
