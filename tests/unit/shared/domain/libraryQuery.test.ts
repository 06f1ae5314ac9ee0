import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newDocument, plainText, type RichDoc } from '../../../../shared/domain/document';
import { countWords, toSummary, type DocumentSummary } from '../../../../shared/domain/documentSummary';
import { applyLibraryQuery, DEFAULT_LIBRARY_QUERY, scanSummaries } from '../../../../shared/domain/libraryQuery';

function summary(over: Partial<DocumentSummary>): DocumentSummary {
  return { ...toSummary(newDocument({ id: randomUUID(), now: new Date('2026-11-01T10:00:00Z'), author: { name: 'Kari', email: '' } })), ...over };
}

describe('applyLibraryQuery', () => {
  const a = summary({ title: 'Ålesund sjukehus', maalform: 'nn', type: 'nyhet', status: 'utkast', updatedAt: '2026-11-03T10:00:00.000Z', createdAt: '2026-11-01T10:00:00.000Z' });
  const b = summary({ title: 'Bodø', maalform: 'nb', type: 'pressemelding', status: 'godkjent', updatedAt: '2026-11-02T10:00:00.000Z', createdAt: '2026-11-02T10:00:00.000Z' });
  const c = summary({ title: 'Arendal', maalform: 'nb', type: 'artikkel', status: 'utkast', updatedAt: '2026-11-04T10:00:00.000Z', createdAt: '2026-10-01T10:00:00.000Z' });
  const gone = summary({ title: 'Slettet', deletedAt: '2026-11-05T10:00:00.000Z' });
  const all = new Map([a, b, c, gone].map((s) => [s.id, s]));
  const titles = (items: DocumentSummary[]) => items.map((s) => s.title);

  it('shows documents in use, newest change first, and the bin separately', () => {
    expect(titles(applyLibraryQuery(all, DEFAULT_LIBRARY_QUERY))).toEqual(['Arendal', 'Ålesund sjukehus', 'Bodø']);
    expect(titles(applyLibraryQuery(all, { ...DEFAULT_LIBRARY_QUERY, view: 'bin' }))).toEqual(['Slettet']);
  });

  it('filters by status, type and målform together', () => {
    expect(titles(applyLibraryQuery(all, { ...DEFAULT_LIBRARY_QUERY, statuses: ['utkast'] }))).toEqual(['Arendal', 'Ålesund sjukehus']);
    expect(titles(applyLibraryQuery(all, { ...DEFAULT_LIBRARY_QUERY, maalformer: ['nb'], statuses: ['utkast'] }))).toEqual(['Arendal']);
    expect(titles(applyLibraryQuery(all, { ...DEFAULT_LIBRARY_QUERY, types: ['pressemelding', 'nyhet'] }))).toEqual(['Ålesund sjukehus', 'Bodø']);
  });

  it('sorts titles the Norwegian way (Å last) and by creation time', () => {
    expect(titles(applyLibraryQuery(all, { ...DEFAULT_LIBRARY_QUERY, sort: 'title', direction: 'asc' }))).toEqual(['Arendal', 'Bodø', 'Ålesund sjukehus']);
    expect(titles(applyLibraryQuery(all, { ...DEFAULT_LIBRARY_QUERY, sort: 'created', direction: 'asc' }))).toEqual(['Arendal', 'Ålesund sjukehus', 'Bodø']);
  });

  it('keeps search order for relevance and applies filters to the hits', () => {
    const ranked = [b.id, gone.id, a.id];
    expect(titles(applyLibraryQuery(all, { ...DEFAULT_LIBRARY_QUERY, text: 'x', sort: 'relevance' }, ranked))).toEqual(['Bodø', 'Ålesund sjukehus']);
    expect(titles(applyLibraryQuery(all, { ...DEFAULT_LIBRARY_QUERY, text: 'x', sort: 'relevance', maalformer: ['nn'] }, ranked))).toEqual(['Ålesund sjukehus']);
    expect(titles(applyLibraryQuery(all, { ...DEFAULT_LIBRARY_QUERY, text: 'x', sort: 'title', direction: 'asc' }, ranked))).toEqual(['Bodø', 'Ålesund sjukehus']);
  });
});

describe('scanSummaries (before the full index is ready)', () => {
  const a = summary({ title: 'Styrkjer Helse Nord', excerpt: 'Regjeringa løyver 250 millionar kroner.' });
  const b = summary({ title: 'Ventetidene skal ned', excerpt: 'Òg i Tromsø.' });
  const all = new Map([a, b].map((s) => [s.id, s]));
  it('needs every word, the last as a prefix, ignoring case and accents but not æ ø å', () => {
    expect(scanSummaries(all, 'helse nord')).toEqual([a.id]);
    expect(scanSummaries(all, 'HELSE no')).toEqual([a.id]);
    expect(scanSummaries(all, 'og tromsø')).toEqual([b.id]);
    expect(scanSummaries(all, 'tromso')).toEqual([]);
    expect(scanSummaries(all, 'lse')).toEqual([]);
    expect(scanSummaries(all, '  ,. ')).toEqual([]);
  });
});

describe('plain text and summaries', () => {
  const body: RichDoc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Overskrift' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Første ' }, { type: 'text', text: 'avsnitt', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'ny linje.' }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punkt én' }] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punkt to' }] }] }] },
      { type: 'paragraph' },
    ],
  };

  it('joins blocks with blank lines, keeps inline marks and hard breaks in one block', () => {
    expect(plainText(body)).toBe('Overskrift\n\nFørste avsnitt\nny linje.\n\nPunkt én\n\nPunkt to');
  });

  it('summarises with the ingress as excerpt, or the body without one, and counts words', () => {
    const doc = { ...newDocument({ id: randomUUID(), now: new Date(), author: { name: 'Kari', email: '' } }), title: 'Helse- og omsorgsdepartementet', body };
    expect(toSummary(doc).excerpt).toBe('Overskrift Første avsnitt ny linje. Punkt én Punkt to');
    expect(toSummary({ ...doc, ingress: 'Kort ingress.' }).excerpt).toBe('Kort ingress.');
    expect(toSummary({ ...doc, ingress: 'ord '.repeat(200) }).excerpt.length).toBeLessThanOrEqual(162);
    expect(countWords('Helse- og omsorgsdepartementet har 2 milliarder, i 2024.')).toBe(8);
  });
});
