import type { TFunction } from 'i18next';
import type { PublishingProgress, PullProgress } from '../../../../shared/domain/publishing';

/** The phases the runner reports, each with a message under publishing.phase.*. */
export const PUBLISHING_PHASES = ['prepare', 'media', 'post', 'verify', 'pages'] as const;
export type PublishingPhase = (typeof PUBLISHING_PHASES)[number];

export function isPublishingPhase(phase: string): phase is PublishingPhase {
  return (PUBLISHING_PHASES as readonly string[]).includes(phase);
}

export interface ProgressView {
  /** "Laster opp bilde 2 av 3": what the bar says, and what a screen reader reads as its value. */
  readonly text: string;
  /** Steps done and in all; null when the phase has no count (the bar is then indeterminate). */
  readonly now: number | null;
  readonly max: number | null;
}

/**
 * A job's progress in words. A phase with a count names it ("bilde 2 av 3" is the one being
 * uploaded: done + 1, never more than the total); one without a count says only what happens.
 */
export function progressView(t: TFunction, progress: Pick<PublishingProgress, 'phase' | 'done' | 'total'>): ProgressView {
  const phase = isPublishingPhase(progress.phase) ? progress.phase : 'prepare';
  if (progress.total <= 0) {
    const text = phase === 'media' ? t('publishing.phase.mediaAll') : phase === 'pages' ? t('publishing.phase.pagesAll') : t(`publishing.phase.${phase}`);
    return { text, now: null, max: null };
  }
  const done = Math.min(progress.done, progress.total);
  const current = Math.min(done + 1, progress.total);
  return { text: t(`publishing.phase.${phase}`, { current, total: progress.total }), now: done, max: progress.total };
}

/**
 * A pull for review in words: "Henter saker fra nettstedet …" while the site is asked, then
 * "Henter sak 2 av 5 …" (the one being stored, with its images) against a bar with a value.
 */
export function pullProgressView(t: TFunction, progress: Pick<PullProgress, 'phase' | 'done' | 'total'> | null): ProgressView {
  if (!progress || progress.phase === 'list' || progress.total <= 0) return { text: t('publishing.pull.busy'), now: null, max: null };
  const done = Math.min(progress.done, progress.total);
  return { text: t('publishing.pull.busyItems', { current: Math.min(done + 1, progress.total), total: progress.total }), now: done, max: progress.total };
}
