import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../shared/domain/document';
import { blockingItems, preflight, type PreflightContext, type PreflightItem } from '../../../../shared/domain/preflight';
import { docIn, NOW } from '../../support/workflowFixtures';

const CLEAN: PreflightContext = { now: NOW, spelling: { open: 0 }, maalformIssues: 0 };
const base = docIn('utkast');
const image = base.images[0] as Document['images'][number];

const failing = (items: PreflightItem[]) => items.filter((i) => !i.ok).map((i) => `${i.severity}:${i.id}`);

describe('preflight', () => {
  it('passes a complete press release at both stages, listing what it checked', () => {
    for (const stage of ['submit', 'publish'] as const) {
      const items = preflight(base, stage, CLEAN);
      expect(failing(items)).toEqual([]);
      expect(items.map((i) => i.id)).toEqual(['title', 'ingress', 'spelling', 'maalform', 'contacts', 'imageAlt:use-1', 'imageCaption:use-1', 'imageCredit:use-1']);
    }
  });

  it('blocks on a missing title or ingress (whitespace is missing), pointing at the field', () => {
    const items = preflight({ ...base, title: '  ', ingress: '' }, 'submit', CLEAN);
    expect(failing(items)).toEqual(['blocking:title', 'blocking:ingress']);
    expect(items.filter((i) => !i.ok).map((i) => i.target)).toEqual([{ field: 'title' }, { field: 'ingress' }]);
  });

  it('blocks on open spelling errors with their count, and lets the user accept them', () => {
    const items = preflight(base, 'submit', { ...CLEAN, spelling: { open: 3 } });
    expect(items.find((i) => i.check === 'spelling')).toEqual({ id: 'spelling', check: 'spelling', severity: 'blocking', ok: false, target: { field: 'body' }, count: 3 });
    expect(blockingItems(items, false).map((i) => i.id)).toEqual(['spelling']);
    expect(blockingItems(items, true)).toEqual([]);
  });

  it('accepting spelling does not accept anything else', () => {
    const items = preflight({ ...base, title: '' }, 'submit', { ...CLEAN, spelling: { open: 1 } });
    expect(blockingItems(items, true).map((i) => i.id)).toEqual(['title']);
  });

  it('warns (does not block) on words in the other målform', () => {
    const items = preflight(base, 'submit', { ...CLEAN, maalformIssues: 2 });
    expect(failing(items)).toEqual(['warning:maalform']);
    expect(blockingItems(items, false)).toEqual([]);
  });

  it('leaves out the language items when the check could not run', () => {
    const ids = preflight(base, 'submit', { now: NOW, spelling: null, maalformIssues: null }).map((i) => i.check);
    expect(ids).not.toContain('spelling');
    expect(ids).not.toContain('maalform');
  });

  it('blocks a press release without contacts, and only a press release', () => {
    expect(failing(preflight({ ...base, contacts: [] }, 'submit', CLEAN))).toEqual(['blocking:contacts']);
    const nameless = { ...base.contacts[0], name: ' ' } as Document['contacts'][number];
    expect(failing(preflight({ ...base, contacts: [nameless] }, 'submit', CLEAN))).toEqual(['blocking:contacts']);
    for (const type of ['nyhet', 'artikkel'] as const) {
      expect(preflight({ ...base, type, contacts: [] }, 'submit', CLEAN).map((i) => i.check)).not.toContain('contacts');
    }
  });

  it('checks every image on its own: alt text blocks, caption and credit warn', () => {
    const second = { ...image, id: 'use-2', alt: '', caption: '', credit: '' };
    const items = preflight({ ...base, images: [image, second] }, 'submit', CLEAN);
    expect(failing(items)).toEqual(['blocking:imageAlt:use-2', 'warning:imageCaption:use-2', 'warning:imageCredit:use-2']);
    expect(items.find((i) => i.id === 'imageAlt:use-2')?.target).toEqual({ field: 'images', imageUseId: 'use-2' });
  });

  it('lets a decorative image go without alt text or caption, but not without credit', () => {
    const decorative = { ...image, decorative: true, alt: '', caption: '', credit: '' };
    const items = preflight({ ...base, images: [decorative] }, 'submit', CLEAN);
    expect(failing(items)).toEqual(['warning:imageCredit:use-1']);
    expect(items.map((i) => i.id)).not.toContain('imageCaption:use-1');
  });

  describe('sperrefrist', () => {
    const at = (minutesFromNow: number) => new Date(NOW.getTime() + minutesFromNow * 60_000).toISOString();
    const embargoItems = (minutes: number, stage: 'submit' | 'publish') =>
      preflight({ ...base, embargoAt: at(minutes) }, stage, CLEAN).filter((i) => i.target.field === 'embargo');

    it('has no items without a sperrefrist', () => expect(preflight(base, 'publish', CLEAN).filter((i) => i.target.field === 'embargo')).toEqual([]));

    it('passes a sperrefrist well ahead', () => {
      expect(failing(embargoItems(60, 'submit'))).toEqual([]);
      expect(failing(embargoItems(15, 'publish'))).toEqual([]);
    });

    it('warns when the sperrefrist is less than 15 minutes ahead', () => {
      expect(failing(embargoItems(14, 'submit'))).toEqual(['warning:embargoTime']);
      expect(failing(embargoItems(1, 'publish'))).toEqual(['warning:embargoTime']);
    });

    it('blocks a sperrefrist in the past when sending for approval', () => {
      expect(failing(embargoItems(-1, 'submit'))).toEqual(['blocking:embargoFuture']);
      expect(failing(embargoItems(0, 'submit'))).toEqual(['blocking:embargoFuture']);
    });

    it('only warns about a passed sperrefrist at publishing: the text may go out now', () => {
      expect(failing(embargoItems(-30, 'publish'))).toEqual(['warning:embargoFuture']);
    });

    it('treats an unreadable sperrefrist as not ahead', () => {
      const items = preflight({ ...base, embargoAt: 'not a time' }, 'submit', CLEAN);
      expect(failing(items)).toEqual(['blocking:embargoFuture']);
    });
  });
});
