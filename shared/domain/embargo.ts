/**
 * Sperrefrist rules. An embargo is an instant (stored in UTC), so comparing it with the clock
 * never depends on the machine's time zone; Oslo's wall clock only matters for showing and
 * entering it (osloTime.ts). Zod-free: the renderer uses these to decide what to offer.
 */

/** A sperrefrist closer than this is probably a typo or a rush: the checklist warns. */
export const EMBARGO_SOON_MS = 15 * 60_000;

/**
 * none: no sperrefrist; future: more than EMBARGO_SOON_MS ahead; soon: ahead, but within
 * EMBARGO_SOON_MS; passed: the moment has come (publishing is allowed from that instant on).
 */
export type EmbargoState = 'none' | 'future' | 'soon' | 'passed';

/**
 * The instant of a stored sperrefrist in milliseconds. A value that cannot be read counts as
 * never passing: a damaged sperrefrist must hold a text back, not let it out.
 */
function embargoMs(embargoAt: string): number {
  const ms = Date.parse(embargoAt);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

export function embargoState(embargoAt: string | null, now: Date): EmbargoState {
  if (embargoAt === null) return 'none';
  const left = embargoMs(embargoAt) - now.getTime();
  if (left <= 0) return 'passed';
  return left < EMBARGO_SOON_MS ? 'soon' : 'future';
}

/** True when a text may go out now: no sperrefrist, or its instant has come. */
export function canPublishNow(embargoAt: string | null, now: Date): boolean {
  return embargoAt === null || embargoMs(embargoAt) <= now.getTime();
}

/** True when the text must be scheduled rather than published: its sperrefrist is still ahead. */
export function mustSchedule(embargoAt: string | null, now: Date): boolean {
  return !canPublishNow(embargoAt, now);
}
