/**
 * The målform meter: how much of what the unit publishes is in Nynorsk and Bokmål, by month,
 * quarter and year in Oslo time, against the Language Act's 25 % minimum, and what the next
 * items would need to be to reach it. Pure and zod-free: the renderer imports it.
 */
import { osloInstant, osloWallTime } from './osloTime';
import type { DocumentType, Maalform } from './vocabulary';

/** The Language Act's minimum share for each written form. */
export const MAALFORM_TARGET = 0.25;

export type MeterSource = 'library' | 'site';

/** One published item. */
export interface MeterItem {
  readonly id: string;
  readonly source: MeterSource;
  /** The publication instant, UTC ISO. */
  readonly publishedAt: string;
  /** null: no language recorded; counted as Bokmål, as WordPress does. */
  readonly maalform: Maalform | null;
  /** null: the type is unknown (a site post in no known category); left out when a type filter is on. */
  readonly type: DocumentType | null;
  /** `backendId:remoteId`: the same item in the library and on the site is counted once. */
  readonly remoteKey?: string;
}

/** A document in the pipeline: not published and not in the bin. */
export interface MeterDraft {
  readonly id: string;
  readonly maalform: Maalform;
  readonly type: DocumentType;
}

export interface MeterCount {
  readonly nb: number;
  readonly nn: number;
  readonly total: number;
  /** Nynorsk's share 0–1; null when there is nothing to share. */
  readonly nnShare: number | null;
}

export interface MeterBucket extends MeterCount {
  /** `2026-01`, `2026-Q1`. */
  readonly key: string;
  /** Month 1–12 or quarter 1–4. */
  readonly index: number;
}

/** What the next items would need to be, for the year the figures are for. */
export type NextItems =
  /** The year is over (or has not begun): no advice, only the result. */
  | { readonly kind: 'closed' }
  /** Nothing published yet this year. */
  | { readonly kind: 'empty' }
  /** The share is at or above the target already. */
  | { readonly kind: 'reached'; readonly pace: Pace | null }
  /**
   * `inARow`: the smallest n such that n Nynorsk items in a row bring the share to the target.
   * `pace`: the projection at the current pace, when there is one.
   */
  | { readonly kind: 'needed'; readonly inARow: number; readonly pace: Pace | null };

export interface Pace {
  /** Items per month so far this year. */
  readonly perMonth: number;
  /** How many items the rest of the year will bring at that pace (rounded). */
  readonly expected: number;
  /** How many of those must be in Nynorsk for the year to end at the target. */
  readonly nynorskOfExpected: number;
  /** False when even all of them in Nynorsk would not be enough. */
  readonly reachable: boolean;
}

export interface MeterFigures {
  readonly year: number;
  readonly types: readonly DocumentType[];
  readonly months: readonly MeterBucket[];
  readonly quarters: readonly MeterBucket[];
  readonly total: MeterCount;
  /** The drafts in the pipeline, counted apart from what is published. */
  readonly pipeline: MeterCount;
  readonly next: NextItems;
  /** How many of the counted items came from each source, and how many were found in both. */
  readonly sources: { readonly library: number; readonly site: number; readonly both: number };
}

export interface MeterInput {
  readonly year: number;
  /** Empty: every type. */
  readonly types: readonly DocumentType[];
  readonly items: readonly MeterItem[];
  readonly drafts: readonly MeterDraft[];
  readonly now: Date;
}

/** The year an instant falls in, in Oslo. */
export function osloYear(instant: Date): number {
  return osloWallTime(instant).year;
}

/** Counts Nynorsk and Bokmål; null målform is Bokmål. */
export function count(items: Iterable<{ readonly maalform: Maalform | null }>): MeterCount {
  let nb = 0;
  let nn = 0;
  for (const item of items) {
    if (item.maalform === 'nn') nn++;
    else nb++;
  }
  return withShare(nb, nn);
}

function withShare(nb: number, nn: number): MeterCount {
  const total = nb + nn;
  return { nb, nn, total, nnShare: total === 0 ? null : nn / total };
}

/**
 * The same item from the library and from the site is counted once. The site's publication time
 * is kept (it is what the public saw); its målform and type unless it has none, then the library's.
 */
export function dedupe(items: readonly MeterItem[]): { readonly items: MeterItem[]; readonly merged: ReadonlySet<string> } {
  const byKey = new Map<string, MeterItem>();
  const out: MeterItem[] = [];
  const seen = new Set<string>();
  const merged = new Set<string>();
  for (const item of items) {
    const own = `${item.source}:${item.id}`;
    if (seen.has(own)) continue;
    seen.add(own);
    if (!item.remoteKey) {
      out.push(item);
      continue;
    }
    const other = byKey.get(item.remoteKey);
    if (!other) {
      byKey.set(item.remoteKey, item);
      continue;
    }
    if (other.source === item.source) continue;
    merged.add(item.remoteKey);
    const [site, library] = item.source === 'site' ? [item, other] : [other, item];
    byKey.set(item.remoteKey, { ...site, maalform: site.maalform ?? library.maalform, type: site.type ?? library.type });
  }
  return { items: [...out, ...byKey.values()], merged };
}

/** The smallest n such that (nn + n) / (total + n) ≥ the target: 4(nn + n) ≥ total + n. */
export function nynorskInARow(nn: number, total: number): number {
  return Math.max(0, Math.ceil((total - 4 * nn) / 3));
}

/** How many of `expected` further items must be Nynorsk for (nn + x) / (total + expected) ≥ the target. */
export function nynorskOf(nn: number, total: number, expected: number): number {
  return Math.max(0, Math.ceil((total + expected - 4 * nn) / 4));
}

const MIN_PACE_MONTHS = 1;

/** How far into the year `now` is, in months (fractional), counted in Oslo. */
export function monthsElapsed(year: number, now: Date): number {
  const start = osloInstant({ year, month: 1, day: 1, hour: 0, minute: 0 }).instant.getTime();
  const end = osloInstant({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0 }).instant.getTime();
  const t = Math.min(Math.max(now.getTime(), start), end);
  return ((t - start) / (end - start)) * 12;
}

/**
 * The pace projection: items per month so far (over at least one month, so a busy first week of
 * January does not promise hundreds), the items the rest of the year brings at that pace, and how
 * many of those must be Nynorsk.
 */
export function pace(nn: number, total: number, year: number, now: Date): Pace | null {
  const elapsed = monthsElapsed(year, now);
  if (total === 0 || elapsed >= 12) return null;
  const perMonth = total / Math.max(elapsed, MIN_PACE_MONTHS);
  const expected = Math.round(perMonth * (12 - elapsed));
  if (expected === 0) return null;
  const needed = nynorskOf(nn, total, expected);
  return { perMonth, expected, nynorskOfExpected: Math.min(needed, expected), reachable: needed <= expected };
}

/** The meter's figures for one year. */
export function meterFigures(input: MeterInput): MeterFigures {
  const types = new Set(input.types);
  const typeOk = (type: DocumentType | null) => types.size === 0 || (type !== null && types.has(type));
  const { items: unique, merged } = dedupe(input.items);
  const months: { nb: number; nn: number }[] = Array.from({ length: 12 }, () => ({ nb: 0, nn: 0 }));
  const sources = { library: 0, site: 0, both: 0 };
  for (const item of unique) {
    if (!typeOk(item.type)) continue;
    const at = new Date(item.publishedAt);
    if (Number.isNaN(at.getTime())) continue;
    const wall = osloWallTime(at);
    if (wall.year !== input.year) continue;
    const bucket = months[wall.month - 1] as { nb: number; nn: number };
    if (item.maalform === 'nn') bucket.nn++;
    else bucket.nb++;
    sources[item.source]++;
    if (item.remoteKey !== undefined && merged.has(item.remoteKey)) sources.both++;
  }
  const monthBuckets = months.map((m, i) => ({ ...withShare(m.nb, m.nn), key: `${input.year}-${String(i + 1).padStart(2, '0')}`, index: i + 1 }));
  const quarters = [0, 1, 2, 3].map((q) => {
    const slice = monthBuckets.slice(q * 3, q * 3 + 3);
    return { ...withShare(sum(slice, 'nb'), sum(slice, 'nn')), key: `${input.year}-Q${q + 1}`, index: q + 1 };
  });
  const total = withShare(sum(monthBuckets, 'nb'), sum(monthBuckets, 'nn'));
  const pipeline = count(input.drafts.filter((d) => typeOk(d.type)));
  return { year: input.year, types: [...input.types], months: monthBuckets, quarters, total, pipeline, next: nextItems(total, input.year, input.now), sources };
}

function sum(buckets: readonly MeterCount[], key: 'nb' | 'nn'): number {
  return buckets.reduce((n, b) => n + b[key], 0);
}

function nextItems(total: MeterCount, year: number, now: Date): NextItems {
  const current = osloYear(now);
  if (year !== current) return { kind: 'closed' };
  if (total.total === 0) return { kind: 'empty' };
  const projected = pace(total.nn, total.total, year, now);
  const inARow = nynorskInARow(total.nn, total.total);
  return inARow === 0 ? { kind: 'reached', pace: projected } : { kind: 'needed', inARow, pace: projected };
}

/** True when this year's published Nynorsk share is under the target (and there is a share to speak of). */
export function nynorskIsBehind(total: MeterCount): boolean {
  return total.nnShare !== null && total.nnShare < MAALFORM_TARGET;
}

// --- CSV -------------------------------------------------------------------------------------

export interface MeterCsvLabels {
  readonly period: string;
  readonly nynorsk: string;
  readonly bokmaal: string;
  readonly total: string;
  readonly nynorskShare: string;
  readonly bokmaalShare: string;
  readonly month: (index: number) => string;
  readonly quarter: (index: number) => string;
  readonly year: (year: number) => string;
  readonly pipeline: string;
}

/**
 * The figures as CSV for the yearly report: RFC 4180 (CRLF, fields with the separator, a quote or
 * a line break quoted, quotes doubled), UTF-8 with a byte-order mark so Excel reads æ, ø and å.
 * The separator is `;`: Excel set up for Norway uses the comma as its decimal mark and so takes
 * `;` as the list separator; a comma-separated file opens as one column there. Shares are
 * per cent with one decimal, written with `decimalMark` (`,` for Norwegian). A `sep=;` line is
 * not used: with it Excel ignores the byte-order mark.
 */
export function meterCsv(figures: MeterFigures, labels: MeterCsvLabels, decimalMark: ',' | '.' = ','): string {
  const percent = (share: number | null) => (share === null ? '' : (share * 100).toFixed(1).replace('.', decimalMark));
  const row = (label: string, c: MeterCount) => [label, String(c.nn), String(c.nb), String(c.total), percent(c.nnShare), percent(c.nnShare === null ? null : 1 - c.nnShare)];
  const rows: string[][] = [
    [labels.period, labels.nynorsk, labels.bokmaal, labels.total, labels.nynorskShare, labels.bokmaalShare],
    ...figures.months.map((m) => row(labels.month(m.index), m)),
    ...figures.quarters.map((q) => row(labels.quarter(q.index), q)),
    row(labels.year(figures.year), figures.total),
    row(labels.pipeline, figures.pipeline),
  ];
  return `\uFEFF${rows.map((r) => r.map((field) => csvField(field)).join(';')).join('\r\n')}\r\n`;
}

/** One RFC 4180 field; text that a spreadsheet would run as a formula is kept as text. */
export function csvField(value: string, separator = ';'): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+([.,]\d+)?$/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
