import type { BackendKind } from '../../../shared/domain/backendGrant';
import type { Document, RemoteLink } from '../../../shared/domain/document';
import type { OutboxJob } from '../../../shared/domain/outboxJob';
import type { ConnectionReport, RemoteImage, RemoteItem } from '../../../shared/domain/publishing';
import type { Result } from '../../../shared/ipc/result';
import type { MediaStore } from '../media/mediaStore';

export interface RunContext {
  readonly media: MediaStore;
  /** Reports progress of a long step (image uploads): `done` of `total` in `phase` (publishing.phase.*). */
  progress(done: number, total: number, phase: string): void;
  /** Aborted when the app closes or the user cancels; a backend stops at the next safe point. */
  readonly signal: AbortSignal;
  /**
   * Set when a person resolved a conflict with "keep mine" or "merged": the site's version they
   * looked at, which the backend may overwrite (and only that one: a newer change is a conflict again).
   */
  readonly overwriteVersion: string | null;
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
 *
 * Before changing an item that is already on the site, `run` checks the site's version marker
 * against `doc.remote.remoteVersion` (or `ctx.overwriteVersion`); if the site moved on it
 * changes nothing and fails with `remote_conflict`. The runner then blocks the job for a person.
 *
 * Errors carry the codes in result.ts (backend_auth_failed, backend_forbidden,
 * backend_unreachable, backend_timeout, backend_tls, backend_media_too_large,
 * backend_media_type, backend_server_error, backend_rate_limited, backend_item_missing,
 * remote_conflict …); the runner decides from the code whether to retry.
 */
export interface PublishingBackend {
  readonly id: string;
  readonly kind: BackendKind;
  /** Checks credentials explicitly and reports the user, roles, capabilities and the companion plugin. */
  testConnection(signal?: AbortSignal): Promise<Result<ConnectionReport>>;
  /** On failure, `retryAfterMs` (a 429's or 503's Retry-After) overrides the runner's backoff. */
  run(job: OutboxJob, doc: Document, ctx: RunContext): Promise<Result<RunOutcome> & { readonly retryAfterMs?: number }>;
  /** The item as it is on the site now (conflict view). Absent where the backend has no remote copy to differ. */
  fetchRemote?(link: RemoteLink, signal: AbortSignal): Promise<Result<RemoteItem>>;
  /** Items waiting for approval on the site (WordPress 'pending'), newest first, at most `limit`. */
  listPending?(signal: AbortSignal, limit: number): Promise<Result<RemoteItem[]>>;
  /** An image's bytes from the site (pulling items for review). */
  fetchMedia?(image: RemoteImage, signal: AbortSignal): Promise<Result<Uint8Array>>;
}

/**
 * Where the runner and the publishing service get backends from. The real one (BackendsStore)
 * builds them from `backends.json` and the sealed passwords; tests pass their own.
 */
export interface BackendRegistry {
  /** The backend new steps go to (settings.activeBackendId). */
  activeId(): string;
  /** A ready backend for the id, or backend_not_configured / backend_secret_unavailable. */
  backendFor(id: string): Promise<Result<PublishingBackend>>;
}
