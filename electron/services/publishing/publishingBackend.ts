import type { BackendGrant, BackendKind } from '../../../shared/domain/backendGrant';
import type { Document, RemoteLink } from '../../../shared/domain/document';
import type { OutboxJob } from '../../../shared/domain/outboxJob';
import type { Result } from '../../../shared/ipc/result';
import type { MediaStore } from '../media/mediaStore';

export interface RunContext {
  readonly media: MediaStore;
  /** Reports progress of a long step (image uploads): `done` of `total` in `phase`. */
  progress(done: number, total: number, phase: string): void;
  /** Aborted when the app closes or the user cancels; a backend stops at the next safe point. */
  readonly signal: AbortSignal;
}

export interface RunOutcome {
  /** Where the document now is on the backend; null when it is not there (withdrawn to trash). */
  readonly remote: RemoteLink | null;
  /** Set when the step published (the site's publication time) or unpublished (null). */
  readonly publishedAt?: string | null;
}

/**
 * A place documents are published to. `run` carries out one outbox job and must be idempotent:
 * running the same job again after a lost answer, a timeout or a crash changes nothing more.
 */
export interface PublishingBackend {
  readonly id: string;
  readonly kind: BackendKind;
  testConnection(): Promise<Result<BackendGrant>>;
  run(job: OutboxJob, doc: Document, ctx: RunContext): Promise<Result<RunOutcome>>;
}
