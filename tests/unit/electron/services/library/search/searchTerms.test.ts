import { describe, expect, it } from 'vitest';
import { foldCode, forEachTerm, HYPHEN, IGNORED, SEPARATOR } from '../../../../../../electron/services/library/search/searchTerms';

/** The folding as first defined: every code unit tested against Unicode properties. */
function definition(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return SEPARATOR;
  const ch = String.fromCharCode(c);
  const norwegian: Record<string, string> = { å: 'å', æ: 'æ', ø: 'ø', ä: 'æ', ö: 'ø' };
  if (/^[\p{L}\p{N}]$/u.test(ch)) {
    const lower = ch.toLowerCase();
    return (norwegian[lower] ?? lower.normalize('NFD')).charCodeAt(0);
  }
  if (c === 0x2d || c === 0x2010 || c === 0x2011) return HYPHEN;
  if (/^[\p{M}\p{Cf}]$/u.test(ch) && c !== 0x200b) return IGNORED;
  return SEPARATOR;
}

const terms = (text: string, joinHyphens = true): string[] => {
  const out: string[] = [];
  forEachTerm(text, joinHyphens, (bytes, length) => out.push(new TextDecoder().decode(bytes.subarray(0, length))));
  return out;
};

describe('searchTerms', () => {
  it('folds every character of Latin up to U+024F as the definition does', () => {
    for (let c = 0; c <= 0x24f; c++) expect([c, foldCode(c)]).toEqual([c, definition(c)]);
  });

  it('folds every other character of the Basic Multilingual Plane as the definition does', () => {
    // All of them, in an order unlike a text's, so no entry depends on what was folded before.
    const mismatches: string[] = [];
    for (let k = 0; k < 0x10000; k++) {
      const c = (k * 40_503) & 0xffff;
      if (foldCode(c) !== definition(c)) mismatches.push(c.toString(16));
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps æ ø å, reads ä ö as æ ø and drops other accents', () => {
    expect(terms('Ærlig Østre Åpen Märta Öland Idé Òg Ñandú Ŧest İstanbul')).toEqual(['ærlig', 'østre', 'åpen', 'mærta', 'øland', 'ide', 'og', 'nandu', 'ŧest', 'istanbul']);
  });

  it('splits on punctuation and symbols, not on soft hyphens or combining marks', () => {
    expect(terms('«sitat» – 10×2 ÷ 3 ¼ µg a\u00ADb e\u0301 pa\u030Aske, 1,5')).toEqual(['sitat', '10', '2', '3', '¼', 'µg', 'ab', 'e', 'påske', '1', '5']);
    expect(terms('zero\u200Bwidth emoji😀split')).toEqual(['zero', 'width', 'emoji', 'split']);
  });

  it('emits a hyphenated chain as its parts and, when asked, joined', () => {
    expect(terms('covid-19-pandemien helse- og')).toEqual(['covid', '19', 'pandemien', 'covid19pandemien', 'helse', 'og']);
    expect(terms('e\u2011post', false)).toEqual(['e', 'post']);
  });
});
