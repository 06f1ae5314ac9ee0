import { describe, expect, it } from 'vitest';
import type { DocumentContent, ImageUse, RichDoc } from '../../../../shared/domain/document';
import type { RemoteImage, RemoteItem } from '../../../../shared/domain/publishing';
import { differingFields, initialPicks, mergedContent, siteImagesMergeable } from '../../../../renderer/src/features/publishing/conflictMerge';

const para = (text: string): RichDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const use = (id: string, featured: boolean, alt: string): ImageUse => ({ id, mediaId: 'a'.repeat(64), caption: `Bilete ${id}`, alt, credit: 'Foto: Ola', rights: 'fri bruk', decorative: false, featured });
const remoteImage = (id: string, featured: boolean, alt: string, caption: string): RemoteImage => ({ remoteMediaId: id, url: `http://site/${id}.jpg`, fileName: `${id}.jpg`, mimeType: 'image/jpeg', caption, alt, credit: 'Foto: Ola', featured });

const mine: DocumentContent = {
  type: 'pressemelding',
  maalform: 'nn',
  title: 'Nye legar til Nord-Noreg',
  ingress: 'Tretti nye fastlegar.',
  body: para('Regjeringa gir pengar.'),
  contacts: [{ contactId: null, name: 'Åse Berg', roleNb: 'sjef', roleNn: 'sjef', phone: '', email: 'ase@dep.no' }],
  images: [use('u1', false, 'Ein lege'), use('u2', true, 'Eit legekontor')],
  tags: ['helse', 'Nord-Noreg'],
  embargoAt: '2030-11-24T09:00:00.000Z',
  internalNote: 'Ikkje for pressa',
};

const site: RemoteItem = {
  link: { backend: 'local-site', remoteId: 'x', remoteVersion: 'v2', url: null },
  siteStatus: 'publish',
  modifiedAt: '2026-11-23T10:00:00.000Z',
  modifiedBy: 'Nettredaktør',
  meldingId: null,
  type: 'pressemelding',
  maalform: 'nn',
  title: 'Nye legar til Nord-Noreg',
  ingress: 'Tretti nye fastlegar i nord.',
  body: para('Regjeringa gir pengar.'),
  bodyHtml: '<p>Regjeringa gir pengar.</p>',
  contacts: [],
  tags: ['nord-noreg', 'helse'],
  embargoAt: '2030-11-24T10:00:00+01:00',
  images: [remoteImage('m2', true, 'Eit legekontor', 'Bilete u2'), remoteImage('m1', false, 'Ein lege med stetoskop', 'Bilete u1')],
};

describe('differingFields', () => {
  it('finds the fields changed on the site, and ignores tag order, case and how an instant is written', () => {
    expect([...differingFields(mine, site)].sort()).toEqual(['images', 'ingress']);
  });

  it('sees a change in the body and in the sperrefrist', () => {
    const changed = { ...site, body: para('Regjeringa gir meir pengar.'), embargoAt: null };
    expect(differingFields(mine, changed).has('body')).toBe(true);
    expect(differingFields(mine, changed).has('embargoAt')).toBe(true);
  });
});

describe('mergedContent', () => {
  it('takes each field from the chosen side and the edited title and ingress, and keeps what the site does not hold', () => {
    const picks = { ...initialPicks(), tags: 'site' as const, embargoAt: 'site' as const, images: 'site' as const };
    const merged = mergedContent(mine, site, picks, { title: 'Tretti nye legar', ingress: 'Handskrive.' });
    expect(merged.title).toBe('Tretti nye legar');
    expect(merged.ingress).toBe('Handskrive.');
    expect(merged.body).toEqual(mine.body);
    expect(merged.tags).toEqual(['nord-noreg', 'helse']);
    expect(merged.embargoAt).toBe(site.embargoAt);
    expect(merged.contacts).toEqual(mine.contacts);
    expect(merged.internalNote).toBe('Ikkje for pressa');
    // The site's words land on the matching local image (featured with featured), files and rights stay.
    expect(merged.images.map((i) => [i.id, i.alt, i.mediaId, i.rights])).toEqual([
      ['u1', 'Ein lege med stetoskop', 'a'.repeat(64), 'fri bruk'],
      ['u2', 'Eit legekontor', 'a'.repeat(64), 'fri bruk'],
    ]);
  });

  it('takes the site’s body when chosen', () => {
    const other = { ...site, body: para('Frå nettstaden.') };
    expect(mergedContent(mine, other, { ...initialPicks(), body: 'site' }, mine).body).toEqual(other.body);
  });

  it('keeps the local images when the site has another number of them', () => {
    const fewer = { ...site, images: site.images.slice(0, 1) };
    expect(siteImagesMergeable(mine, fewer)).toBe(false);
    expect(mergedContent(mine, fewer, { ...initialPicks(), images: 'site' }, mine).images).toEqual(mine.images);
  });
});
