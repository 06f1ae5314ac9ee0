import { describe, expect, it } from 'vitest';
import { isPageName, pageName, renderIndex, slugify } from '../../../../../../electron/services/publishing/localSite/renderSite';
import type { LocalSiteItem } from '../../../../../../electron/services/publishing/localSite/localSiteItem';

const ID = '13508b9e-33d4-45a3-bdd1-0dd38793d89c';

function item(over: Partial<LocalSiteItem>): LocalSiteItem {
  return {
    format: 1,
    meldingId: ID,
    siteStatus: 'publish',
    workflowStatus: 'publisert',
    scheduledFor: null,
    publishedAt: '2026-11-20T09:00:00.000Z',
    modifiedAt: '2026-11-20T09:00:00.000Z',
    modifiedBy: '',
    lastJobId: 'j',
    page: `sak-${ID.slice(0, 8)}.html`,
    type: 'nyhet',
    maalform: 'nn',
    title: 'Sak',
    ingress: '',
    body: { type: 'doc' },
    bodyHtml: '',
    contacts: [],
    tags: [],
    embargoAt: null,
    images: [],
    ...over,
  };
}

describe('local site pages', () => {
  it('names pages from the title: Norwegian letters spelt out, never empty, never long, with the id', () => {
    expect(slugify('Styrkjer sjukehusa på Ærø – 2 mrd. kroner!')).toBe('styrkjer-sjukehusa-pa-aero-2-mrd-kroner');
    expect(slugify('Ørsta og Volda')).toBe('orsta-og-volda');
    expect(slugify('Café Ünïcode')).toBe('cafe-unicode');
    expect(slugify('  ---  ')).toBe('sak');
    expect(slugify('')).toBe('sak');
    expect(slugify('a'.repeat(59) + ' bbbb').length).toBeLessThanOrEqual(60);
    expect(slugify('a'.repeat(59) + ' bbbb')).not.toMatch(/-$/);
    expect(pageName({ id: ID, title: 'Ny sak' })).toBe('ny-sak-13508b9e.html');
    expect(isPageName(pageName({ id: ID, title: '<script>' }))).toBe(true);
    expect(isPageName('../../etc/passwd-13508b9e.html')).toBe(false);
    expect(isPageName('javascript:alert(1)')).toBe(false);
  });

  it('never links an item whose page name was edited by hand into something else', () => {
    const html = renderIndex([item({ page: 'javascript:alert(1)' }), item({ meldingId: '23508b9e-33d4-45a3-bdd1-0dd38793d89c', title: 'Trygg', page: 'trygg-23508b9e.html' })], 'Departementet');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="trygg-23508b9e.html">Trygg</a>');
  });

  it('says so when nothing is published', () => {
    expect(renderIndex([], 'Departementet')).toContain('Ingen saker er publisert ennå.');
  });
});
