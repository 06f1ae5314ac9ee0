// A Melding data folder (library, outbox, media) on disk with the real OutboxRunner sending to a
// WordPress backend, for the fault and drain tests and the bench. Reopening it from the same
// folder is what a restart of the app does.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { approvalHash } from '../../../../shared/domain/approvalHash';
import type { Document } from '../../../../shared/domain/document';
import type { OutboxAction } from '../../../../shared/domain/outboxJob';
import { ok } from '../../../../shared/ipc/result';
import { EventBus } from '../../../../electron/services/eventBus';
import { Library } from '../../../../electron/services/library/library';
import { silentLogger } from '../../../../electron/services/logger';
import { MediaStore } from '../../../../electron/services/media/mediaStore';
import { OutboxStore } from '../../../../electron/services/outbox/outboxStore';
import { OutboxRunner } from '../../../../electron/services/publishing/outboxRunner';
import type { PublishingBackend } from '../../../../electron/services/publishing/publishingBackend';
import type { Notice } from '../../../../electron/services/settingsService';

export const ACTOR = { profileId: 'p1', name: 'Kari Nordmann', email: 'kari@example.invalid' };

export interface OutboxWorld {
  readonly dir: string;
  readonly library: Library;
  readonly outbox: OutboxStore;
  readonly media: MediaStore;
  readonly runner: OutboxRunner;
  close(): Promise<void>;
}

export async function openOutboxWorld(dir: string, backend: PublishingBackend, options: { concurrency?: number; random?: () => number; paused?: boolean } = {}): Promise<OutboxWorld> {
  const bus = new EventBus();
  const notices: Notice[] = [];
  const now = () => new Date();
  const library = await Library.open({ dir: join(dir, 'library'), bus, logger: silentLogger, now, newId: randomUUID, author: () => ({ name: ACTOR.name, email: ACTOR.email }) }, notices);
  const outbox = await OutboxStore.open(dir, { bus, logger: silentLogger, now, newId: randomUUID }, notices);
  const media = await MediaStore.open({ dir: join(dir, 'media'), logger: silentLogger, now });
  const runner = new OutboxRunner({
    outbox,
    library,
    media,
    registry: { activeId: () => backend.id, backendFor: async () => ok(backend) },
    bus,
    logger: silentLogger,
    now,
    random: options.random,
    concurrency: options.concurrency,
    paused: options.paused,
  });
  return {
    dir,
    library,
    outbox,
    media,
    runner,
    close: async () => {
      await runner.close();
      await library.close();
    },
  };
}

/** Puts an approved document in the library (its approval matching its text). */
export async function putApproved(world: OutboxWorld, doc: Document): Promise<Document> {
  const approved: Document = { ...doc, status: 'godkjent', approval: { hash: approvalHash(doc), by: ACTOR, at: new Date().toISOString(), docRevision: doc.revision } };
  const put = await world.library.put(approved, 'created');
  if (!put.ok) throw new Error(put.error.message);
  return approved;
}

export async function enqueue(world: OutboxWorld, doc: Document, action: OutboxAction, backendId: string): Promise<string> {
  const queued = await world.outbox.enqueue({ documentId: doc.id, action, backendId, actor: ACTOR, docRevision: doc.revision, approvalHash: action === 'publish' || action === 'schedule' ? (doc.approval?.hash ?? null) : null, comment: '' });
  if (!queued.ok) throw new Error(queued.error.message);
  return queued.value.id;
}

/**
 * Waits until no job is left but done, blocked, or held back by a blocked job of its document
 * (those never run without a person), or `until` holds; throws after `timeoutMs`.
 */
export async function drained(world: OutboxWorld, timeoutMs: number, until?: () => boolean): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const jobs = world.outbox.list();
    const blockedDocs = new Set(jobs.filter((j) => j.state === 'blocked').map((j) => j.documentId));
    const open = jobs.filter((j) => !blockedDocs.has(j.documentId));
    if (open.length === 0 || until?.()) return;
    if (Date.now() > end) throw new Error(`outbox not drained after ${timeoutMs} ms: ${open.length} jobs open`);
    world.runner.kick();
    await new Promise((r) => setTimeout(r, 100));
  }
}
