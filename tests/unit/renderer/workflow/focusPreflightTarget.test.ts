// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { focusPreflightTarget, preflightTargetElement } from '../../../../renderer/src/features/workflow/focusPreflightTarget';

// The parts of the document form the checklist links lead to, as the editor renders them.
const FORM = `
  <textarea class="title-input"></textarea>
  <textarea class="ingress-input"></textarea>
  <div class="prose-editor" contenteditable="true" tabindex="0"></div>
  <ol>
    <li data-image-use-card="u1">
      <textarea data-image-field="caption"></textarea>
      <textarea data-image-field="alt"></textarea>
      <input data-image-field="credit">
    </li>
    <li data-image-use-card="u2">
      <textarea data-image-field="caption"></textarea>
      <textarea data-image-field="alt" disabled></textarea>
      <input type="checkbox" class="decorative">
      <input data-image-field="credit">
    </li>
  </ol>
  <section class="contacts-field"><div class="contacts-add"><input class="picker"></div></section>
  <section class="embargo-field"><input type="checkbox" class="toggle"></section>
`;

beforeEach(() => {
  document.body.innerHTML = FORM;
  Element.prototype.scrollIntoView = () => {};
});

describe('focusPreflightTarget', () => {
  it('focuses the title and the ingress', () => {
    expect(focusPreflightTarget(document, { check: 'title', target: { field: 'title' } })).toBe(true);
    expect(document.activeElement?.className).toBe('title-input');
    focusPreflightTarget(document, { check: 'ingress', target: { field: 'ingress' } });
    expect(document.activeElement?.className).toBe('ingress-input');
  });

  it('focuses the alt text, caption or credit of the very image the item is about', () => {
    focusPreflightTarget(document, { check: 'imageAlt', target: { field: 'images', imageUseId: 'u1' } });
    expect(document.activeElement?.getAttribute('data-image-field')).toBe('alt');
    expect(document.activeElement?.closest('[data-image-use-card]')?.getAttribute('data-image-use-card')).toBe('u1');
    focusPreflightTarget(document, { check: 'imageCredit', target: { field: 'images', imageUseId: 'u2' } });
    expect(document.activeElement?.getAttribute('data-image-field')).toBe('credit');
    expect(document.activeElement?.closest('[data-image-use-card]')?.getAttribute('data-image-use-card')).toBe('u2');
  });

  it('falls back to the card’s first field when the alt text is disabled', () => {
    const element = preflightTargetElement(document, { check: 'imageAlt', target: { field: 'images', imageUseId: 'u2' } });
    expect(element?.getAttribute('data-image-field')).toBe('caption');
  });

  it('goes to the contact search, the sperrefrist switch and the body', () => {
    focusPreflightTarget(document, { check: 'contacts', target: { field: 'contacts' } });
    expect(document.activeElement?.className).toBe('picker');
    focusPreflightTarget(document, { check: 'embargoFuture', target: { field: 'embargo' } });
    expect(document.activeElement?.className).toBe('toggle');
    focusPreflightTarget(document, { check: 'maalform', target: { field: 'maalform' } });
    expect(document.activeElement?.className).toBe('prose-editor');
  });

  it('reports a target that is not on screen instead of failing silently', () => {
    document.body.innerHTML = '';
    expect(focusPreflightTarget(document, { check: 'title', target: { field: 'title' } })).toBe(false);
  });
});
