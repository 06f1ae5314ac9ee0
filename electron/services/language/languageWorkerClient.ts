import { Worker } from 'node:worker_threads';
import type { CheckedBlock, DictStatus, LanguageBlock } from '../../../shared/domain/language';
import type { Maalform } from '../../../shared/domain/vocabulary';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { Logger } from '../logger';
import type { LanguageWorkerData, WorkerRequest, WorkerResponse } from './workerProtocol';

export interface LanguageWorkerOptions {
  readonly maalform: Maalform;
  /** The built worker script (languageWorker.mjs beside the main bundle). */
  readonly workerUrl: URL;
  readonly resourcesDir: string;
  /** The personal dictionary as it is when the worker starts. */
  readonly personal: () => readonly string[];
  readonly logger: Logger;
}

type Job =
  | { readonly id: number; readonly kind: 'check'; readonly blocks: readonly LanguageBlock[]; readonly done: (r: Result<CheckedBlock[]>) => void }
  | { readonly id: number; readonly kind: 'suggest'; readonly word: string; readonly done: (r: Result<string[]>) => void };

/**
 * The main thread's side of one målform's worker. The worker starts on the first request and is
 * kept. Jobs run one at a time in arrival order, so a suggestion waits behind the checks sent
 * before it; a newer suggestion cancels older ones still waiting (the user moved on). A
 * dictionary that cannot be loaded makes every request answer `language_unavailable`; a worker
 * that dies after loading is started again on the next request.
 */
export class LanguageWorkerClient {
  #worker: Worker | null = null;
  #state: DictStatus['state'] = 'idle';
  #loadMs: number | null = null;
  #failure = '';
  #queue: Job[] = [];
  #running: Job | null = null;
  #nextId = 1;
  #closed = false;

  constructor(private readonly options: LanguageWorkerOptions) {}

  status(): DictStatus {
    return { state: this.#state, loadMs: this.#loadMs };
  }

  check(blocks: readonly LanguageBlock[]): Promise<Result<CheckedBlock[]>> {
    return new Promise((done) => this.enqueue({ id: this.#nextId++, kind: 'check', blocks, done }));
  }

  suggest(word: string): Promise<Result<string[]>> {
    return new Promise((done) => {
      const waiting = this.#queue.filter((job) => job.kind === 'suggest');
      this.#queue = this.#queue.filter((job) => job.kind !== 'suggest');
      for (const job of waiting) job.done(err('language_cancelled', 'A newer suggestion request replaced this one'));
      this.enqueue({ id: this.#nextId++, kind: 'suggest', word, done });
    });
  }

  /** Hands the worker the new personal dictionary; requests sent after this see it. */
  setPersonal(words: readonly string[]): void {
    this.#worker?.postMessage({ kind: 'personal', words: [...words] } satisfies WorkerRequest);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.failAll('internal', 'The language service is closing');
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  private enqueue(job: Job): void {
    if (this.#closed) return job.done(err('internal', 'The language service is closed'));
    if (this.#state === 'failed') return job.done(err('language_unavailable', this.#failure));
    this.#queue.push(job);
    if (!this.#worker) this.start();
    else this.pump();
  }

  private start(): void {
    const { maalform, workerUrl, resourcesDir, personal, logger } = this.options;
    this.#state = 'loading';
    logger.info('language.loading', { maalform });
    let worker: Worker;
    try {
      const workerData: LanguageWorkerData = { maalform, resourcesDir, personal: [...personal()] };
      worker = new Worker(workerUrl, { workerData, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    } catch (error) {
      this.fail(`The language worker could not start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.#worker = worker;
    worker.on('message', (message: WorkerResponse) => this.receive(message));
    worker.on('error', (error: unknown) => logger.error('language.worker_error', { maalform, error: error instanceof Error ? error.message : String(error) }));
    worker.on('exit', (code) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      if (this.#closed) return;
      if (this.#state === 'loading') return this.fail(`The language worker stopped while loading (exit code ${code})`);
      // It died after loading (a bug, or memory): answer the job it had and start afresh.
      logger.error('language.worker_exit', { maalform, code });
      this.#state = 'idle';
      const running = this.#running;
      this.#running = null;
      running?.done(err('internal', `The language worker stopped (exit code ${code})`));
      if (this.#queue.length > 0) this.start();
    });
  }

  private receive(message: WorkerResponse): void {
    const { maalform, logger } = this.options;
    if (message.kind === 'ready') {
      this.#state = 'ready';
      this.#loadMs = Math.round(message.loadMs);
      logger.info('language.ready', { maalform, loadMs: this.#loadMs });
      this.pump();
      return;
    }
    if (message.kind === 'failed') {
      this.fail(message.message);
      const worker = this.#worker;
      this.#worker = null;
      void worker?.terminate();
      return;
    }
    const job = this.#running;
    if (!job || job.id !== message.id) return;
    this.#running = null;
    if (message.kind === 'error') {
      logger.error('language.job_failed', { maalform, kind: job.kind, error: message.message });
      job.done(err('internal', message.message));
    } else if (job.kind === 'check' && message.kind === 'checked') {
      job.done(ok(message.blocks));
    } else if (job.kind === 'suggest' && message.kind === 'suggested') {
      job.done(ok(message.suggestions));
    }
    this.pump();
  }

  /** Sends the next job once the worker is ready and idle. */
  private pump(): void {
    if (this.#state !== 'ready' || this.#running || !this.#worker) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#running = job;
    const request: WorkerRequest = job.kind === 'check' ? { id: job.id, kind: 'check', blocks: job.blocks } : { id: job.id, kind: 'suggest', word: job.word };
    this.#worker.postMessage(request);
  }

  private fail(message: string): void {
    this.#state = 'failed';
    this.#failure = message;
    this.options.logger.error('language.unavailable', { maalform: this.options.maalform, error: message });
    this.failAll('language_unavailable', message);
  }

  private failAll(code: 'language_unavailable' | 'internal', message: string): void {
    const jobs = [...(this.#running ? [this.#running] : []), ...this.#queue];
    this.#running = null;
    this.#queue = [];
    for (const job of jobs) job.done(err(code, message));
  }
}
