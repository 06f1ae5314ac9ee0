import { afterEach, describe, expect, it } from 'vitest';
import { formatOsloDate, formatOsloTime, parseNorwegianDate, parseNorwegianTime, readOsloEntry } from '../../../../shared/domain/osloTime';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('reading typed dates and times', () => {
  it.each([
    ['24.11.2026', { year: 2026, month: 11, day: 24 }],
    [' 1.3.2026 ', { year: 2026, month: 3, day: 1 }],
    ['24/11/2026', { year: 2026, month: 11, day: 24 }],
    ['2026-11-24', { year: 2026, month: 11, day: 24 }],
    ['29.02.2028', { year: 2028, month: 2, day: 29 }],
  ])('reads the date %s', (text, expected) => {
    expect(parseNorwegianDate(text)).toEqual(expected);
  });

  it.each([
    ['', 'date_format'],
    ['24 november', 'date_format'],
    ['24.11', 'date_format'],
    ['24.11.20', 'date_format'],
    ['31.11.2026', 'date_invalid'],
    ['29.02.2026', 'date_invalid'],
    ['00.01.2026', 'date_invalid'],
    ['12.13.2026', 'date_invalid'],
  ])('refuses the date %s with %s', (text, problem) => {
    expect(parseNorwegianDate(text)).toBe(problem);
  });

  it.each([
    ['10.00', { hour: 10, minute: 0 }],
    ['10:30', { hour: 10, minute: 30 }],
    ['0930', { hour: 9, minute: 30 }],
    ['9', { hour: 9, minute: 0 }],
    ['kl. 14.05', { hour: 14, minute: 5 }],
  ])('reads the time %s', (text, expected) => {
    expect(parseNorwegianTime(text)).toEqual(expected);
  });

  it.each([
    ['', 'time_format'],
    ['ti', 'time_format'],
    ['10.5', 'time_format'],
    ['24.00', 'time_invalid'],
    ['10.60', 'time_invalid'],
  ])('refuses the time %s with %s', (text, problem) => {
    expect(parseNorwegianTime(text)).toBe(problem);
  });
});

// The same answers whatever zone the machine is in: entry must never go through local time.
describe.each(['UTC', 'America/New_York', 'Europe/Oslo', 'Australia/Lord_Howe'])('a sperrefrist typed on a machine in %s', (tz) => {
  it('is read in Oslo time, winter and summer', () => {
    process.env.TZ = tz;
    // The zone change really took effect, so a slip into local time would show here.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz);
    expect(readOsloEntry('24.11.2026', '10.00')).toMatchObject({ kind: 'instant', instant: new Date('2026-11-24T09:00:00Z'), resolution: 'exact', offsetMinutes: 60 });
    expect(readOsloEntry('24.06.2026', '10.00')).toMatchObject({ kind: 'instant', instant: new Date('2026-06-24T08:00:00Z'), resolution: 'exact', offsetMinutes: 120 });
    const back = new Date('2026-11-24T09:00:00Z');
    expect(`${formatOsloDate(back)} ${formatOsloTime(back)}`).toBe('24.11.2026 10.00');
  });

  it('moves a time in the spring gap forward and says so', () => {
    process.env.TZ = tz;
    const entry = readOsloEntry('29.03.2026', '02.30');
    expect(entry).toEqual({
      kind: 'instant',
      instant: new Date('2026-03-29T01:30:00Z'),
      resolution: 'skipped-gap',
      shown: { year: 2026, month: 3, day: 29, hour: 3, minute: 30 },
      offsetMinutes: 120,
    });
    // On either side of the gap nothing is moved.
    expect(readOsloEntry('29.03.2026', '01.59')).toMatchObject({ resolution: 'exact', instant: new Date('2026-03-29T00:59:00Z') });
    expect(readOsloEntry('29.03.2026', '03.00')).toMatchObject({ resolution: 'exact', instant: new Date('2026-03-29T01:00:00Z') });
  });

  it('reads a time in the autumn overlap as the first (summer time) one and says so', () => {
    process.env.TZ = tz;
    expect(readOsloEntry('25.10.2026', '02.30')).toEqual({
      kind: 'instant',
      instant: new Date('2026-10-25T00:30:00Z'),
      resolution: 'ambiguous-first',
      shown: { year: 2026, month: 10, day: 25, hour: 2, minute: 30 },
      offsetMinutes: 120,
    });
    expect(readOsloEntry('25.10.2026', '03.00')).toMatchObject({ resolution: 'exact', instant: new Date('2026-10-25T02:00:00Z'), offsetMinutes: 60 });
  });

  it('passes a typing problem through', () => {
    process.env.TZ = tz;
    expect(readOsloEntry('31.04.2026', '10.00')).toEqual({ kind: 'problem', problem: 'date_invalid' });
    expect(readOsloEntry('30.04.2026', '25')).toEqual({ kind: 'problem', problem: 'time_invalid' });
  });
});
