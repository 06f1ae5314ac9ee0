import { describe, expect, it } from 'vitest';
import { SortedWordList } from '../../../../shared/language/sortedWordList';
import { createMaalformChecker } from '../../../../shared/language/maalformChecker';

describe('SortedWordList', () => {
  it('finds exactly the words of the list, with or without a final newline', () => {
    // Code-unit order: å (U+00E5) before æ (U+00E6) before ø (U+00F8).
    const words = ['abc', 'hus', 'kafé', 'sjukehus', 'zebra', 'åker', 'ære', 'øy'];
    for (const text of [`${words.join('\n')}\n`, words.join('\n')]) {
      const list = new SortedWordList(text);
      expect(list.size).toBe(words.length);
      expect(Array.from({ length: list.size }, (_, i) => list.at(i))).toEqual(words);
      for (const w of words) expect(list.has(w)).toBe(true);
      for (const w of ['', 'ab', 'abcd', 'hu', 'husa', 'kafe', 'zz', 'å', 'åkeren', 'a\nb']) expect(list.has(w)).toBe(false);
    }
  });

  it('is empty for empty text', () => {
    const list = new SortedWordList('');
    expect(list.size).toBe(0);
    expect(list.has('')).toBe(false);
  });

  it('serves the målform checker as its lists do', () => {
    const nbOnly = new SortedWordList('ikke\nkommunene\nregjeringen\n');
    const nnOnly = new SortedWordList('ikkje\nkommunane\nregjeringa\n');
    const checker = createMaalformChecker({ nbOnly, nnOnly, both: new SortedWordList('kommune\n') });
    expect(checker.check('Dei seier kommunene gjer det.', 'nn').map((f) => [f.word, f.suggestion])).toEqual([['kommunene', 'kommunane']]);
    expect(checker.listed('regjeringa')).toBe('nn');
    expect(checker.listed('kommune')).toBe('both');
    expect(checker.listed('hus')).toBeNull();
  });
});
