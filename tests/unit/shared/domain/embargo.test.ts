import { afterEach, describe, expect, it } from 'vitest';
import { canPublishNow, embargoState, mustSchedule } from '../../../../shared/domain/embargo';
import { osloInstant } from '../../../../shared/domain/osloTime';
import type { Role } from '../../../../shared/domain/vocabulary';
import { allowedActions, transition } from '../../../../shared/domain/workflow';
import { counter, docIn, OLA } from '../../support/workflowFixtures';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

const minutes = (instant: Date, n: number) => new Date(instant.getTime() + n * 60_000);
const publisher: Role[] = ['publiserer'];

/**
 * Sperrefrister entered as Oslo wall times on and around both 2026 clock changes, with the
 * instant each must mean (checked by hand against CET/CEST).
 */
const CASES = [
  // Spring: 29 March 02:00 CET → 03:00 CEST. 01:30 is still winter time; 03:30 is summer time.
  { name: 'before the spring change (01:30 CET)', wall: { year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, utc: '2026-03-29T00:30:00.000Z' },
  { name: 'just after the spring change (03:00 CEST)', wall: { year: 2026, month: 3, day: 29, hour: 3, minute: 0 }, utc: '2026-03-29T01:00:00.000Z' },
  { name: 'in the spring gap (02:30 is read as 03:30 CEST)', wall: { year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, utc: '2026-03-29T01:30:00.000Z' },
  { name: 'a spring morning (10:00 CEST)', wall: { year: 2026, month: 3, day: 29, hour: 10, minute: 0 }, utc: '2026-03-29T08:00:00.000Z' },
  // Autumn: 25 October 03:00 CEST → 02:00 CET. 02:30 happens twice; the first (CEST) is meant.
  { name: 'in the autumn overlap (02:30, first time, CEST)', wall: { year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, utc: '2026-10-25T00:30:00.000Z' },
  { name: 'just after the autumn change (03:00 CET)', wall: { year: 2026, month: 10, day: 25, hour: 3, minute: 0 }, utc: '2026-10-25T02:00:00.000Z' },
  { name: 'an autumn morning (10:00 CET)', wall: { year: 2026, month: 10, day: 25, hour: 10, minute: 0 }, utc: '2026-10-25T09:00:00.000Z' },
] as const;

describe.each(['UTC', 'America/New_York', 'Europe/Oslo', 'Pacific/Kiritimati'])('sperrefrist on a machine in %s', (tz) => {
  it.each(CASES)('holds until and releases at the instant: $name', ({ wall, utc }) => {
    process.env.TZ = tz;
    const embargo = osloInstant(wall).instant;
    expect(embargo.toISOString()).toBe(utc);
    const embargoAt = embargo.toISOString();
    const doc = docIn('godkjent', { embargoAt });

    for (const [now, publishable] of [
      [minutes(embargo, -61), false], // an hour off: the mistake a DST bug would make
      [minutes(embargo, -1), false],
      [new Date(embargo.getTime() - 1), false],
      [embargo, true],
      [minutes(embargo, 1), true],
    ] as const) {
      expect(canPublishNow(embargoAt, now)).toBe(publishable);
      expect(mustSchedule(embargoAt, now)).toBe(!publishable);
      expect(allowedActions(doc, publisher, now)).toEqual(publishable ? ['publish'] : ['schedule']);
      const published = transition(doc, 'publish', { actor: OLA, roles: publisher }, now, { comment: '', newId: counter() });
      expect(published.ok ? 'ok' : published.error.code).toBe(publishable ? 'ok' : 'embargo_not_passed');
    }
  });

  it('stores the same instant whatever the offset it was written with', () => {
    process.env.TZ = tz;
    // 10:00 Oslo on the autumn change day, written as CET and as UTC.
    const now = new Date('2026-10-25T08:59:00Z');
    expect(canPublishNow('2026-10-25T10:00:00+01:00', now)).toBe(false);
    expect(canPublishNow('2026-10-25T09:00:00Z', now)).toBe(false);
    expect(canPublishNow('2026-10-25T10:00:00+01:00', minutes(now, 1))).toBe(true);
  });
});

describe('embargoState', () => {
  const now = new Date('2026-06-10T10:00:00Z');
  it('names the state', () => {
    expect(embargoState(null, now)).toBe('none');
    expect(embargoState('2026-06-10T09:59:59Z', now)).toBe('passed');
    expect(embargoState('2026-06-10T10:00:00Z', now)).toBe('passed');
    expect(embargoState('2026-06-10T10:14:59Z', now)).toBe('soon');
    expect(embargoState('2026-06-10T10:15:00Z', now)).toBe('future');
  });

  it('holds a text back when its sperrefrist cannot be read', () => {
    expect(canPublishNow('garbage', now)).toBe(false);
    expect(embargoState('garbage', now)).toBe('future');
  });
});
