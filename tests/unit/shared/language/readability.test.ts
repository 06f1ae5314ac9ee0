import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lixBand, readability, splitSentences } from '../../../../shared/language/readability';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at sentence ends and line breaks', () => {
    expect(sentencesOf('Regjeringa vil styrkje sjukehusa. Ventetidene skal ned! Kva no?\nOverskrift\nAvsnitt.')).toEqual([
      'Regjeringa vil styrkje sjukehusa.',
      'Ventetidene skal ned!',
      'Kva no?',
      'Overskrift',
      'Avsnitt.',
    ]);
  });

  it('does not split at abbreviations, dates, numbers, ordinals or a colon before lower case', () => {
    expect(
      sentencesOf('Møtet er kl. 10.00 den 14.05.2024, bl.a. om 2,5 mrd. kroner til f.eks. Helse Nord. Det blir 1. mai som før: alle er velkomne.'),
    ).toEqual(['Møtet er kl. 10.00 den 14.05.2024, bl.a. om 2,5 mrd. kroner til f.eks. Helse Nord.', 'Det blir 1. mai som før: alle er velkomne.']);
  });

  it('treats a quote after a colon, and a dash line, as new sentences', () => {
    expect(sentencesOf('Ministeren sa: – Dette er viktig. – Vi held fram.')).toEqual(['Ministeren sa:', '– Dette er viktig.', '– Vi held fram.']);
  });
});

describe('readability', () => {
  it('computes LIX as words per sentence plus the share of long words', () => {
    // 10 words, 2 sentences, 4 of more than six letters (Regjeringen, styrker, sykehusene,
    // Ventetidene): 10/2 + 100*4/10 = 45
    const r = readability('Regjeringen styrker sykehusene i år. Ventetidene skal ned for alle.');
    expect(r).toMatchObject({ words: 10, sentences: 2, longWords: 4, lix: 45, band: 'hard' });
  });

  it('marks sentences of more than 25 words', () => {
    const long = `Ord ${'ord '.repeat(29).trim()}.`;
    const r = readability(`Kort setning. ${long} Kort igjen.`);
    expect(r.longSentences).toHaveLength(1);
    expect(r.longSentences[0]?.words).toBe(30);
  });

  it('gives 0 for an empty text and ignores bare numbers', () => {
    expect(readability('').lix).toBe(0);
    expect(readability('2024 2025.').words).toBe(0);
  });

  it('bands like the klarspråk guidance', () => {
    expect([20, 30, 40, 50, 60].map(lixBand)).toEqual(['very-easy', 'easy', 'medium', 'hard', 'very-hard']);
  });

  it('rates the ministry seed text in the range of official prose', () => {
    const seed = readFileSync(new URL('../../../../../shared/seeds/003_0fe287bd447c9d7c.txt', import.meta.url), 'utf8');
    const r = readability(seed);
    expect(r.words).toBeGreaterThan(2000);
    expect(r.lix).toBeGreaterThan(40);
    expect(r.lix).toBeLessThan(65);
  });
});
