import { join } from 'node:path';
import type { Low } from 'lowdb';
import { OutboxFileSchema, type NewOutboxJob, type OutboxAction, type OutboxError, type OutboxFile, type OutboxJob } from '../../../shared/domain/outboxJob';
import type { OutboxSummary } from '../../../shared/domain/outboxSummary';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { EventBus } from '../eventBus';
import type { Logger } from '../logger';
import type { Notice } from '../settingsService';
import { openJsonStore } from '../storage/openJsonStore';

export interface OutboxStoreDeps {
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** Finished jobs kept for the record (the status bar's details); older ones are dropped. */
const KEEP_DONE = 200;

/**
 * The outbox on disk (`outbox.json`, written atomically): every remote operation, queued when
 * the step is taken, kept until the backend confirms it. Jobs of one document run in the order
 * they were queued; the publishing runner claims, completes and fails them here. A file that
 * cannot be read is set aside (never overwritten) and the user told.
 */
export class OutboxStore {
  #writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Low<OutboxFile>,
    private readonly deps: OutboxStoreDeps,
  ) {}

  static async open(dataDir: string, deps: OutboxStoreDeps, notices: Notice[]): Promise<OutboxStore> {
    const { db, setAsideTo, reason } = await openJsonStore(join(dataDir, 'outbox.json'), OutboxFileSchema, () => ({ schemaVersion: 1 as const, jobs: [] }), deps.now);
    if (setAsideTo) {
      deps.logger.warn('outbox.corrupt', { movedTo: setAsideTo, reason });
      notices.push({ code: 'outbox_reset', detail: setAsideTo });
    }
    // A job marked running when the app stopped may or may not have reached the backend: it
    // runs again, and the backend's idempotency (the job id) keeps that from doing it twice.
    const store = new OutboxStore(db, deps);
    if (db.data.jobs.some((j) => j.state === 'running')) {
      db.data = { ...db.data, jobs: db.data.jobs.map((j) => (j.state === 'running' ? { ...j, state: 'waiting' as const } : j)) };
      await store.persist();
    }
    return store;
  }

  /** Every job not yet done (and the last finished ones with `includeDone`), oldest first. */
  list(filter: { documentId?: string; includeDone?: boolean } = {}): OutboxJob[] {
    return this.db.data.jobs.filter((j) => (filter.includeDone || j.state !== 'done') && (!filter.documentId || j.documentId === filter.documentId)).map((j) => structuredClone(j));
  }

  get(id: string): OutboxJob | undefined {
    const job = this.db.data.jobs.find((j) => j.id === id);
    return job ? structuredClone(job) : undefined;
  }

  summary(): OutboxSummary {
    const open = this.db.data.jobs.filter((j) => j.state !== 'done');
    return {
      waiting: open.length,
      failing: open.filter((j) => j.state !== 'blocked' && j.lastError !== null).length,
      blocked: open.filter((j) => j.state === 'blocked').length,
    };
  }

  async enqueue(input: NewOutboxJob): Promise<Result<OutboxJob>> {
    const at = this.deps.now().toISOString();
    const job: OutboxJob = { ...input, id: this.deps.newId(), createdAt: at, state: 'waiting', attempts: 0, nextAttemptAt: at, lastError: null, finishedAt: null, overwriteVersion: null };
    return this.change((jobs) => [...jobs, job], job);
  }

  /**
   * The jobs that may run now: for each document, its oldest unfinished job, if it is waiting
   * and due. A blocked or running job holds back the later jobs of its document.
   */
  due(now: Date): OutboxJob[] {
    const seen = new Set<string>();
    const out: OutboxJob[] = [];
    for (const job of this.db.data.jobs) {
      if (job.state === 'done' || seen.has(job.documentId)) continue;
      seen.add(job.documentId);
      if (job.state === 'waiting' && Date.parse(job.nextAttemptAt) <= now.getTime()) out.push(structuredClone(job));
    }
    return out;
  }

  /** Only a waiting job starts: one cancelled, blocked or already started meanwhile is refused. */
  markRunning(id: string): Promise<Result<OutboxJob>> {
    return this.mutate((jobs) => {
      const job = jobs.find((j) => j.id === id);
      if (!job) return err('outbox_job_not_found', `No outbox job ${id}`);
      if (job.state !== 'waiting') return err('outbox_job_running', `Job ${id} is ${job.state}, not waiting`);
      const next: OutboxJob = { ...structuredClone(job), state: 'running', attempts: job.attempts + 1 };
      return ok({ jobs: jobs.map((j) => (j.id === id ? next : j)), value: next });
    });
  }

  complete(id: string): Promise<Result<OutboxJob>> {
    return this.patch(id, (j) => ({ ...j, state: 'done', lastError: null, finishedAt: this.deps.now().toISOString() }));
  }

  /** A failed attempt: tried again at `retryAt`, or left for a person when `retryAt` is null. */
  fail(id: string, error: Omit<OutboxError, 'at'>, retryAt: Date | null): Promise<Result<OutboxJob>> {
    const at = this.deps.now().toISOString();
    return this.patch(id, (j) => ({
      ...j,
      state: retryAt ? 'waiting' : 'blocked',
      nextAttemptAt: (retryAt ?? this.deps.now()).toISOString(),
      lastError: { ...error, message: error.message.slice(0, 2000), at },
      // Stopped for a person again (a newer conflict, say): what they chose before no longer holds.
      overwriteVersion: retryAt ? j.overwriteVersion : null,
    }));
  }

  /** A person asked to try a blocked or waiting job again now. Due now; with `overwriteVersion`, sent over that version of the site's item (a person chose "keep mine"). */
  retryNow(id: string, overwriteVersion?: string): Promise<Result<OutboxJob>> {
    return this.patch(id, (j) =>
      j.state === 'done' ? j : { ...j, state: 'waiting', nextAttemptAt: this.deps.now().toISOString(), overwriteVersion: overwriteVersion ?? j.overwriteVersion },
    );
  }

  /**
   * Drops a document's jobs of `actions` that have not gone out (waiting or blocked; a running
   * one is past recall), and answers how many. For steps an edit has made void: once the
   * approval is revoked, a queued publish would only stop at the approval check and hold back
   * the revoke queued behind it.
   */
  async dropUnsent(documentId: string, actions: readonly OutboxAction[]): Promise<Result<number>> {
    const unsent = (j: OutboxJob) => j.documentId === documentId && actions.includes(j.action) && (j.state === 'waiting' || j.state === 'blocked');
    const changed = await this.mutate((jobs) => {
      const count = jobs.filter(unsent).length;
      return ok({ jobs: count === 0 ? jobs : jobs.filter((j) => !unsent(j)), value: count });
    });
    if (changed.ok && changed.value > 0) this.deps.logger.info('outbox.dropped_unsent', { documentId, count: changed.value });
    return changed;
  }

  /** A job that is no longer wanted (the step was undone before it was sent). Never a running one. */
  cancel(id: string): Promise<Result<null>> {
    // Decided in turn with the other changes: the runner may have started it meanwhile.
    return this.mutate((jobs) => {
      const job = jobs.find((j) => j.id === id);
      if (!job) return err('outbox_job_not_found', `No outbox job ${id}`);
      if (job.state === 'running') return err('outbox_job_running', 'The job is being sent');
      return ok({ jobs: jobs.filter((j) => j.id !== id), value: null });
    });
  }

  /** Updates one job as it is when its turn comes (not as it was when asked): a job cancelled meanwhile is not found. */
  private patch(id: string, update: (job: OutboxJob) => OutboxJob): Promise<Result<OutboxJob>> {
    return this.mutate((jobs) => {
      const job = jobs.find((j) => j.id === id);
      if (!job) return err('outbox_job_not_found', `No outbox job ${id}`);
      const next = update(structuredClone(job));
      return ok({ jobs: jobs.map((j) => (j.id === id ? next : j)), value: next });
    });
  }

  private change<T>(update: (jobs: OutboxJob[]) => OutboxJob[], value: T): Promise<Result<T>> {
    return this.mutate((jobs) => ok({ jobs: update(jobs), value }));
  }

  /**
   * Applies a change in memory and on disk, one at a time, each computed from the jobs as the
   * one before left them; a refused change writes nothing, and on a failed write nothing changes.
   */
  private mutate<T>(plan: (jobs: OutboxJob[]) => Result<{ jobs: OutboxJob[]; value: T }>): Promise<Result<T>> {
    const run = this.#writing.then(async (): Promise<Result<T>> => {
      const previous = this.db.data;
      const planned = plan(previous.jobs);
      if (!planned.ok) return planned;
      const value = planned.value.value;
      // Nothing to change: nothing to write.
      if (planned.value.jobs === previous.jobs) return ok(structuredClone(value));
      this.db.data = { ...previous, jobs: trimDone(planned.value.jobs) };
      try {
        await this.persist();
      } catch (error) {
        this.db.data = previous;
        this.deps.logger.error('outbox.write_failed', { error: (error as Error).message });
        return err('storage_failed', (error as Error).message);
      }
      this.deps.bus.emit('outbox:changed', this.summary());
      return ok(structuredClone(value));
    });
    this.#writing = run.catch(() => undefined);
    return run;
  }

  private persist(): Promise<void> {
    return this.db.write();
  }
}

function trimDone(jobs: OutboxJob[]): OutboxJob[] {
  const done = jobs.filter((j) => j.state === 'done');
  if (done.length <= KEEP_DONE) return jobs;
  const drop = new Set(done.slice(0, done.length - KEEP_DONE).map((j) => j.id));
  return jobs.filter((j) => !drop.has(j.id));
}
