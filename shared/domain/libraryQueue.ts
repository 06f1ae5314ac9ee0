/**
 * The library's work queues ("waiting for my approval", "returned to me", "scheduled"). Zod-free:
 * the renderer's queue selector uses the same list.
 */
import type { Role } from './vocabulary';

export const LIBRARY_QUEUES = ['all', 'toApprove', 'returnedToMe', 'scheduled'] as const;
export type LibraryQueue = (typeof LIBRARY_QUEUES)[number];

/** Who "me" is for the queues: the active profile. */
export interface QueueViewer {
  readonly profileId: string;
  readonly roles: readonly Role[];
}

/** What a queue needs to know of a summary. */
export interface QueueFacts {
  readonly status: string;
  readonly submittedBy: string | null;
}

/**
 * toApprove: in review and I am an editor; returnedToMe: returned and I sent it last;
 * scheduled: planned for publication. Without a viewer the personal queues are empty.
 */
export function inQueue(summary: QueueFacts, queue: LibraryQueue, me: QueueViewer | null): boolean {
  switch (queue) {
    case 'all':
      return true;
    case 'toApprove':
      return summary.status === 'til_godkjenning' && me !== null && me.roles.includes('redaktor');
    case 'returnedToMe':
      return summary.status === 'returnert' && me !== null && summary.submittedBy === me.profileId;
    case 'scheduled':
      return summary.status === 'planlagt';
  }
}
