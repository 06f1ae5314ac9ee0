import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../shared/domain/document';
import { approvalHash, canonicalJson } from '../../../../shared/domain/approvalHash';
import { docIn } from '../../support/workflowFixtures';

const base = docIn('utkast');
const image = base.images[0] as Document['images'][number];
const contact = base.contacts[0] as Document['contacts'][number];

/** One change per published field (and per published part of an image and a contact). */
const PUBLISHED_CHANGES: [string, Partial<Document>][] = [
  ['type', { type: 'nyhet' }],
  ['maalform', { maalform: 'nb' }],
  ['title', { title: `${base.title}!` }],
  ['ingress', { ingress: `${base.ingress} ` }],
  ['body text', { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Brødtekst!' }] }] } }],
  ['a link’s address', { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Les meir.', marks: [{ type: 'link', attrs: { href: 'https://www.regjeringen.no/b' } }] }] }] } }],
  ['body marks', { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Brødtekst.', marks: [{ type: 'bold' }] }] }] } }],
  ['image media', { images: [{ ...image, mediaId: 'b'.repeat(64) }] }],
  ['image caption', { images: [{ ...image, caption: 'Anna bilettekst' }] }],
  ['image alt', { images: [{ ...image, alt: 'Anna alt' }] }],
  ['image credit', { images: [{ ...image, credit: 'Foto: Anna' }] }],
  ['image rights', { images: [{ ...image, rights: 'Berre til denne saka' }] }],
  ['image decorative', { images: [{ ...image, decorative: true }] }],
  ['image featured', { images: [{ ...image, featured: false }] }],
  ['an image added', { images: [image, { ...image, id: 'use-2', mediaId: 'c'.repeat(64) }] }],
  ['images removed', { images: [] }],
  ['contact name', { contacts: [{ ...contact, name: 'Pål Pressevakt' }] }],
  ['contact role (nb)', { contacts: [{ ...contact, roleNb: 'kommunikasjonsrådgiver' }] }],
  ['contact role (nn)', { contacts: [{ ...contact, roleNn: 'kommunikasjonsrådgivar' }] }],
  ['contact phone', { contacts: [{ ...contact, phone: '+47 99 99 99 99' }] }],
  ['contact e-mail', { contacts: [{ ...contact, email: 'pal@dep.no' }] }],
  ['contacts removed', { contacts: [] }],
  ['tags', { tags: ['kyst', 'kultur'] }],
  ['sperrefrist set', { embargoAt: '2026-06-11T08:00:00.000Z' }],
];

describe('approvalHash', () => {
  it('is SHA-256 hex', () => expect(approvalHash(base)).toMatch(/^[a-f0-9]{64}$/));

  it('hashes a link as the editor writes it and as a sample, an import or a pulled item has it alike', () => {
    const linked = (attrs: Record<string, unknown>): Document => ({
      ...base,
      body: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2, id: null }, content: [{ type: 'text', text: 'Les meir.', marks: [{ type: 'link', attrs }] }] }] },
    });
    const stored = approvalHash({ ...linked({ href: 'https://www.regjeringen.no/a' }), body: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Les meir.', marks: [{ type: 'link', attrs: { href: 'https://www.regjeringen.no/a' } }] }] }] } });
    expect(approvalHash(linked({ href: 'https://www.regjeringen.no/a', target: null, rel: 'noopener noreferrer', class: null }))).toBe(stored);
    expect(approvalHash(linked({ href: 'https://www.regjeringen.no/b', target: null, rel: 'noopener noreferrer', class: null }))).not.toBe(stored);
  });

  it.each(PUBLISHED_CHANGES)('changes when the %s changes', (_name, change) => {
    expect(approvalHash({ ...base, ...change })).not.toBe(approvalHash(base));
  });

  it('changes when the sperrefrist moves by one minute', () => {
    const a = { ...base, embargoAt: '2026-06-11T08:00:00.000Z' };
    expect(approvalHash({ ...a, embargoAt: '2026-06-11T08:01:00.000Z' })).not.toBe(approvalHash(a));
  });

  it('gives every change its own hash', () => {
    const hashes = new Set(PUBLISHED_CHANGES.map(([, change]) => approvalHash({ ...base, ...change })));
    expect(hashes.size).toBe(PUBLISHED_CHANGES.length);
  });

  it('does not change with the internal note, the status, the revision or the workflow record', () => {
    const same: Partial<Document>[] = [
      { internalNote: 'Ikkje til publisering.' },
      { status: 'godkjent' },
      { revision: 99, updatedAt: '2027-01-01T00:00:00.000Z' },
      { audit: [] },
      { remote: { backend: 'local-site', remoteId: '1', remoteVersion: '1', url: null } },
      { author: { name: 'Nokon annan', email: '' } },
    ];
    for (const change of same) expect(approvalHash({ ...base, ...change })).toBe(approvalHash(base));
  });

  it('does not change when a contact is linked to or unlinked from the register', () => {
    expect(approvalHash({ ...base, contacts: [{ ...contact, contactId: null }] })).toBe(approvalHash(base));
  });

  it('does not change with the image use id (bookkeeping) but does with image order', () => {
    expect(approvalHash({ ...base, images: [{ ...image, id: 'use-99' }] })).toBe(approvalHash(base));
    const second = { ...image, id: 'use-2', mediaId: 'c'.repeat(64) };
    expect(approvalHash({ ...base, images: [image, second] })).not.toBe(approvalHash({ ...base, images: [second, image] }));
  });

  it('reads one instant the same in any spelling of its offset', () => {
    const z = approvalHash({ ...base, embargoAt: '2026-06-11T08:00:00Z' });
    expect(approvalHash({ ...base, embargoAt: '2026-06-11T10:00:00+02:00' })).toBe(z);
    expect(approvalHash({ ...base, embargoAt: '2026-06-11T08:00:00.000Z' })).toBe(z);
  });

  it('does not depend on the order of keys in the body JSON', () => {
    const a = { type: 'doc' as const, content: [{ type: 'heading', attrs: { level: 2, id: 'x' }, content: [{ type: 'text', text: 'Om' }] }] };
    const b = { content: [{ content: [{ text: 'Om', type: 'text' }], attrs: { id: 'x', level: 2 }, type: 'heading' }], type: 'doc' as const };
    expect(approvalHash({ ...base, body: a })).toBe(approvalHash({ ...base, body: b }));
  });

  it('is SHA-256 over the documented canonical JSON (pinned: a change here invalidates every stored approval)', () => {
    const minimal = { type: 'pressemelding', maalform: 'nn', title: 'T', ingress: 'I', body: { type: 'doc', content: [] }, images: [], contacts: [], tags: [], embargoAt: null } as const;
    const expectedJson = '{"body":{"content":[],"type":"doc"},"contacts":[],"embargoAt":null,"format":1,"images":[],"ingress":"I","maalform":"nn","tags":[],"title":"T","type":"pressemelding"}';
    expect(createHash('sha256').update(expectedJson).digest('hex')).toBe('b708a43ab9ba91f02d2fde25f13aaadc7c94e2415587d465eaf43da8e8f86950');
    expect(approvalHash({ ...minimal, body: { type: 'doc', content: [] }, images: [], contacts: [], tags: [] })).toBe('b708a43ab9ba91f02d2fde25f13aaadc7c94e2415587d465eaf43da8e8f86950');
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: undefined, y: 2 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":2}}');
  });
});
