import { describe, expect, it } from 'vitest';
import { DocumentSchema, plainText } from '../../../../shared/domain/document';
import type { Document, RichNode } from '../../../../shared/domain/document';
import { SAMPLE_DOCUMENTS, sampleToDocument } from '../../../../shared/domain/samples';
import type { SampleDocument } from '../../../../shared/domain/samples';

const ID = '7d1f0c2e-4b8a-4c3e-9f6d-2a5b8c9d0e1f';
const AUTHOR = { name: 'Test Testesen', email: 'test@hod.dep.no' };

const make = (sample: SampleDocument, now = new Date('2026-01-15T12:00:00Z')): Document => sampleToDocument(sample, { id: ID, now, author: AUTHOR });

const embargoSample = (): SampleDocument => {
  const found = SAMPLE_DOCUMENTS.find((s) => s.embargoInDays !== undefined);
  if (!found) throw new Error('no sample with a sperrefrist');
  return found;
};

/** Oslo wall clock of an instant, read independently of the code under test. */
const osloClock = (iso: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

const nodes = (node: RichNode): RichNode[] => [node, ...(node.content ?? []).flatMap(nodes)];
const bodyNodes = (sample: SampleDocument): RichNode[] => nodes(sample.body as RichNode);
const markTypes = (sample: SampleDocument): string[] => bodyNodes(sample).flatMap((n) => (n.marks ?? []).map((m) => m.type));

/** Whole words, with letter boundaries that know æøå (\b does not). */
const words = (...forms: string[]): RegExp[] => forms.map((f) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${f})(?![\\p{L}\\p{N}])`, 'iu'));

/** Bokmål forms that have no place in Nynorsk text. */
const BOKMAAL_MARKERS = words(
  'ikke', 'hva', 'hvordan', 'hvorfor', 'hvis', 'mer', 'mye', 'bare', 'fra', 'noe', 'noen', 'flere', 'sier', 'være', 'gjøre', 'mulig',
  'egen', 'eget', 'egne', 'kommunene', 'sykehus\\p{L}*', 'tjenest\\p{L}*', 'helseforetak\\p{L}*', 'regjeringen(?!\\.no)',
);
/** Nynorsk forms that have no place in Bokmål text. */
const NYNORSK_MARKERS = words(
  'ikkje', 'kva', 'korleis', 'kvifor', 'meir', 'mykje', 'berre', 'frå', 'noko', 'nokre', 'fleire', 'seier', 'vere', 'gjere', 'mogleg',
  'eigen', 'eige', 'eigne', 'dei', 'eit', 'òg', 'kommunane', 'sjukehus\\p{L}*', 'teneste\\p{L}*', 'helseføretak\\p{L}*', 'regjeringa',
);

const prose = (sample: SampleDocument): string => [sample.title, sample.ingress, plainText(sample.body), ...sample.tags].join('\n\n');

describe('SAMPLE_DOCUMENTS', () => {
  it('offers five or six samples with distinct keys', () => {
    expect(SAMPLE_DOCUMENTS.length).toBeGreaterThanOrEqual(5);
    expect(SAMPLE_DOCUMENTS.length).toBeLessThanOrEqual(6);
    expect(new Set(SAMPLE_DOCUMENTS.map((s) => s.sampleKey)).size).toBe(SAMPLE_DOCUMENTS.length);
  });

  it('has at least two in each målform and every document type', () => {
    expect(SAMPLE_DOCUMENTS.filter((s) => s.maalform === 'nb').length).toBeGreaterThanOrEqual(2);
    expect(SAMPLE_DOCUMENTS.filter((s) => s.maalform === 'nn').length).toBeGreaterThanOrEqual(2);
    expect(new Set(SAMPLE_DOCUMENTS.map((s) => s.type))).toEqual(new Set(['pressemelding', 'nyhet', 'artikkel']));
  });

  it.each(SAMPLE_DOCUMENTS.map((s) => [s.sampleKey, s] as const))('%s becomes a valid document', (_key, sample) => {
    const parsed = DocumentSchema.safeParse(make(sample));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it.each(SAMPLE_DOCUMENTS.map((s) => [s.sampleKey, s] as const))('%s is a complete piece', (_key, sample) => {
    expect(sample.title.trim()).not.toBe('');
    const sentences = sample.ingress.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ–])/u);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(3);
    const blocks = bodyNodes(sample);
    expect(blocks.filter((n) => n.type === 'paragraph').length).toBeGreaterThanOrEqual(3);
    expect(blocks.some((n) => n.type === 'heading' && n.attrs?.level === 2)).toBe(true);
    expect(blocks.some((n) => n.type === 'bulletList')).toBe(true);
    expect(markTypes(sample).some((t) => t === 'bold' || t === 'italic')).toBe(true);
    expect(markTypes(sample)).toContain('link');
    expect(sample.tags.length).toBeGreaterThan(0);
  });

  it('gives every press release its press contacts', () => {
    for (const sample of SAMPLE_DOCUMENTS.filter((s) => s.type === 'pressemelding')) {
      expect(sample.contacts.length).toBeGreaterThan(0);
      for (const contact of sample.contacts) {
        expect(contact.email).toMatch(/@hod\.dep\.no$/);
        expect(contact.phone).toMatch(/^\+47 22 24( \d\d){2}$/);
        expect(contact.roleNb).not.toBe('');
        expect(contact.roleNn).not.toBe('');
      }
    }
  });

  it('has one sample with a note to editors', () => {
    expect(SAMPLE_DOCUMENTS.filter((s) => s.internalNote.startsWith('Priv. til red.:')).length).toBeGreaterThanOrEqual(1);
  });

  it('links only over https, to regjeringen.no', () => {
    for (const sample of SAMPLE_DOCUMENTS) {
      const hrefs = bodyNodes(sample).flatMap((n) => (n.marks ?? []).filter((m) => m.type === 'link').map((m) => String(m.attrs?.href)));
      for (const href of hrefs) {
        const url = new URL(href);
        expect(url.protocol, href).toBe('https:');
        expect(url.hostname, href).toBe('www.regjeringen.no');
      }
    }
  });

  it.each(SAMPLE_DOCUMENTS.map((s) => [s.sampleKey, s] as const))('%s keeps to one målform', (_key, sample) => {
    const text = prose(sample);
    const foreign = sample.maalform === 'nn' ? BOKMAAL_MARKERS : NYNORSK_MARKERS;
    expect(foreign.filter((re) => re.test(text)).map((re) => text.match(re)?.[0])).toEqual([]);
  });

  it('the marker lists catch what they are for', () => {
    expect(BOKMAAL_MARKERS.some((re) => re.test('Sykehusene får mer.'))).toBe(true);
    expect(NYNORSK_MARKERS.some((re) => re.test('Det kjem frå staten.'))).toBe(true);
    expect(BOKMAAL_MARKERS.some((re) => re.test('Les meir på regjeringen.no.'))).toBe(false);
  });
});

describe('sampleToDocument', () => {
  it('makes a fresh draft owned by the user, created now', () => {
    const now = new Date('2026-01-15T12:00:00Z');
    const sample = SAMPLE_DOCUMENTS[0];
    if (!sample) throw new Error('no samples');
    const doc = make(sample, now);
    expect(doc).toMatchObject({ id: ID, author: AUTHOR, status: 'utkast', revision: 0, createdAt: now.toISOString(), updatedAt: now.toISOString() });
    expect(doc).toMatchObject({ type: sample.type, maalform: sample.maalform, title: sample.title, ingress: sample.ingress });
  });

  it('copies the content, so editing a document leaves the sample alone', () => {
    const sample = embargoSample();
    const before = JSON.stringify(sample);
    const doc = make(sample);
    doc.body.content?.push({ type: 'paragraph' });
    doc.tags.push('endret');
    doc.contacts[0]!.name = 'Endret';
    expect(JSON.stringify(sample)).toBe(before);
  });

  it('leaves samples without a sperrefrist without one', () => {
    for (const sample of SAMPLE_DOCUMENTS.filter((s) => s.embargoInDays === undefined)) expect(make(sample).embargoAt).toBeNull();
  });

  it.each([
    ['winter', '2026-01-15T12:00:00Z', '2026-01-17T09:00:00.000Z', '2026-01-17 10:00'],
    ['summer', '2026-07-01T12:00:00Z', '2026-07-03T08:00:00.000Z', '2026-07-03 10:00'],
    ['across the change to summer time', '2026-03-28T12:00:00Z', '2026-03-30T08:00:00.000Z', '2026-03-30 10:00'],
    ['across the change to winter time', '2026-10-24T12:00:00Z', '2026-10-26T09:00:00.000Z', '2026-10-26 10:00'],
    ['late in the Oslo evening, already the next day in Oslo', '2026-01-15T23:30:00Z', '2026-01-18T09:00:00.000Z', '2026-01-18 10:00'],
  ])('puts the sperrefrist two days on at 10:00 Oslo time (%s)', (_when, now, instant, oslo) => {
    const embargoAt = make(embargoSample(), new Date(now)).embargoAt;
    expect(embargoAt).toBe(instant);
    expect(osloClock(embargoAt ?? '')).toBe(oslo);
    expect(Date.parse(embargoAt ?? '')).toBeGreaterThan(Date.parse(now));
  });
});
