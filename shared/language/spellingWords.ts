/**
 * Word boundaries for the spellchecker, shared by the services (which check) and the renderer
 * (which underlines), so both agree on what a word is and where it starts. Pure: offsets are
 * UTF-16 code units into the given text, end exclusive.
 */

/** Why a word is not looked up in the dictionary. */
export type SkipReason =
  /** Has a digit: 2026, Covid-19, 3D. */
  | 'number'
  /** Part of a web address or e-mail address (regjeringen.no, post@hod.dep.no). */
  | 'address'
  /** All capitals or capitals inside (NAV, EØS, KI, NAVs, iPhone). */
  | 'abbreviation'
  /** Capitalised in mid-sentence, or the lower-case tail of a name (Helse- og omsorgsdepartementet). */
  | 'name'
  /** One letter (i, å, e). */
  | 'letter'
  /** Longer than any word (pasted junk, a hash). */
  | 'long';

/** A piece of a hyphenated word (e-post: "e" and "post"); a plain word has one part. */
export interface SpellingPart {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** False for parts that are not looked up on their own: short ones (e, nb, tv), names (Oslo-), numbers. */
  readonly checked: boolean;
}

export interface SpellingWord {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** Null when the word is looked up; otherwise why not. */
  readonly skip: SkipReason | null;
  /** First word of a sentence, a line or a list item: a capital there says nothing. */
  readonly sentenceStart: boolean;
  readonly parts: readonly SpellingPart[];
}

/**
 * Letters (with their combining marks) and digits, joined by inner hyphens or apostrophes. A word
 * starts with a letter or digit, so a stray mark (an emoji's variation selector) is no word.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‐‑-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const HYPHEN = /['’]?[‐‑-]/u;
const HYPHENS = /[‐‑-]/gu;
const HAS_DIGIT = /\p{N}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
/** What may stand between a sentence end and the next word: space, quotes, brackets, dashes. */
const SENTENCE_GAP = /^[\s«»"“”'‘’()[\]–—-]$/u;
/** Sentence ends, and the bullets that open a list item. */
const SENTENCE_END = /[.!?:…•▪·]/u;
/**
 * Web and e-mail addresses: with a scheme, starting www., a@b.c, or a host ending in a common
 * top-level domain (regjeringen.no/tema). Trailing punctuation is trimmed off afterwards.
 */
const ADDRESS =
  /(?<![\p{L}\p{N}])(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s<>"«»]+|(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?<![\p{L}\p{N}.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:no|com|org|net|eu|int|gov|edu|io|se|dk|fi|is|uk|de)(?![\p{L}\p{N}])(?:\/[^\s<>"«»]*)?/giu;
const ADDRESS_TRAILER = /[.,;:!?)\]»”'’]+$/u;
/** "Helse- og " before a word: the word finishes a capitalised coordination, a name. */
const NAME_COORDINATION = /\p{Lu}[\p{L}\p{M}]*[‐‑-](?:\s*,\s*[\p{L}\p{M}]+[‐‑-])*\s+(?:og|eller|samt)\s+$/u;
/** No Norwegian word is this long; anything longer is not looked up (and never slows the check). */
export const MAX_WORD_LENGTH = 60;
/** Hyphen parts this short are abbreviations or letters (e-post, nb-dokument, tv-serie). */
const MIN_PART_LENGTH = 3;

/** The words of `text` with what the spellchecker should do with each. */
export function spellingWords(text: string): SpellingWord[] {
  const addresses = addressRanges(text);
  const words: SpellingWord[] = [];
  let nextAddress = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const from = match.index;
    const to = from + word.length;
    while (nextAddress < addresses.length && (addresses[nextAddress]?.[1] ?? 0) <= from) nextAddress++;
    const address = addresses[nextAddress];
    const inAddress = (address !== undefined && address[0] < to && from < address[1]) || dotJoined(text, from, to);
    const sentenceStart = atSentenceStart(text, from);
    const skip = inAddress ? 'address' : skipReason(text, word, from, sentenceStart);
    words.push({ from, to, text: word, skip, sentenceStart, parts: partsOf(word, from, sentenceStart) });
  }
  return words;
}

function skipReason(text: string, word: string, from: number, sentenceStart: boolean): SkipReason | null {
  if (word.length > MAX_WORD_LENGTH) return 'long';
  if (HAS_DIGIT.test(word)) return 'number';
  if (letterCount(word) < 2) return 'letter';
  const rest = word.slice(1);
  if (UPPER.test(rest)) {
    // Upper case after the first letter: an abbreviation, unless it starts a hyphen part
    // (Sør-Norge, Oslo-Bergen), which makes it a name.
    const upperInside = [...rest.matchAll(/\p{Lu}/gu)].some((m) => !HYPHEN.test(rest[m.index - 1] ?? ''));
    if (upperInside || !LOWER.test(word)) return 'abbreviation';
  }
  if (UPPER.test(word[0] ?? '')) return sentenceStart ? null : 'name';
  if (NAME_COORDINATION.test(text.slice(Math.max(0, from - 120), from))) return 'name';
  return null;
}

function letterCount(word: string): number {
  let n = 0;
  for (const ch of word) if (LETTER.test(ch)) n++;
  return n;
}

function partsOf(word: string, from: number, sentenceStart: boolean): SpellingPart[] {
  if (!HYPHEN.test(word)) return [{ from, to: from + word.length, text: word, checked: true }];
  const parts: SpellingPart[] = [];
  let start = 0;
  for (const piece of word.split(HYPHENS)) {
    const first = start === 0;
    const capitalised = UPPER.test(piece[0] ?? '') && !(first && sentenceStart);
    const checked = piece.length >= MIN_PART_LENGTH && !HAS_DIGIT.test(piece) && !capitalised && !UPPER.test(piece.slice(1));
    parts.push({ from: from + start, to: from + start + piece.length, text: piece, checked });
    start += piece.length + 1;
  }
  return parts;
}

/** True when the word at `start` opens a sentence, a line or the text. */
export function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && SENTENCE_GAP.test(text[i] ?? '')) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || SENTENCE_END.test(text[i] ?? '');
}

/** A word joined by a dot or @ to letters on either side (helsenorge.no, fil.docx): part of a name of something. */
function dotJoined(text: string, from: number, to: number): boolean {
  const joined = (mark: number, letter: number): boolean => (text[mark] === '.' || text[mark] === '@') && LETTER.test(text[letter] ?? '');
  return joined(from - 1, from - 2) || joined(to, to + 1);
}

function addressRanges(text: string): (readonly [number, number])[] {
  const ranges: (readonly [number, number])[] = [];
  for (const match of text.matchAll(ADDRESS)) {
    const trimmed = match[0].replace(ADDRESS_TRAILER, '');
    if (trimmed.length > 0) ranges.push([match.index, match.index + trimmed.length]);
  }
  return ranges;
}
