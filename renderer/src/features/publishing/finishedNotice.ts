import type { OutboxAction, OutboxJob } from '../../../../shared/domain/outboxJob';
import type { BackendView } from '../../../../shared/domain/publishing';
import type { ErrorCode } from '../../../../shared/ipc/result';

/** The steps whose arrival on the site a person waits for, and is told about. */
const ANNOUNCED = ['publish', 'schedule', 'unschedule', 'unpublish', 'sync'] as const;
export type AnnouncedAction = (typeof ANNOUNCED)[number];

export function isAnnounced(action: OutboxAction): action is AnnouncedAction {
  return (ANNOUNCED as readonly string[]).includes(action);
}

/**
 * The step a finished job most likely was when the window never saw the job itself (it was
 * queued and sent between two looks at the outbox): read from where the document now stands.
 */
export function actionFromStatus(status: string): AnnouncedAction | null {
  switch (status) {
    case 'publisert':
      return 'publish';
    case 'avpublisert':
      return 'unpublish';
    case 'planlagt':
      return 'schedule';
    default:
      return null;
  }
}

/** What the window says when a job being sent has finished. */
export type FinishedNotice =
  | {
      readonly kind: 'done';
      readonly action: AnnouncedAction;
      readonly title: string;
      /** The site's name as configured, or '' to say "the site". */
      readonly site: string;
      /** Where the item is on the site (http or https), when the backend answered one. */
      readonly url: string | null;
      /** The local site: offer to open its index page instead of a link. */
      readonly localSite: boolean;
    }
  | { readonly kind: 'failed'; readonly title: string; readonly code: ErrorCode; readonly job: OutboxJob };

/** The job's fate once the runner said it finished: gone from the outbox, or still there with its error. */
export type JobFate = { readonly kind: 'done' } | { readonly kind: 'failed'; readonly code: ErrorCode; readonly blocked: boolean } | { readonly kind: 'unknown' };

export function jobFate(job: { state: string; lastError: { code: ErrorCode } | null } | undefined): JobFate {
  if (!job || job.state === 'done') return { kind: 'done' };
  if (job.state === 'running') return { kind: 'unknown' };
  if (job.lastError) return { kind: 'failed', code: job.lastError.code, blocked: job.state === 'blocked' };
  return { kind: 'unknown' };
}

/** A site's name for the sentence "Publisert på …": its label, else its address's host. */
export function siteName(backend: BackendView | null): string {
  if (!backend) return '';
  if (backend.config.label.trim()) return backend.config.label.trim();
  if (backend.config.kind === 'wordpress') {
    try {
      return new URL(backend.config.siteUrl).host;
    } catch {
      return backend.config.siteUrl;
    }
  }
  return '';
}

/** Only web addresses become links; a file path or anything else is shown as text. */
export function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? url : null;
}
