import { describe, expect, it } from 'vitest';
import type { ImageUse } from '../../../../shared/domain/document';
import { ImageUseSchema } from '../../../../shared/domain/document';
import { moveImageUse, newImageUse, replaceImageMedia, setFeatured, updateImageUse } from '../../../../shared/domain/imageUses';

const media = (n: number, prefill = { caption: '', alt: '', credit: '', rights: '' }) => ({ id: String(n).repeat(64).slice(0, 64), prefill });
const use = (id: string, featured = false): ImageUse => ({ ...newImageUse(id, media(1)), featured });

describe('image uses', () => {
  it('starts a use from the photo’s metadata, valid for the document schema, not featured', () => {
    const created = newImageUse('u1', media(2, { caption: 'Bildetekst', alt: 'Alt', credit: 'NTB', rights: 'Fri' }));
    expect(created).toEqual({ id: 'u1', mediaId: '2'.repeat(64), caption: 'Bildetekst', alt: 'Alt', credit: 'NTB', rights: 'Fri', decorative: false, featured: false });
    expect(ImageUseSchema.safeParse(created).success).toBe(true);
  });

  it('keeps exactly one featured image, or none', () => {
    const list = [use('a', true), use('b'), use('c')];
    expect(setFeatured(list, 'c').map((u) => u.featured)).toEqual([false, false, true]);
    expect(setFeatured(list, null).map((u) => u.featured)).toEqual([false, false, false]);
    expect(list.map((u) => u.featured)).toEqual([true, false, false]);
    // Untouched uses are the same objects (cheap for React to compare).
    expect(setFeatured(list, 'c')[1]).toBe(list[1]);
  });

  it('moves a use up and down without losing one', () => {
    const list = [use('a'), use('b'), use('c')];
    expect(moveImageUse(list, 0, 1).map((u) => u.id)).toEqual(['b', 'a', 'c']);
    expect(moveImageUse(list, 2, 0).map((u) => u.id)).toEqual(['c', 'a', 'b']);
    expect(moveImageUse(list, 1, 9).map((u) => u.id)).toEqual(['a', 'c', 'b']);
    expect(moveImageUse(list, 5, 0).map((u) => u.id)).toEqual(['a', 'b', 'c']);
  });

  it('replaces the photo but keeps the texts the writer made, filling only the empty ones', () => {
    const before: ImageUse = { ...use('a', true), caption: 'Min tekst', alt: '', credit: 'Ola', rights: '' };
    const after = replaceImageMedia(before, media(3, { caption: 'Fra kameraet', alt: 'Beskrivelse fra fotografen', credit: 'Kari', rights: 'CC BY' }));
    expect(after).toEqual({ ...before, mediaId: '3'.repeat(64), alt: 'Beskrivelse fra fotografen', rights: 'CC BY' });
  });

  it('updates the texts of one use only', () => {
    const list = [use('a'), use('b')];
    const next = updateImageUse(list, 'b', { caption: 'Ny', decorative: true });
    expect(next[1]).toMatchObject({ caption: 'Ny', decorative: true });
    expect(next[0]).toBe(list[0]);
  });
});
