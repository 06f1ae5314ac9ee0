import { describe, expect, it } from 'vitest';
import { spellingWords, type SpellingWord } from '../../../../shared/language/spellingWords';

const checked = (text: string) => spellingWords(text).filter((w) => w.skip === null).map((w) => w.text);
const skipOf = (text: string, word: string): SpellingWord['skip'] | undefined => spellingWords(text).find((w) => w.text === word)?.skip;

describe('spellingWords', () => {
  it('finds Norwegian words with their UTF-16 offsets, also after emoji and æøå', () => {
    const text = '👩‍⚕️ Sjå på blåbærsyltetøy, café og crème brûlée.';
    const words = spellingWords(text);
    for (const w of words) expect(text.slice(w.from, w.to)).toBe(w.text);
    expect(words.map((w) => w.text)).toEqual(['Sjå', 'på', 'blåbærsyltetøy', 'café', 'og', 'crème', 'brûlée']);
    expect(words[2]?.from).toBe(text.indexOf('blåbærsyltetøy'));
  });

  it('keeps decomposed letters (a + combining ring) inside the word', () => {
    const text = 'ga\u030ar heim';
    expect(spellingWords(text).map((w) => [w.text, w.from, w.to])).toEqual([
      ['ga\u030ar', 0, 4],
      ['heim', 5, 9],
    ]);
  });

  it('splits hyphenated words into parts and leaves short parts and names unchecked', () => {
    const words = spellingWords('Vi sender e-post om nb-dokument og Oslo-kommunene.');
    const parts = (word: string) => words.find((w) => w.text === word)?.parts.map((p) => [p.text, p.checked]);
    expect(parts('e-post')).toEqual([['e', false], ['post', true]]);
    expect(parts('nb-dokument')).toEqual([['nb', false], ['dokument', true]]);
    expect(skipOf('Vi sender e-post om nb-dokument og Oslo-kommunene.', 'Oslo-kommunene')).toBe('name');
    const text = 'og helse-og omsorgstenester';
    const hyphenated = spellingWords(text).find((w) => w.text === 'helse-og');
    expect(hyphenated?.parts.map((p) => text.slice(p.from, p.to))).toEqual(['helse', 'og']);
  });

  it('does not check numbers, words with digits, addresses or e-mail addresses', () => {
    const text = 'I 2026 kom Covid-19 og 3D-skrivarar. Sjå https://www.regjeringen.no/nb/tema, www.helsenorge.no og helsenorge.no/koronavirus eller skriv til postmottak@hod.dep.no.';
    const words = spellingWords(text);
    expect(words.filter((w) => w.skip === null).map((w) => w.text)).toEqual(['kom', 'og', 'Sjå', 'og', 'eller', 'skriv', 'til']);
    expect(skipOf(text, '2026')).toBe('number');
    expect(skipOf(text, 'Covid-19')).toBe('number');
    expect(skipOf(text, 'postmottak')).toBe('address');
    expect(skipOf(text, 'regjeringen')).toBe('address');
  });

  it('does not check abbreviations, single letters or names in mid-sentence', () => {
    const text = 'Både NAV, EØS og KI er nemnt av Støre i Vestre Toten, jf. NAVs brev.';
    expect(checked(text)).toEqual(['Både', 'og', 'er', 'nemnt', 'av', 'jf', 'brev']);
    expect(skipOf(text, 'NAV')).toBe('abbreviation');
    expect(skipOf(text, 'NAVs')).toBe('abbreviation');
    expect(skipOf(text, 'Støre')).toBe('name');
    expect(skipOf(text, 'i')).toBe('letter');
  });

  it('checks a capital at the start of a sentence, a line, a quote or a list item', () => {
    const text = 'Regjeringa vil. «Kommunane skal» sa ho.\nTenesta\n• Punkt';
    const words = spellingWords(text).filter((w) => w.sentenceStart).map((w) => w.text);
    expect(words).toEqual(['Regjeringa', 'Kommunane', 'Tenesta', 'Punkt']);
    expect(checked(text)).toContain('Kommunane');
  });

  it('treats the lower-case tail of a capitalised coordination as part of the name', () => {
    const text = 'Møtet i Helse- og omsorgsdepartementet og Arbeids- og velferdsdirektoratet, om helse- og omsorgstenester.';
    expect(skipOf(text, 'omsorgsdepartementet')).toBe('name');
    expect(skipOf(text, 'velferdsdirektoratet')).toBe('name');
    expect(skipOf(text, 'omsorgstenester')).toBeNull();
  });

  it('survives junk: long runs, lone surrogates, control characters', () => {
    const junk = `${'x'.repeat(50_000)} \ud800abc\udfff ${'a.'.repeat(5000)}no \u0000\u0007 ${'@'.repeat(1000)}`;
    const words = spellingWords(junk);
    expect(words[0]?.skip).toBe('long');
    for (const w of words) expect(junk.slice(w.from, w.to)).toBe(w.text);
    expect(words.some((w) => w.text === 'abc')).toBe(true);
  });
});
