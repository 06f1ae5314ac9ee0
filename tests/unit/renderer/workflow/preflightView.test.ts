import { describe, expect, it } from 'vitest';
import type { PreflightItem } from '../../../../shared/domain/preflight';
import { checklistView, stepMayProceed } from '../../../../renderer/src/features/workflow/preflightView';

const item = (check: PreflightItem['check'], severity: PreflightItem['severity'], ok: boolean, imageUseId?: string): PreflightItem => ({
  id: imageUseId ? `${check}:${imageUseId}` : check,
  check,
  severity,
  ok,
  target: { field: check.startsWith('image') ? 'images' : 'title', ...(imageUseId ? { imageUseId } : {}) },
});

describe('checklistView', () => {
  it('puts failing blocking items and warnings in their own groups, in the order of the form', () => {
    const view = checklistView(
      [item('title', 'blocking', false), item('ingress', 'blocking', true), { ...item('contacts', 'blocking', false), target: { field: 'contacts' } }, item('imageCaption', 'warning', false, 'b'), item('imageAlt', 'blocking', false, 'a')],
      [{ id: 'a' }, { id: 'b' }],
    );
    expect(view.blocking.map((l) => l.item.check)).toEqual(['title', 'imageAlt', 'contacts']);
    expect(view.warnings.map((l) => l.item.check)).toEqual(['imageCaption']);
    expect(view.passed).toEqual(['ingress']);
  });

  it('numbers image items by the image’s place in the document', () => {
    const view = checklistView([item('imageAlt', 'blocking', false, 'b'), item('imageAlt', 'blocking', false, 'a')], [{ id: 'a' }, { id: 'b' }]);
    expect(view.blocking.map((l) => l.imageNumber)).toEqual([2, 1]);
  });

  it('lists a check as passed once, and not at all when one of its items fails', () => {
    const view = checklistView([item('imageAlt', 'blocking', true, 'a'), item('imageAlt', 'blocking', true, 'b'), item('imageCredit', 'warning', true, 'a'), item('imageCredit', 'warning', false, 'b')], [{ id: 'a' }, { id: 'b' }]);
    expect(view.passed).toEqual(['imageAlt']);
  });

  it('lets spelling alone be accepted, but nothing else that blocks', () => {
    const spellingOnly = checklistView([item('spelling', 'blocking', false), item('imageCaption', 'warning', false, 'a')], [{ id: 'a' }]);
    expect(spellingOnly.onlySpellingBlocks).toBe(true);
    expect(stepMayProceed(spellingOnly, false)).toBe(false);
    expect(stepMayProceed(spellingOnly, true)).toBe(true);

    const more = checklistView([item('spelling', 'blocking', false), item('title', 'blocking', false)], []);
    expect(more.onlySpellingBlocks).toBe(false);
    expect(stepMayProceed(more, true)).toBe(false);
  });

  it('lets a step with only warnings go ahead', () => {
    expect(stepMayProceed(checklistView([item('embargoTime', 'warning', false)], []), false)).toBe(true);
  });
});
