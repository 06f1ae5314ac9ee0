/**
 * Europe/Oslo wall-clock time ⇄ instants, without a date library and without the machine's own
 * time zone: Intl knows Oslo's rules (CET/CEST and the changes between them). Sperrefrist is
 * entered and shown in Oslo time and stored as an instant in UTC.
 */

export interface OsloWallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

export type OsloResolution =
  /** The wall time exists once. */
  | 'exact'
  /** In the spring gap (02:00–02:59 on the last Sunday of March): moved forward by an hour. */
  | 'skipped-gap'
  /** In the autumn overlap (02:00–02:59 on the last Sunday of October, twice): the first (summer time) is used. */
  | 'ambiguous-first';

const OSLO_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The Oslo wall clock at an instant. */
export function osloWallTime(instant: Date): OsloWallTime {
  const p: Record<string, number> = {};
  for (const part of OSLO_CLOCK.formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year ?? 0, month: p.month ?? 0, day: p.day ?? 0, hour: p.hour ?? 0, minute: p.minute ?? 0 };
}

/** How far Oslo's clock is ahead of UTC at an instant: 60 minutes in winter, 120 in summer. */
export function osloOffsetMinutes(instant: Date): number {
  const whole = Math.floor(instant.getTime() / 60_000) * 60_000;
  const w = osloWallTime(new Date(whole));
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - whole) / 60_000;
}

/** The instant at which Oslo's clock shows `wall`, and how that wall time had to be read. */
export function osloInstant(wall: OsloWallTime): { readonly instant: Date; readonly resolution: OsloResolution } {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Oslo is UTC+1 or UTC+2: try both; a wall time exists for 0, 1 or 2 of them.
  const candidates = [120, 60]
    .map((offset) => asUtc - offset * 60_000)
    .filter((ms) => {
      const back = osloWallTime(new Date(ms));
      return back.year === wall.year && back.month === wall.month && back.day === wall.day && back.hour === wall.hour && back.minute === wall.minute;
    });
  if (candidates.length === 2) return { instant: new Date(Math.min(...candidates)), resolution: 'ambiguous-first' };
  if (candidates.length === 1) return { instant: new Date(candidates[0] as number), resolution: 'exact' };
  // In the spring gap: the clock jumps from 02:00 to 03:00, so 02:30 is read as 03:30.
  return { instant: new Date(asUtc - 60 * 60_000), resolution: 'skipped-gap' };
}

/** The instant it is `hour`:`minute` in Oslo, `days` calendar days after Oslo's date at `now`. */
export function osloTimeAfterDays(now: Date, days: number, hour: number, minute = 0): Date {
  const today = osloWallTime(now);
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return osloInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute }).instant;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "14.05.2024", as Norwegian writes dates, in Oslo. */
export function formatOsloDate(instant: Date): string {
  const w = osloWallTime(instant);
  return `${pad(w.day)}.${pad(w.month)}.${w.year}`;
}

/** "10.00": Norwegian writes the time with a full stop (Språkrådet), in Oslo. */
export function formatOsloTime(instant: Date): string {
  const w = osloWallTime(instant);
  return `${pad(w.hour)}.${pad(w.minute)}`;
}

/** Why a typed date or time could not be read. */
export type OsloInputProblem = 'date_format' | 'date_invalid' | 'time_format' | 'time_invalid';

/**
 * Reads a date as Norwegians type it: "24.11.2026". Day and month may have one digit; "/" and
 * "-" are taken as full stops; ISO "2026-11-24" too. The year needs four digits: "24.11.20" is
 * what the field holds halfway through typing 2026, and must not be read as 2020.
 */
export function parseNorwegianDate(input: string): { readonly year: number; readonly month: number; readonly day: number } | OsloInputProblem {
  const text = input.trim();
  let day: number;
  let month: number;
  let year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const nor = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (nor) {
    [day, month, year] = [Number(nor[1]), Number(nor[2]), Number(nor[3])];
  } else {
    return 'date_format';
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return 'date_invalid';
  return { year, month, day };
}

/** Reads a clock time: "10.00", "10:00", "1000", "9" (whole hour), "9.5" is not accepted. */
export function parseNorwegianTime(input: string): { readonly hour: number; readonly minute: number } | OsloInputProblem {
  const text = input.trim().replace(/^kl\.?\s*/i, '');
  const match = /^(\d{1,2})(?:[.:]?(\d{2}))?$/.exec(text);
  if (!match) return 'time_format';
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 23 || minute > 59) return 'time_invalid';
  return { hour, minute };
}

/** What the user typed for a sperrefrist, read in Oslo time. */
export type OsloEntry =
  | { readonly kind: 'problem'; readonly problem: OsloInputProblem }
  | {
      readonly kind: 'instant';
      readonly instant: Date;
      readonly resolution: OsloResolution;
      /** The wall time as Oslo's clock will show it (after moving a time out of the spring gap). */
      readonly shown: OsloWallTime;
      /** For an ambiguous autumn time: the offset chosen ("+02:00", summer time). */
      readonly offsetMinutes: number;
    };

/** Date and time fields → an instant, with how the wall time had to be read (gap, overlap). */
export function readOsloEntry(date: string, time: string): OsloEntry {
  const d = parseNorwegianDate(date);
  if (typeof d === 'string') return { kind: 'problem', problem: d };
  const t = parseNorwegianTime(time);
  if (typeof t === 'string') return { kind: 'problem', problem: t };
  const { instant, resolution } = osloInstant({ ...d, ...t });
  return { kind: 'instant', instant, resolution, shown: osloWallTime(instant), offsetMinutes: osloOffsetMinutes(instant) };
}
