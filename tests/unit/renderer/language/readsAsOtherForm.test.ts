import { describe, expect, it } from 'vitest';
import { addStats, readsAsOtherForm } from '../../../../renderer/src/features/language/readsAsOtherForm';

describe('readsAsOtherForm', () => {
  it('says nothing on too little evidence', () => {
    expect(readsAsOtherForm({ thisForm: 0, otherForm: 7 })).toBe(false);
  });
  it('speaks up when the other form has enough words and clearly leads', () => {
    expect(readsAsOtherForm({ thisForm: 0, otherForm: 8 })).toBe(true);
    expect(readsAsOtherForm({ thisForm: 5, otherForm: 14 })).toBe(true);
    expect(readsAsOtherForm({ thisForm: 6, otherForm: 12 })).toBe(true);
  });
  it('stays quiet for a text in its own form quoting the other one', () => {
    expect(readsAsOtherForm({ thisForm: 40, otherForm: 15 })).toBe(false);
    expect(readsAsOtherForm({ thisForm: 7, otherForm: 13 })).toBe(false);
  });
  it('adds figures from several fields', () => {
    expect(addStats({ words: 3, thisForm: 1, otherForm: 2 }, { words: 4, thisForm: 0, otherForm: 6 })).toEqual({ words: 7, thisForm: 1, otherForm: 8 });
  });
});
