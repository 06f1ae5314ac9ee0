/**
 * Readability of Norwegian text: LIX (Björnsson's läsbarhetsindex, used by Språkrådet's
 * klarspråk work) and the sentences that are long enough to be worth a second look.
 * Pure: text in, figures out.
 */

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly words: number;
}

export interface Readability {
  readonly words: number;
  readonly sentences: number;
  /** Words of more than six letters. */
  readonly longWords: number;
  /** words / sentences + 100 × longWords / words; 0 for an empty text. */
  readonly lix: number;
  readonly band: LixBand;
  /** Sentences of more than `longSentenceWords` words, in text order. */
  readonly longSentences: readonly Sentence[];
}

/** Bands as Norwegian klarspråk guidance names them (under 25 very easy … 55 and over very hard). */
export type LixBand = 'very-easy' | 'easy' | 'medium' | 'hard' | 'very-hard';

export const LONG_SENTENCE_WORDS = 25;

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'bl.a', 'f.eks', 'm.a', 'mfl', 'm.fl', 'osv', 'dvs', 'ca', 'kl', 'nr', 'jf', 'jfr', 'pkt', 'ev', 'evt', 'inkl', 'ekskl', 'mill', 'mrd', 'kr',
  'o.l', 'o.a', 'bl', 'f', 'pr', 'mht', 'ift', 'tlf', 'nb', 'iht', 'm.m', 'sst', 'st', 'prof', 'dr', 'adm', 'avd', 'dep', 'stp', 'jan', 'feb',
  'mar', 'apr', 'aug', 'sep', 'sept', 'okt', 'nov', 'des', 'm.v', 'mv', 'etc', 'vs', 'e.l', 't.o.m', 'f.o.m', 'ref',
]);

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;

export function readability(text: string, longSentenceWords = LONG_SENTENCE_WORDS): Readability {
  const sentences = splitSentences(text);
  let words = 0;
  let longWords = 0;
  const long: Sentence[] = [];
  for (const sentence of sentences) {
    let count = 0;
    for (const match of text.slice(sentence.start, sentence.end).matchAll(WORD)) {
      if (!/\p{L}/u.test(match[0])) continue; // numbers are not words here
      count++;
      if ((match[0].match(/\p{L}/gu)?.length ?? 0) > 6) longWords++;
    }
    words += count;
    if (count > longSentenceWords) long.push({ ...sentence, words: count });
  }
  const counted = sentences.length;
  const lix = words === 0 ? 0 : Math.round((words / Math.max(1, counted) + (100 * longWords) / words) * 10) / 10;
  return { words, sentences: counted, longWords, lix, band: lixBand(lix), longSentences: long };
}

export function lixBand(lix: number): LixBand {
  if (lix < 25) return 'very-easy';
  if (lix < 35) return 'easy';
  if (lix < 45) return 'medium';
  if (lix < 55) return 'hard';
  return 'very-hard';
}

/**
 * Sentences end at . ! ? or : followed by a space and a capital letter, a dash or a quote, at
 * a line break, or at the end of the text — but not after an abbreviation (bl.a., kl.), an
 * ordinal ("1. mai") or inside numbers (2,5 / 14.05.2024).
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = skipSpace(text, 0);
  const push = (end: number) => {
    const trimmedEnd = trimEnd(text, end);
    if (trimmedEnd > start && /[\p{L}\p{N}]/u.test(text.slice(start, trimmedEnd))) out.push({ start, end: trimmedEnd, words: 0 });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      push(i);
      start = skipSpace(text, i + 1);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== ':') continue;
    let j = i + 1;
    while (j < text.length && /[.!?»”"')]/u.test(text[j] as string)) j++;
    if (j < text.length && !/\s/u.test(text[j] as string)) continue; // 14.05.2024, 2.5, e-post.no
    const next = text.slice(skipSpace(text, j), skipSpace(text, j) + 1);
    if (next !== '' && !/[\p{Lu}\p{N}–—«"“-]/u.test(next)) continue; // a lower-case word follows
    if (c === '.' && endsWithAbbreviation(text, i)) continue;
    if (c === '.' && /\d$/u.test(text.slice(Math.max(0, i - 3), i)) && /^\s+\p{Ll}/u.test(text.slice(j))) continue; // "1. mai"
    if (c === ':' && !/^\s+[\p{Lu}–—«"“-]/u.test(text.slice(j))) continue;
    push(j);
    start = skipSpace(text, j);
    i = j - 1;
  }
  push(text.length);
  return out;
}

function endsWithAbbreviation(text: string, dot: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1]?.toLowerCase();
  return before !== undefined && ABBREVIATIONS.has(before.replace(/^\.+/, ''));
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i] as string)) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/u.test(text[end - 1] as string)) end--;
  return end;
}
