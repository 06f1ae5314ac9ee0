/**
 * Målform checking: flags words of the other written form (a Bokmål form in a Nynorsk document and
 * the reverse) and suggests the form to use where one can be found.
 *
 * The word lists are the forms valid in one form and not the other, expanded from the hunspell
 * dictionaries (resources/maalform, built by scripts/build-maalform-lists.mjs). A form valid in both
 * is in neither list and is never flagged. Pure: the caller loads the lists.
 */

export type Maalform = 'nb' | 'nn';

/** One word of the other målform, with offsets into the checked text (UTF-16, end exclusive). */
export interface MaalformFlag {
  start: number;
  end: number;
  word: string;
  /** The form to use instead, or null when no single form could be found with confidence. */
  suggestion: string | null;
}

/** Anything that answers membership: a Set, or a SortedWordList (far smaller for the full lists). */
export interface WordSet {
  has(word: string): boolean;
}

export interface MaalformLists {
  /** Lower-case forms valid in Bokmål only. */
  nbOnly: Iterable<string> | WordSet;
  /** Lower-case forms valid in Nynorsk only. */
  nnOnly: Iterable<string> | WordSet;
  /**
   * Lower-case forms valid in both. Optional: with it, suggestions may be shared forms (regjeringen ->
   * regjeringa) and unlisted compounds are judged by their longest known last part.
   */
  both?: Iterable<string> | WordSet;
}

/** Extra hand-table entries (lower-case), merged over the built-in table. Their keys are always flagged. */
export interface MaalformSuggestions {
  nbToNn?: Readonly<Record<string, string>>;
  nnToNb?: Readonly<Record<string, string>>;
}

export interface MaalformChecker {
  /** The words of `text` that belong to the other målform than `maalform`. */
  check(text: string, maalform: Maalform): MaalformFlag[];
  /** How many words of `text` are clearly Bokmål and clearly Nynorsk (for "this reads as the other målform"). */
  share(text: string): { nbOnly: number; nnOnly: number };
  /**
   * Which list holds this exact lower-case form: 'nb' or 'nn' (valid in that one only), 'both',
   * or null when it is in none (a misspelling, a name, or a compound the lists do not spell out,
   * which check() judges by its last part).
   */
  listed(form: string): Maalform | 'both' | null;
}

/**
 * The commonest function words, both ways. The dictionaries miss or blur some of them (dictionary-nb
 * has no "noen", and lists "kva"), so these are flagged whatever the lists say.
 */
const NB_TO_NN: Readonly<Record<string, string>> = {
  ikke: 'ikkje', hva: 'kva', hvordan: 'korleis', hvorfor: 'kvifor', hvem: 'kven', hvilken: 'kva for',
  hvis: 'viss', jeg: 'eg', mer: 'meir', noen: 'nokon', noe: 'noko', fra: 'frå', bare: 'berre',
  mye: 'mykje', hun: 'ho', dere: 'de', være: 'vere', vært: 'vore', kommer: 'kjem', selv: 'sjølv',
  sammen: 'saman', uten: 'utan', flere: 'fleire', ble: 'vart', da: 'då',
};

const NN_TO_NB: Readonly<Record<string, string>> = {
  ikkje: 'ikke', kva: 'hva', korleis: 'hvordan', kvifor: 'hvorfor', korfor: 'hvorfor', kven: 'hvem',
  viss: 'hvis', eg: 'jeg', meir: 'mer', nokon: 'noen', noko: 'noe', frå: 'fra', berre: 'bare',
  mykje: 'mye', ho: 'hun', vere: 'være', vore: 'vært', kjem: 'kommer', sjølv: 'selv', saman: 'sammen',
  utan: 'uten', dei: 'de', eit: 'et', ein: 'en', me: 'vi', dykk: 'dere', då: 'da',
};

/** Inflection endings to swap, tried longest first; a candidate counts only if the other list has it. */
const SUFFIXES_NB_TO_NN: readonly (readonly [string, string])[] = [
  ['ligere', 'legare'], ['ligste', 'legaste'], ['ligst', 'legast'], ['lige', 'lege'], ['lig', 'leg'],
  ['hetene', 'heitene'], ['heten', 'heita'], ['heter', 'heiter'], ['het', 'heit'],
  ['ene', 'ane'], ['ene', 'a'], ['ere', 'are'], ['est', 'ast'], ['en', 'a'], ['er', 'ar'], ['et', 'a'], ['', ''],
];

const SUFFIXES_NN_TO_NB: readonly (readonly [string, string])[] = [
  ['legare', 'ligere'], ['legaste', 'ligste'], ['legast', 'ligst'], ['lege', 'lige'], ['leg', 'lig'],
  ['heitene', 'hetene'], ['heita', 'heten'], ['heiter', 'heter'], ['heit', 'het'],
  ['ane', 'ene'], ['are', 'ere'], ['ast', 'est'], ['ar', 'er'], ['a', 'en'], ['a', 'et'], ['a', 'ene'], ['', ''],
];

/** Stem spellings that differ regularly (hv-/kv-, tjeneste/teneste). */
const STEMS_NB_TO_NN: readonly (readonly [string, string])[] = [['', ''], ['hv', 'kv'], ['tjen', 'ten']];
const STEMS_NN_TO_NB: readonly (readonly [string, string])[] = [['', ''], ['kv', 'hv'], ['ten', 'tjen']];

/** A word: letters and digits, joined by inner hyphens or apostrophes (bil-ulykka, Norges', sa'n). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
/** A compound's first part is at least this long (the dictionaries' COMPOUNDMIN is 4)... */
const MIN_COMPOUND_HEAD = 3;
/** ...and its last part at least this long, so short endings (-er, -en) never pass for a word. */
const MIN_COMPOUND_PART = 4;
const HAS_DIGIT = /\p{N}/u;
/** No word is longer; a longer run (pasted junk) is skipped, as the compound search is quadratic in it. */
const MAX_WORD_LENGTH = 60;
const UPPER = /\p{Lu}/u;
/** What may stand between a sentence end and the next word: space, quotes, brackets, dashes. */
const SENTENCE_GAP = /^[\s«»"“”'‘’()–—-]*$/u;
/** Sentence ends, and the bullets that open a list item. */
const SENTENCE_END = /[.!?:…•▪·]/u;
const LETTER = /\p{L}/u;

/** Creates a checker over the two lists (a few hundred thousand forms each: build it once and keep it). */
export function createMaalformChecker(lists: MaalformLists, suggestions: MaalformSuggestions = {}): MaalformChecker {
  const nbToNn = { ...NB_TO_NN, ...suggestions.nbToNn };
  const nnToNb = { ...NN_TO_NB, ...suggestions.nnToNb };
  const nbOnly = withHandTable(lists.nbOnly, nbToNn, nnToNb);
  const nnOnly = withHandTable(lists.nnOnly, nnToNb, nbToNn);
  const both = asWordSet(lists.both ?? []);
  const sets: Record<Maalform, WordSet> = { nb: nbOnly, nn: nnOnly };

  /** The lower-case form that decides `word`, or null when it does not count (names, digits, acronyms). */
  function keyOf(text: string, start: number, word: string): string | null {
    if (word.length > MAX_WORD_LENGTH || HAS_DIGIT.test(word) || inAddress(text, start, start + word.length)) return null;
    const rest = word.slice(1);
    if (UPPER.test(rest) && rest !== rest.toUpperCase()) return null;
    if (UPPER.test(word[0] ?? '') && !atSentenceStart(text, start)) return null;
    if (UPPER.test(rest)) return null;
    return word.normalize('NFC').toLowerCase();
  }

  /**
   * The form of `key` found in `set`: the whole word; else, for a word in no list (an unlisted compound
   * such as permisjonsmuligheter or Oslo-kommunene), its longest last part found in any list, when
   * that part is in `set`.
   */
  function lookup(key: string, set: WordSet): string | null {
    if (set.has(key)) return key;
    if (nbOnly.has(key) || nnOnly.has(key) || both.has(key)) return null;
    const hyphen = key.lastIndexOf('-');
    const first = hyphen < 0 ? MIN_COMPOUND_HEAD : hyphen + 1;
    for (let i = first; i <= key.length - MIN_COMPOUND_PART; i++) {
      const part = key.slice(i);
      if (set.has(part)) return part;
      if (both.has(part) || nbOnly.has(part) || nnOnly.has(part)) return null;
    }
    return null;
  }

  function suggest(form: string, from: Maalform): string | null {
    const table = from === 'nb' ? nbToNn : nnToNb;
    const hand = table[form];
    if (hand !== undefined) return hand;
    const target = from === 'nb' ? nnOnly : nbOnly;
    const valid = (candidate: string): boolean => target.has(candidate) || both.has(candidate);
    const suffixes = from === 'nb' ? SUFFIXES_NB_TO_NN : SUFFIXES_NN_TO_NB;
    const stems = from === 'nb' ? STEMS_NB_TO_NN : STEMS_NN_TO_NB;
    const found = new Set<string>();
    for (const [suffix, replacement] of suffixes) {
      if (!form.endsWith(suffix) || form.length - suffix.length < 2) continue;
      const stem = form.slice(0, form.length - suffix.length);
      for (const [a, b] of stems) {
        const candidate = replaceFirst(stem, a, b) + replacement;
        if (candidate !== form && valid(candidate)) found.add(candidate);
      }
      // The longest matching ending decides; shorter ones are tried only when it found nothing.
      if (found.size > 0) break;
    }
    return found.size === 1 ? ([...found][0] ?? null) : null;
  }

  return {
    check(text, maalform) {
      const other: Maalform = maalform === 'nb' ? 'nn' : 'nb';
      const flags: MaalformFlag[] = [];
      for (const match of text.matchAll(WORD)) {
        const word = match[0];
        const start = match.index;
        const key = keyOf(text, start, word);
        if (key === null) continue;
        const form = lookup(key, sets[other]);
        if (form === null) continue;
        const suggested = suggest(form, other);
        const whole = suggested === null ? null : key.slice(0, key.length - form.length) + suggested;
        flags.push({ start, end: start + word.length, word, suggestion: whole === null ? null : matchCase(word, whole) });
      }
      return flags;
    },

    share(text) {
      let nb = 0;
      let nn = 0;
      for (const match of text.matchAll(WORD)) {
        const key = keyOf(text, match.index, match[0]);
        if (key === null) continue;
        if (lookup(key, nbOnly) !== null) nb++;
        else if (lookup(key, nnOnly) !== null) nn++;
      }
      return { nbOnly: nb, nnOnly: nn };
    },

    listed(form) {
      return nbOnly.has(form) ? 'nb' : nnOnly.has(form) ? 'nn' : both.has(form) ? 'both' : null;
    },
  };
}

/** The list with the hand table's own words added and the other side's taken out. */
function withHandTable(list: Iterable<string> | WordSet, own: Readonly<Record<string, string>>, other: Readonly<Record<string, string>>): WordSet {
  const set = asWordSet(list);
  return { has: (word) => !Object.hasOwn(other, word) && (Object.hasOwn(own, word) || set.has(word)) };
}

function asWordSet(list: Iterable<string> | WordSet): WordSet {
  return 'has' in list && typeof list.has === 'function' ? list : new Set(list as Iterable<string>);
}

function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && SENTENCE_GAP.test(text[i] ?? '')) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || SENTENCE_END.test(text[i] ?? '');
}

/** Part of a domain or file name (helsenorge.no, regjeringen.no): a dot joins it to letters. */
function inAddress(text: string, start: number, end: number): boolean {
  const joined = (dot: number, letter: number): boolean => (text[dot] === '.' || text[dot] === '@') && LETTER.test(text[letter] ?? '');
  return joined(start - 1, start - 2) || joined(end, end + 1);
}

function replaceFirst(stem: string, from: string, to: string): string {
  if (from === '') return stem;
  const at = stem.indexOf(from);
  return at < 0 ? stem : stem.slice(0, at) + to + stem.slice(at + from.length);
}

function matchCase(original: string, suggestion: string): string {
  const first = original[0] ?? '';
  return first !== first.toLowerCase() ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
}
