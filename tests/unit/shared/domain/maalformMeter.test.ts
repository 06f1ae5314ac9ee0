import { describe, expect, it } from 'vitest';
import {
  csvField,
  dedupe,
  meterCsv,
  meterFigures,
  monthsElapsed,
  nynorskInARow,
  nynorskIsBehind,
  nynorskOf,
  type MeterCsvLabels,
  type MeterItem,
} from '../../../../shared/domain/maalformMeter';

let seq = 0;
function item(publishedAt: string, maalform: MeterItem['maalform'], extra: Partial<MeterItem> = {}): MeterItem {
  return { id: `i${++seq}`, source: 'library', publishedAt, maalform, type: 'pressemelding', ...extra };
}
const NOW = new Date('2026-07-01T10:00:00Z');

describe('meterFigures: months, quarters and the year in Oslo time', () => {
  it('counts by month, quarter and year, with shares', () => {
    const items = [
      item('2026-01-10T09:00:00Z', 'nn'),
      item('2026-01-11T09:00:00Z', 'nb'),
      item('2026-02-01T09:00:00Z', 'nb'),
      item('2026-04-15T09:00:00Z', 'nn'),
      item('2026-12-01T09:00:00Z', 'nb'),
    ];
    const f = meterFigures({ year: 2026, types: [], items, drafts: [], now: NOW });
    expect(f.months.map((m) => [m.nn, m.nb])).toEqual([[1, 1], [0, 1], [0, 0], [1, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 1]]);
    expect(f.months[0]?.nnShare).toBe(0.5);
    expect(f.months[2]?.nnShare).toBeNull();
    expect(f.months[0]?.key).toBe('2026-01');
    expect(f.quarters.map((q) => [q.key, q.nn, q.nb])).toEqual([['2026-Q1', 1, 2], ['2026-Q2', 1, 0], ['2026-Q3', 0, 0], ['2026-Q4', 0, 1]]);
    expect(f.total).toEqual({ nb: 3, nn: 2, total: 5, nnShare: 0.4 });
  });

  it('places an item by its Oslo date: 31 December 23:30 UTC is 1 January in Oslo', () => {
    const items = [item('2025-12-31T23:30:00Z', 'nn'), item('2025-12-31T22:59:00Z', 'nn'), item('2026-12-31T23:00:00Z', 'nb')];
    const f = meterFigures({ year: 2026, types: [], items, drafts: [], now: NOW });
    expect(f.months[0]?.nn).toBe(1);
    expect(f.total.total).toBe(1);
    const last = meterFigures({ year: 2025, types: [], items, drafts: [], now: NOW });
    expect(last.months[11]?.nn).toBe(1);
    expect(last.total.total).toBe(1);
  });

  it('uses summer time at month ends: 30 June 22:30 UTC is 1 July in Oslo, 31 March 21:59 UTC still March', () => {
    const items = [item('2026-06-30T22:30:00Z', 'nn'), item('2026-03-31T21:59:00Z', 'nb'), item('2026-03-31T22:00:00Z', 'nb')];
    const f = meterFigures({ year: 2026, types: [], items, drafts: [], now: NOW });
    expect(f.months[6]?.nn).toBe(1);
    expect(f.months[5]?.total).toBe(0);
    expect(f.months[2]?.nb).toBe(1);
    expect(f.months[3]?.nb).toBe(1);
    expect(f.quarters[1]?.total).toBe(1);
    expect(f.quarters[2]?.total).toBe(1);
  });

  it('counts items with no language as Bokmål, as WordPress does', () => {
    const items = [item('2026-02-01T10:00:00Z', null, { source: 'site' }), item('2026-02-02T10:00:00Z', null, { source: 'site' }), item('2026-02-03T10:00:00Z', 'nn', { source: 'site' })];
    const f = meterFigures({ year: 2026, types: [], items, drafts: [], now: NOW });
    expect(f.total).toEqual({ nb: 2, nn: 1, total: 3, nnShare: 1 / 3 });
    expect(f.sources).toEqual({ library: 0, site: 3, both: 0 });
  });

  it('filters by type; items of unknown type only count without a filter', () => {
    const items = [
      item('2026-02-01T10:00:00Z', 'nn', { type: 'nyhet' }),
      item('2026-02-01T10:00:00Z', 'nb', { type: 'pressemelding' }),
      item('2026-02-01T10:00:00Z', 'nb', { type: 'artikkel' }),
      item('2026-02-01T10:00:00Z', 'nn', { type: null, source: 'site' }),
    ];
    expect(meterFigures({ year: 2026, types: [], items, drafts: [], now: NOW }).total.total).toBe(4);
    expect(meterFigures({ year: 2026, types: ['nyhet'], items, drafts: [], now: NOW }).total).toEqual({ nb: 0, nn: 1, total: 1, nnShare: 1 });
    expect(meterFigures({ year: 2026, types: ['pressemelding', 'artikkel'], items, drafts: [], now: NOW }).total).toEqual({ nb: 2, nn: 0, total: 2, nnShare: 0 });
  });

  it('counts drafts in the pipeline apart, with the type filter', () => {
    const drafts = [
      { id: 'd1', maalform: 'nn' as const, type: 'nyhet' as const },
      { id: 'd2', maalform: 'nb' as const, type: 'nyhet' as const },
      { id: 'd3', maalform: 'nb' as const, type: 'artikkel' as const },
    ];
    const f = meterFigures({ year: 2026, types: [], items: [], drafts, now: NOW });
    expect(f.pipeline).toEqual({ nb: 2, nn: 1, total: 3, nnShare: 1 / 3 });
    expect(f.total.total).toBe(0);
    expect(meterFigures({ year: 2026, types: ['nyhet'], items: [], drafts, now: NOW }).pipeline.total).toBe(2);
  });

  it('skips items with an unreadable publication time', () => {
    const f = meterFigures({ year: 2026, types: [], items: [item('not a date', 'nn'), item('2026-05-05T10:00:00Z', 'nb')], drafts: [], now: NOW });
    expect(f.total.total).toBe(1);
  });
});

describe('de-duplication of an item that is in the library and on the site', () => {
  it('counts it once, with the site’s date and language, falling back to the library’s', () => {
    const lib = item('2026-03-01T10:00:00Z', 'nn', { remoteKey: 'wp:12', type: 'nyhet' });
    const site = item('2026-03-01T10:02:00Z', null, { source: 'site', id: '12', remoteKey: 'wp:12', type: null });
    const { items, merged } = dedupe([lib, site]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'site', publishedAt: '2026-03-01T10:02:00Z', maalform: 'nn', type: 'nyhet' });
    expect([...merged]).toEqual(['wp:12']);
    const f = meterFigures({ year: 2026, types: [], items: [site, lib, item('2026-03-02T10:00:00Z', 'nb')], drafts: [], now: NOW });
    expect(f.total).toEqual({ nb: 1, nn: 1, total: 2, nnShare: 0.5 });
    expect(f.sources).toEqual({ library: 1, site: 1, both: 1 });
  });

  it('keeps the site’s language when it has one', () => {
    const { items } = dedupe([item('2026-03-01T10:00:00Z', 'nb', { remoteKey: 'wp:1' }), item('2026-03-01T10:00:00Z', 'nn', { source: 'site', remoteKey: 'wp:1' })]);
    expect(items.map((i) => i.maalform)).toEqual(['nn']);
  });

  it('does not merge items of other backends or without a link, and drops a repeated item', () => {
    const a = item('2026-03-01T10:00:00Z', 'nb', { remoteKey: 'wp:1' });
    const b = item('2026-03-01T10:00:00Z', 'nb', { source: 'site', id: '1', remoteKey: 'other:1' });
    const c = item('2026-03-01T10:00:00Z', 'nb');
    expect(dedupe([a, b, c, c]).items).toHaveLength(3);
  });
});

describe('what the next items would need', () => {
  it('finds the smallest run of Nynorsk items that reaches 25 %', () => {
    // (nn + n) / (total + n) >= 0.25
    for (const [nn, total] of [[0, 1], [0, 9], [1, 10], [2, 8], [3, 20], [0, 0], [5, 10], [24, 100], [25, 100]] as const) {
      const n = nynorskInARow(nn, total);
      expect((nn + n) / (total + n || 1) >= 0.25 || total + n === 0, `${nn}/${total} +${n}`).toBe(true);
      if (n > 0) expect((nn + n - 1) / (total + n - 1) < 0.25, `${nn}/${total} +${n - 1} is not enough`).toBe(true);
    }
    expect(nynorskInARow(1, 10)).toBe(2); // 3/12 = 25 %
    expect(nynorskInARow(0, 9)).toBe(3); // 3/12
    expect(nynorskInARow(25, 100)).toBe(0);
    expect(nynorskInARow(24, 100)).toBe(2); // 26/102 = 25.5 %, 25/101 = 24.8 %
  });

  it('finds how many of the next expected items must be Nynorsk', () => {
    expect(nynorskOf(1, 10, 10)).toBe(4); // 5/20
    expect(nynorskOf(10, 20, 10)).toBe(0);
    expect(nynorskOf(0, 30, 2)).toBe(8); // more than the 2 there will be
  });

  it('projects at the pace so far: halfway through the year, 10 published (1 Nynorsk) means about 10 more, 4 of them in Nynorsk', () => {
    const items = [item('2026-01-10T10:00:00Z', 'nn'), ...Array.from({ length: 9 }, (_, i) => item(`2026-0${(i % 5) + 1}-12T10:00:00Z`, 'nb'))];
    const now = new Date('2026-07-02T11:00:00Z'); // 12:00 or so on 2 July in Oslo: half of 2026 gone
    const f = meterFigures({ year: 2026, types: [], items, drafts: [], now });
    expect(f.next.kind).toBe('needed');
    if (f.next.kind !== 'needed') return;
    expect(f.next.inARow).toBe(2);
    expect(f.next.pace).toMatchObject({ expected: 10, nynorskOfExpected: 4, reachable: true });
    expect(f.next.pace?.perMonth).toBeCloseTo(10 / 6, 1);
  });

  it('says when the pace cannot reach the target, and when it is reached', () => {
    const items = Array.from({ length: 44 }, (_, i) => item(`2026-${String((i % 11) + 1).padStart(2, '0')}-10T10:00:00Z`, 'nb'));
    const late = new Date('2026-12-01T12:00:00Z');
    const f = meterFigures({ year: 2026, types: [], items, drafts: [], now: late });
    expect(f.next.kind === 'needed' && f.next.pace?.reachable).toBe(false);
    const balanced = meterFigures({ year: 2026, types: [], items: [item('2026-02-01T10:00:00Z', 'nn'), item('2026-02-02T10:00:00Z', 'nb')], drafts: [], now: NOW });
    expect(balanced.next.kind).toBe('reached');
  });

  it('gives no advice for another year, and says so when nothing is published yet', () => {
    expect(meterFigures({ year: 2025, types: [], items: [item('2025-05-01T10:00:00Z', 'nb')], drafts: [], now: NOW }).next).toEqual({ kind: 'closed' });
    expect(meterFigures({ year: 2026, types: [], items: [], drafts: [], now: NOW }).next).toEqual({ kind: 'empty' });
  });

  it('does not promise hundreds in the first days of January (pace over at least a month)', () => {
    const items = [item('2026-01-01T10:00:00Z', 'nb'), item('2026-01-02T10:00:00Z', 'nb')];
    const f = meterFigures({ year: 2026, types: [], items, drafts: [], now: new Date('2026-01-03T12:00:00Z') });
    expect(f.next.kind === 'needed' && f.next.pace?.expected).toBeLessThanOrEqual(24);
  });

  it('measures months elapsed in Oslo', () => {
    expect(monthsElapsed(2026, new Date('2025-12-31T23:00:00Z'))).toBe(0);
    expect(monthsElapsed(2026, new Date('2026-12-31T23:00:00Z'))).toBe(12);
    expect(monthsElapsed(2026, new Date('2027-06-01T00:00:00Z'))).toBe(12);
  });

  it('nudges only under 25 % and only when something is published', () => {
    expect(nynorskIsBehind({ nb: 4, nn: 1, total: 5, nnShare: 0.2 })).toBe(true);
    expect(nynorskIsBehind({ nb: 3, nn: 1, total: 4, nnShare: 0.25 })).toBe(false);
    expect(nynorskIsBehind({ nb: 0, nn: 0, total: 0, nnShare: null })).toBe(false);
  });
});

describe('CSV', () => {
  const labels: MeterCsvLabels = {
    period: 'Periode',
    nynorsk: 'Nynorsk',
    bokmaal: 'Bokmål',
    total: 'Totalt',
    nynorskShare: 'Andel nynorsk',
    bokmaalShare: 'Andel bokmål',
    month: (i) => ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'][i - 1] ?? '',
    quarter: (i) => `${i}. kvartal`,
    year: (y) => `Hele ${y}`,
    pipeline: 'Under arbeid; "ikke" publisert',
  };

  it('is RFC 4180 with a BOM, CRLF, semicolons and decimal commas', () => {
    const items = [item('2026-01-10T10:00:00Z', 'nn'), item('2026-01-11T10:00:00Z', 'nb'), item('2026-01-12T10:00:00Z', 'nb')];
    const csv = meterCsv(meterFigures({ year: 2026, types: [], items, drafts: [{ id: 'd', maalform: 'nn', type: 'nyhet' }], now: NOW }), labels);
    expect(csv.startsWith('\uFEFFPeriode;Nynorsk;Bokmål;Totalt;Andel nynorsk;Andel bokmål\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(12 + 4 + 1 + 1 + 1 + 1); // header, months, quarters, year, pipeline, trailing empty
    expect(lines[1]).toBe('januar;1;2;3;33,3;66,7');
    expect(lines[2]).toBe('februar;0;0;0;;');
    expect(lines[13]).toBe('1. kvartal;1;2;3;33,3;66,7');
    expect(lines[17]).toBe('Hele 2026;1;2;3;33,3;66,7');
    expect(lines[18]).toBe('"Under arbeid; ""ikke"" publisert";1;0;1;100,0;0,0');
    expect(lines[19]).toBe('');
  });

  it('writes a decimal point when asked', () => {
    const csv = meterCsv(meterFigures({ year: 2026, types: [], items: [item('2026-01-10T10:00:00Z', 'nn'), item('2026-01-10T11:00:00Z', 'nb'), item('2026-01-10T12:00:00Z', 'nb')], drafts: [], now: NOW }), labels, '.');
    expect(csv).toContain('januar;1;2;3;33.3;66.7');
  });

  it('quotes separators, quotes and line breaks, and keeps formulas as text', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a,b')).toBe('a,b');
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('-12,5')).toBe('-12,5');
  });
});
