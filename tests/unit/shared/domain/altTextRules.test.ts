import { describe, expect, it } from 'vitest';
import { ALT_TEXT_MAX_LENGTH, checkAltText } from '../../../../shared/domain/altTextRules';

const base = { alt: 'Statsministeren står ved talerstolen i Stortinget', caption: 'Statsministeren la fram budsjettet i dag.', fileName: 'budsjett.jpg', decorative: false };

describe('checkAltText', () => {
  it('accepts a plain description that differs from the caption and the file name', () => {
    expect(checkAltText(base)).toEqual([]);
  });

  it('requires an alt text unless the image is decorative', () => {
    expect(checkAltText({ ...base, alt: '' })).toEqual(['required']);
    expect(checkAltText({ ...base, alt: '   \n ' })).toEqual(['required']);
    expect(checkAltText({ ...base, alt: '', decorative: true })).toEqual([]);
    // A decorative image is published with alt="": whatever is typed is not checked.
    expect(checkAltText({ ...base, alt: 'IMG_1234.jpg', decorative: true })).toEqual([]);
  });

  it('flags an alt text that repeats the caption, whatever the case, spacing or closing full stop', () => {
    expect(checkAltText({ ...base, alt: base.caption })).toEqual(['sameAsCaption']);
    expect(checkAltText({ ...base, alt: '  statsministeren la  fram budsjettet i dag ' })).toEqual(['sameAsCaption']);
    expect(checkAltText({ ...base, alt: 'Statsministeren la fram budsjettet' })).toEqual([]);
  });

  it('does not call an empty caption equal to an alt text', () => {
    expect(checkAltText({ ...base, caption: '' })).toEqual([]);
  });

  it('flags the file name, with or without its extension, and names shaped like a camera’s', () => {
    expect(checkAltText({ ...base, alt: 'budsjett.jpg' })).toContain('fileName');
    expect(checkAltText({ ...base, alt: 'Budsjett' })).toContain('fileName');
    expect(checkAltText({ ...base, alt: 'minister besok tromso', fileName: 'minister-besok_tromso.JPG' })).toEqual(['fileName']);
    for (const name of ['IMG_1234.jpg', 'IMG_1234', 'DSC01234', 'dscn0042.JPG', 'PXL_20240101_123456789', 'P1010001', '20240101_123456', 'photo.png', 'Skjermbilde 2024-01-03 kl. 10.png']) {
      expect(checkAltText({ ...base, alt: name, fileName: '' }), name).toContain('fileName');
    }
  });

  it('does not take ordinary words for a file name', () => {
    for (const alt of ['Bildet viser en sykepleier som smiler', 'Image of the new hospital in Bodø', 'Sam Eyde i 1905']) {
      expect(checkAltText({ ...base, alt, fileName: 'IMG_1234.jpg' }), alt).not.toContain('fileName');
    }
  });

  it('flags a text too short to describe anything', () => {
    expect(checkAltText({ ...base, alt: 'Bro' })).toEqual(['tooShort']);
    expect(checkAltText({ ...base, alt: 'Broen' })).toEqual([]);
  });

  it('flags a text too long for a screen reader, counting characters rather than UTF-16 units', () => {
    expect(checkAltText({ ...base, alt: 'a'.repeat(ALT_TEXT_MAX_LENGTH) })).toEqual([]);
    expect(checkAltText({ ...base, alt: 'a'.repeat(ALT_TEXT_MAX_LENGTH + 1) })).toEqual(['tooLong']);
    expect(checkAltText({ ...base, alt: '😀'.repeat(ALT_TEXT_MAX_LENGTH) })).toEqual([]);
  });

  it('can report several problems at once, the most serious first', () => {
    expect(checkAltText({ alt: 'IMG', caption: 'img', fileName: 'img.jpg', decorative: false })).toEqual(['sameAsCaption', 'fileName', 'tooShort']);
  });
});
