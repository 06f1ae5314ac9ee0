import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../../electron/services/eventBus';
import { Library } from '../../../electron/services/library/library';
import { silentLogger } from '../../../electron/services/logger';
import { MediaStore } from '../../../electron/services/media/mediaStore';
import { OutboxStore } from '../../../electron/services/outbox/outboxStore';
import { OutboxRunner, type OutboxRunnerDeps, type RunnerTimers } from '../../../electron/services/publishing/outboxRunner';
import type { BackendRegistry, PublishingBackend, RunContext, RunOutcome } from '../../../electron/services/publishing/publishingBackend';
import type { Notice } from '../../../electron/services/settingsService';
import { approvalHash } from '../../../shared/domain/approvalHash';
import { newDocument, type Document } from '../../../shared/domain/document';
import type { OutboxAction, OutboxJob } from '../../../shared/domain/outboxJob';
import { err, ok, type ErrorCode, type Result } from '../../../shared/ipc/result';
import { TestClock } from './libraryFixture';

/** Timers that fire only when the test says so (after moving the clock). */
export class ManualTimers implements RunnerTimers {
  readonly pending = new Map<number, { fn: () => void; at: number }>();
  #next = 1;
  constructor(private readonly clock: TestClock) {}
  set(fn: () => void, ms: number): unknown {
    const id = this.#next++;
    this.pending.set(id, { fn, at: this.clock.ms + ms });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Moves the clock by `ms` and fires every timer that has come due. */
  advance(ms: number): void {
    this.clock.advance(ms);
    for (const [id, t] of [...this.pending]) {
      if (t.at <= this.clock.ms) {
        this.pending.delete(id);
        t.fn();
      }
    }
  }
  /** The earliest pending timer's delay from now, or null. */
  nextDelay(): number | null {
    const ats = [...this.pending.values()].map((t) => t.at);
    return ats.length ? Math.min(...ats) - this.clock.ms : null;
  }
}

export type Answer = Result<RunOutcome> & { readonly retryAfterMs?: number };

/**
 * A backend that records every call and applies each job's effect once (keyed by job id, as a
 * real backend's idempotency would), answering what `answer` says.
 */
export class FakeBackend implements PublishingBackend {
  readonly kind = 'local-site' as const;
  readonly calls: { jobId: string; action: OutboxAction; documentId: string; overwriteVersion: string | null }[] = [];
  readonly effects = new Map<string, number>();
  active = 0;
  maxActive = 0;
  answer: (job: OutboxJob, doc: Document, ctx: RunContext) => Promise<Answer> | Answer = (job) => ok({ remote: { backend: this.id, remoteId: job.documentId, remoteVersion: `v-${job.id}`, url: null } });
  constructor(readonly id = 'fake') {}
  async testConnection() {
    return err<never>('backend_not_configured', 'fake');
  }
  async run(job: OutboxJob, doc: Document, ctx: RunContext): Promise<Answer> {
    this.calls.push({ jobId: job.id, action: job.action, documentId: doc.id, overwriteVersion: ctx.overwriteVersion });
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      const answer = await this.answer(job, doc, ctx);
      // Idempotent by job id: a second run of the same job changes nothing more.
      if (answer.ok && !this.effects.has(job.id)) this.effects.set(job.id, this.effects.size + 1);
      return answer;
    } finally {
      this.active--;
    }
  }
}

export function registryOf(...backends: PublishingBackend[]): BackendRegistry {
  return {
    activeId: () => backends[0]?.id ?? 'none',
    backendFor: async (id) => {
      const found = backends.find((b) => b.id === id);
      return found ? ok(found) : err('backend_not_configured', `No backend ${id}`);
    },
  };
}

export interface World {
  readonly dir: string;
  readonly clock: TestClock;
  readonly timers: ManualTimers;
  readonly bus: EventBus;
  readonly events: [string, unknown][];
  readonly outbox: OutboxStore;
  readonly library: Library;
  readonly media: MediaStore;
  close(): Promise<void>;
}

export async function openWorld(dir?: string): Promise<World> {
  const base = dir ?? (await mkdtemp(join(tmpdir(), 'melding-publishing-')));
  const clock = new TestClock();
  const timers = new ManualTimers(clock);
  const bus = new EventBus();
  const events: [string, unknown][] = [];
  bus.subscribe((event, payload) => events.push([event, payload]));
  const notices: Notice[] = [];
  const library = await Library.open({ dir: join(base, 'library'), bus, logger: silentLogger, now: clock.now, newId: randomUUID, author: () => ({ name: 'Kari Nordmann', email: 'kari@dep.no' }) }, notices);
  const outbox = await OutboxStore.open(base, { bus, logger: silentLogger, now: clock.now, newId: randomUUID }, notices);
  const media = await MediaStore.open({ dir: join(base, 'media'), logger: silentLogger, now: clock.now });
  return { dir: base, clock, timers, bus, events, outbox, library, media, close: () => library.close() };
}

export function runnerFor(world: World, registry: BackendRegistry, overrides: Partial<OutboxRunnerDeps> = {}): OutboxRunner {
  return new OutboxRunner({
    outbox: world.outbox,
    library: world.library,
    media: world.media,
    registry,
    bus: world.bus,
    logger: silentLogger,
    now: world.clock.now,
    random: () => 0.5,
    timers: world.timers,
    ...overrides,
  });
}

export const ACTOR = { profileId: 'p1', name: 'Kari Nordmann', email: 'kari@dep.no' };

/** An approved document in the library (approval matching its text). */
export async function approvedDoc(world: World, overrides: Partial<Document> = {}): Promise<Document> {
  const base: Document = {
    ...newDocument({ id: randomUUID(), now: world.clock.now(), author: { name: 'Kari Nordmann', email: 'kari@dep.no' }, maalform: 'nb' }),
    title: 'Regjeringen styrker sykehusene',
    ingress: 'Ventetidene skal ned.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Brødtekst.' }] }] },
    status: 'godkjent',
    revision: 3,
    ...overrides,
  };
  const doc: Document = { ...base, approval: { hash: approvalHash(base), by: ACTOR, at: world.clock.now().toISOString(), docRevision: base.revision } };
  const put = await world.library.put(doc, 'created');
  if (!put.ok) throw new Error(put.error.message);
  return doc;
}

export async function enqueue(world: World, doc: Document, action: OutboxAction, backendId: string | null = null): Promise<OutboxJob> {
  const queued = await world.outbox.enqueue({
    documentId: doc.id,
    action,
    backendId,
    actor: ACTOR,
    docRevision: doc.revision,
    approvalHash: action === 'publish' || action === 'schedule' ? (doc.approval?.hash ?? null) : null,
    comment: '',
  });
  if (!queued.ok) throw new Error(queued.error.message);
  return queued.value;
}

export function failWith(code: ErrorCode, retryAfterMs?: number): Answer {
  const e = err<RunOutcome>(code, `fails with ${code}`);
  return retryAfterMs === undefined ? e : { ...e, retryAfterMs };
}

/** A promise with its resolver, to hold a backend call open. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
