import { afterEach, describe, expect, it } from 'vitest';
import { formatOsloDate, formatOsloTime, osloInstant, osloOffsetMinutes, osloTimeAfterDays, osloWallTime } from '../../../../shared/domain/osloTime';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

// The same expectations whatever the machine's own zone: the functions must not depend on it.
describe.each(['UTC', 'America/New_York', 'Europe/Oslo', 'Asia/Tokyo'])('Oslo time on a machine in %s', (tz) => {
  const withTz = () => {
    process.env.TZ = tz;
  };

  it('knows winter and summer offsets', () => {
    withTz();
    expect(osloOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(osloOffsetMinutes(new Date('2026-07-01T12:00:00Z'))).toBe(120);
  });

  it('turns a wall time into the right instant on both sides of both changes', () => {
    withTz();
    expect(osloInstant({ year: 2026, month: 3, day: 28, hour: 10, minute: 0 })).toEqual({ instant: new Date('2026-03-28T09:00:00Z'), resolution: 'exact' });
    expect(osloInstant({ year: 2026, month: 3, day: 29, hour: 10, minute: 0 })).toEqual({ instant: new Date('2026-03-29T08:00:00Z'), resolution: 'exact' });
    expect(osloInstant({ year: 2026, month: 10, day: 24, hour: 10, minute: 0 }).instant).toEqual(new Date('2026-10-24T08:00:00Z'));
    expect(osloInstant({ year: 2026, month: 10, day: 25, hour: 10, minute: 0 }).instant).toEqual(new Date('2026-10-25T09:00:00Z'));
  });

  it('handles the spring gap and the autumn overlap explicitly', () => {
    withTz();
    // 29 March 2026: 02:00 → 03:00, so 02:30 never happens; it is read as 03:30 CEST.
    expect(osloInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 })).toEqual({ instant: new Date('2026-03-29T01:30:00Z'), resolution: 'skipped-gap' });
    // 25 October 2026: 03:00 → 02:00, so 02:30 happens twice; the first (CEST) is used.
    expect(osloInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 })).toEqual({ instant: new Date('2026-10-25T00:30:00Z'), resolution: 'ambiguous-first' });
  });

  it('round-trips wall time for every hour of a year', () => {
    withTz();
    for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 3_600_000) {
      const wall = osloWallTime(new Date(ms));
      const back = osloInstant(wall);
      if (back.resolution === 'ambiguous-first') expect([ms, ms - 3_600_000]).toContain(back.instant.getTime());
      else expect(back.instant.getTime()).toBe(ms);
    }
  });

  it('finds "10:00 in two days" across a change and formats the Norwegian way', () => {
    withTz();
    const at = osloTimeAfterDays(new Date('2026-03-28T12:00:00Z'), 2, 10);
    expect(at.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(formatOsloDate(at)).toBe('30.03.2026');
    expect(formatOsloTime(at)).toBe('10.00');
    // Late evening UTC is already the next day in Oslo.
    expect(formatOsloDate(new Date('2026-12-31T23:30:00Z'))).toBe('01.01.2027');
  });
});
