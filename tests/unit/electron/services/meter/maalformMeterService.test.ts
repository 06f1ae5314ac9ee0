import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../electron/services/logger';
import { MaalformMeterService } from '../../../../../electron/services/meter/maalformMeterService';
import type { SiteItem, SiteLanguageSource } from '../../../../../electron/services/meter/siteLanguageSource';
import { newDocument, type Document } from '../../../../../shared/domain/document';
import { err, ok, type Result } from '../../../../../shared/ipc/result';
import { libraryDir, openLibrary } from '../../../support/libraryFixture';

const NOW = new Date('2026-07-01T10:00:00Z');
const author = { name: 'Kari Nordmann', email: '' };

function published(maalform: 'nb' | 'nn', publishedAt: string, extra: Partial<Document> = {}): Document {
  return { ...newDocument({ id: randomUUID(), now: new Date(publishedAt), author, maalform }), status: 'publisert', publishedAt, ...extra };
}

class FakeSite implements SiteLanguageSource {
  readonly backendId = 'wp-test';
  calls = 0;
  constructor(private readonly answer: Result<SiteItem[]>) {}
  async list(): Promise<Result<SiteItem[]>> {
    this.calls++;
    return this.answer;
  }
}

async function setup(docs: Document[], site: SiteLanguageSource | null = null, dismissed: number | null = null) {
  const { library } = await openLibrary(await libraryDir());
  for (const doc of docs) {
    const put = await library.put(doc, 'created');
    if (!put.ok) throw new Error(put.error.message);
  }
  const meter = new MaalformMeterService({ library, site: () => site, now: () => NOW, logger: silentLogger, nudgeDismissedYear: () => dismissed });
  return { library, meter };
}

describe('MaalformMeterService', () => {
  it('counts the library’s published documents by their publication time, drafts apart, the bin and unpublished left out', async () => {
    const draftNn = { ...newDocument({ id: randomUUID(), now: NOW, author, maalform: 'nn' }) };
    const unpublished = { ...published('nn', '2026-02-01T10:00:00Z'), status: 'avpublisert' as const, publishedAt: null };
    const binned = { ...published('nn', '2026-02-01T10:00:00Z'), deletedAt: '2026-03-01T10:00:00Z' };
    // Edited after publication: waiting for approval again, still on the site.
    const revised = { ...published('nn', '2026-03-05T10:00:00Z'), status: 'til_godkjenning' as const };
    const { library, meter } = await setup([
      published('nb', '2026-01-05T10:00:00Z'),
      published('nb', '2026-01-06T10:00:00Z'),
      published('nn', '2025-12-31T23:30:00Z'), // 1 January in Oslo
      published('nb', '2025-06-01T10:00:00Z', { type: 'nyhet' }),
      revised,
      draftNn,
      unpublished,
      binned,
    ]);
    const answer = await meter.figures({ year: 2026, types: [], includeSite: true });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.figures.total).toEqual({ nb: 2, nn: 2, total: 4, nnShare: 0.5 });
    expect(answer.value.figures.months[0]).toMatchObject({ nb: 2, nn: 1 });
    expect(answer.value.figures.months[2]).toMatchObject({ nn: 1 });
    expect(answer.value.figures.pipeline).toEqual({ nb: 0, nn: 1, total: 1, nnShare: 1 });
    expect(answer.value.site).toEqual({ state: 'off' });
    expect(answer.value.siteAvailable).toBe(false);
    expect(answer.value.currentYear).toBe(2026);
    const lastYear = await meter.figures({ year: 2025, types: ['nyhet'], includeSite: false });
    expect(lastYear.ok && lastYear.value.figures.total).toEqual({ nb: 1, nn: 0, total: 1, nnShare: 0 });
    await library.close();
  });

  it('sees a later change: a document published after the first count', async () => {
    const draft = newDocument({ id: randomUUID(), now: NOW, author, maalform: 'nn' });
    const { library, meter } = await setup([draft]);
    const before = await meter.figures({ year: 2026, types: [], includeSite: false });
    expect(before.ok && before.value.figures.total.total).toBe(0);
    await library.put({ ...draft, status: 'publisert', publishedAt: '2026-06-30T10:00:00Z', revision: 1 }, 'status');
    const after = await meter.figures({ year: 2026, types: [], includeSite: false });
    expect(after.ok && after.value.figures.total).toEqual({ nb: 0, nn: 1, total: 1, nnShare: 1 });
    expect(after.ok && after.value.figures.pipeline.total).toBe(0);
    await library.close();
  });

  it('adds the site’s items and counts an item in both places once', async () => {
    const linked = published('nn', '2026-02-01T10:00:00Z', { remote: { backend: 'wp-test', remoteId: '41', remoteVersion: '1', url: null } });
    const site = new FakeSite(
      ok([
        { id: '41', publishedAt: '2026-02-01T10:00:05Z', maalform: 'nn', type: 'pressemelding' },
        { id: '42', publishedAt: '2026-02-02T10:00:00Z', maalform: null, type: null },
        { id: '43', publishedAt: '2026-02-03T10:00:00Z', maalform: 'nb', type: 'nyhet' },
      ]),
    );
    const { library, meter } = await setup([linked, published('nb', '2026-02-04T10:00:00Z')], site);
    const answer = await meter.figures({ year: 2026, types: [], includeSite: true });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.figures.total).toEqual({ nb: 3, nn: 1, total: 4, nnShare: 0.25 });
    expect(answer.value.figures.sources).toEqual({ library: 1, site: 3, both: 1 });
    expect(answer.value.site).toEqual({ state: 'ok', backendId: 'wp-test', items: 3 });
    expect(answer.value.siteAvailable).toBe(true);
    // Not asked: the site is left alone.
    const libraryOnly = await meter.figures({ year: 2026, types: [], includeSite: false });
    expect(libraryOnly.ok && libraryOnly.value.figures.total.total).toBe(2);
    expect(site.calls).toBe(1);
    await library.close();
  });

  it('shows the library’s figures with the reason when the site cannot be reached', async () => {
    const site = new FakeSite(err('meter_site_unavailable', 'connect ECONNREFUSED 127.0.0.1:9'));
    const { library, meter } = await setup([published('nn', '2026-02-01T10:00:00Z')], site);
    const answer = await meter.figures({ year: 2026, types: [], includeSite: true });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.figures.total.total).toBe(1);
    expect(answer.value.site).toEqual({ state: 'unreachable', backendId: 'wp-test', code: 'meter_site_unavailable', message: 'connect ECONNREFUSED 127.0.0.1:9' });
    await library.close();
  });

  it('suggests Nynorsk under 25 % unless dismissed for this year, and never asks the site', async () => {
    const docs = [published('nn', '2026-02-01T10:00:00Z'), ...Array.from({ length: 4 }, (_, i) => published('nb', `2026-0${i + 2}-10T10:00:00Z`))];
    const site = new FakeSite(ok([]));
    const behind = await setup(docs, site);
    expect(await behind.meter.nudge()).toEqual(ok({ year: 2026, suggest: true, nnShare: 0.2, published: 5 }));
    expect(site.calls).toBe(0);
    await behind.library.close();
    const dismissed = await setup(docs, null, 2026);
    expect(await dismissed.meter.nudge()).toMatchObject({ ok: true, value: { suggest: false, nnShare: 0.2 } });
    await dismissed.library.close();
    const lastYearDismissed = await setup(docs, null, 2025);
    expect(await lastYearDismissed.meter.nudge()).toMatchObject({ ok: true, value: { suggest: true } });
    await lastYearDismissed.library.close();
    const balanced = await setup([published('nn', '2026-02-01T10:00:00Z'), published('nb', '2026-02-02T10:00:00Z')]);
    expect(await balanced.meter.nudge()).toMatchObject({ ok: true, value: { suggest: false, nnShare: 0.5 } });
    await balanced.library.close();
    const empty = await setup([]);
    expect(await empty.meter.nudge()).toMatchObject({ ok: true, value: { suggest: false, nnShare: null, published: 0 } });
    await empty.library.close();
  });

  it('the nudge counts the site’s recent answer, once the meter has fetched it', async () => {
    const site = new FakeSite(ok([{ id: '1', publishedAt: '2026-02-01T10:00:00Z', maalform: 'nn', type: 'nyhet' }]));
    const { library, meter } = await setup([published('nb', '2026-02-01T10:00:00Z'), published('nb', '2026-02-02T10:00:00Z'), published('nb', '2026-02-03T10:00:00Z')], site);
    expect(await meter.nudge()).toMatchObject({ ok: true, value: { suggest: true, nnShare: 0 } });
    await meter.figures({ year: 2026, types: [], includeSite: true });
    expect(await meter.nudge()).toMatchObject({ ok: true, value: { suggest: false, nnShare: 0.25 } });
    await library.close();
  });
});
