// Words as the search index sees them, folded the way a Norwegian reader expects: case-insensitive,
// æ ø å kept as letters of their own (ä → æ, ö → ø, as in Norwegian collation), every other
// accent dropped (é → e, ò → o, so «òg» finds «og» and «idé» finds «ide»). Words are runs of
// letters and digits; a hyphen splits («helse- og omsorgsdepartementet» gives helse, og,
// omsorgsdepartementet) and a hyphenated chain is also indexed joined («e-post» is found by
// «epost»).
//
// A saved index holds terms folded by these rules: change them and SearchIndex's FORMAT_VERSION
// must change too, or a loaded index would no longer find what a query folds to.

/** What `foldCode` returns for a character that ends a word. */
export const SEPARATOR = 0;
/** Combining marks, soft hyphens: dropped without ending the word. */
export const IGNORED = 1;
export const HYPHEN = 2;
/** Longest indexed term in UTF-8 bytes; longer words are cut (the same way in queries). */
export const MAX_TERM_BYTES = 64;

/** A table entry not worked out yet (no character folds to U+FFFF, a non-character). */
const UNKNOWN = 0xffff;
const NORWEGIAN: Readonly<Record<string, string>> = { å: 'å', æ: 'æ', ø: 'ø', ä: 'æ', ö: 'ø' };

let foldTable: Uint16Array | undefined;
let wordPattern: RegExp | undefined;
let ignoredPattern: RegExp | undefined;

/**
 * Code unit → SEPARATOR, IGNORED, HYPHEN, or the folded character (always > HYPHEN). Each entry
 * is worked out the first time a text uses that character: most texts use a few hundred, and
 * sweeping all 65,536 up front took 50–120 ms on the library's open path.
 */
function table(): Uint16Array {
  return (foldTable ??= new Uint16Array(0x10000).fill(UNKNOWN));
}

/** How the index reads one UTF-16 code unit: SEPARATOR, IGNORED, HYPHEN or the folded character. */
export function foldCode(code: number): number {
  const known = table()[code]!;
  return known !== UNKNOWN ? known : learn(code);
}

function learn(code: number): number {
  const folded = code < 0x250 ? foldLatin(code) : foldAny(code);
  table()[code] = folded;
  return folded;
}

/** Basic Latin to Latin Extended-B without a Unicode property lookup: where nearly all text is. */
function foldLatin(code: number): number {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return code;
    if (code >= 0x41 && code <= 0x5a) return code + 0x20;
    return code === 0x2d ? HYPHEN : SEPARATOR;
  }
  if (code < 0xc0) {
    // Latin-1 punctuation and symbols, but for ª µ º, the superscript digits and the fractions.
    if (code === 0xaa || code === 0xb5 || code === 0xba || code === 0xb2 || code === 0xb3 || code === 0xb9 || (code >= 0xbc && code <= 0xbe)) return code;
    return code === 0xad ? IGNORED : SEPARATOR;
  }
  // From À on, every character up to U+024F is a letter, except × and ÷.
  if (code === 0xd7 || code === 0xf7) return SEPARATOR;
  return foldLetter(String.fromCharCode(code));
}

/** The definition itself, for everything beyond Latin: Unicode letters, digits, marks. */
function foldAny(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return SEPARATOR; // astral characters (emoji) separate words
  const ch = String.fromCharCode(code);
  if ((wordPattern ??= /^[\p{L}\p{N}]$/u).test(ch)) return foldLetter(ch);
  if (code === 0x2010 || code === 0x2011) return HYPHEN;
  return (ignoredPattern ??= /^[\p{M}\p{Cf}]$/u).test(ch) && code !== 0x200b ? IGNORED : SEPARATOR;
}

function foldLetter(ch: string): number {
  const lower = ch.toLowerCase();
  return (NORWEGIAN[lower] ?? lower.normalize('NFD')).charCodeAt(0);
}

const wordBuffer = new Uint8Array(MAX_TERM_BYTES);
const chainBuffer = new Uint8Array(MAX_TERM_BYTES);

/**
 * Calls `emit` with each term of `text` as UTF-8 bytes in a shared buffer (valid only during the
 * call). With `joinHyphens`, a chain like «covid-19-pandemien» is also emitted as one term.
 */
export function forEachTerm(text: string, joinHyphens: boolean, emit: (bytes: Uint8Array, length: number) => void): void {
  const folds = table();
  const n = text.length;
  let length = 0;
  let full = false;
  let chainLength = 0;
  let chainParts = 0;
  for (let i = 0; i <= n; i++) {
    let f = SEPARATOR;
    if (i < n) {
      f = folds[text.charCodeAt(i)]!;
      if (f === UNKNOWN) f = learn(text.charCodeAt(i));
    }
    if (f > HYPHEN) {
      const need = f < 0x80 ? 1 : f < 0x800 ? 2 : 3;
      if (full || length + need > MAX_TERM_BYTES) full = true;
      else if (need === 1) wordBuffer[length++] = f;
      else if (need === 2) {
        wordBuffer[length++] = 0xc0 | (f >> 6);
        wordBuffer[length++] = 0x80 | (f & 0x3f);
      } else {
        wordBuffer[length++] = 0xe0 | (f >> 12);
        wordBuffer[length++] = 0x80 | ((f >> 6) & 0x3f);
        wordBuffer[length++] = 0x80 | (f & 0x3f);
      }
      continue;
    }
    if (f === IGNORED) {
      // Decomposed input (as pasted from macOS): a + ring is å, a/o + diaeresis is æ/ø; other marks
      // would be folded away anyway.
      const c = text.charCodeAt(i);
      const base = length > 0 && !full ? wordBuffer[length - 1] : 0;
      const composed = c === 0x30a && base === 0x61 ? 0xe5 : c === 0x308 && base === 0x61 ? 0xe6 : c === 0x308 && base === 0x6f ? 0xf8 : 0;
      if (composed !== 0 && length + 1 <= MAX_TERM_BYTES) {
        wordBuffer[length - 1] = 0xc0 | (composed >> 6);
        wordBuffer[length++] = 0x80 | (composed & 0x3f);
      }
      continue;
    }
    if (length === 0) continue;
    emit(wordBuffer, length);
    const joins = f === HYPHEN && i + 1 < n && foldCode(text.charCodeAt(i + 1)) > HYPHEN;
    if (joinHyphens && (joins || chainParts > 0)) {
      let take = Math.min(length, MAX_TERM_BYTES - chainLength);
      while (take > 0 && take < length && (wordBuffer[take]! & 0xc0) === 0x80) take--; // whole characters only
      for (let k = 0; k < take; k++) chainBuffer[chainLength++] = wordBuffer[k]!;
      chainParts++;
      if (!joins) {
        emit(chainBuffer, chainLength);
        chainLength = 0;
        chainParts = 0;
      }
    }
    length = 0;
    full = false;
  }
}
