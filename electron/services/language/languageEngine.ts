import type { BlockStats, CheckedBlock, LanguageBlock, LanguageIssue } from '../../../shared/domain/language';
import type { Maalform } from '../../../shared/domain/vocabulary';
import type { MaalformChecker } from '../../../shared/language/maalformChecker';
import { spellingWords, type SpellingWord } from '../../../shared/language/spellingWords';

/** What the engine needs of hunspell (hunspell-asm's instance has exactly these). */
export interface Speller {
  spell(word: string): boolean;
  suggest(word: string): string[];
}

/** Most suggestions a caller gets (the contract's limit). */
export const MAX_SUGGESTIONS = 8;
/** Words remembered with their verdict; a document repeats most of its words. */
const CACHE_LIMIT = 100_000;
const UPPER = /\p{Lu}/u;
/**
 * Compound fallback limits, tuned on the seeds with synthetic typos (see the bench): a first part
 * of at least four letters before a last part of at least five (omsorgs|minister), or of three
 * before at least six (rus|avhengige), at most three parts (velferds|teknologi|program).
 */
const MIN_HEAD = 3;
const MIN_TAIL = 5;
const SHORT_HEAD_MIN_TAIL = 6;
const MAX_PARTS = 3;
const LOWER_WORD = /^[\p{Ll}\p{M}]+$/u;

export interface EngineOptions {
  /**
   * Accept a lower-case word hunspell rejects when it splits into known words, the first
   * optionally with a linking s (omsorgs|minister, rus|avhengige). Norwegian writes
   * compounds freely and the dictionaries' compound rule misses many: this removes most false
   * flags on real prose at the price of a misspelling that happens to split into two words.
   */
  readonly compounds?: boolean;
}

/**
 * Spelling and målform checks of one målform: hunspell for spelling, the målform lists for forms
 * of the other målform, and the user's personal dictionary over both. Synchronous and CPU-bound,
 * so it runs in a worker thread (languageWorker.ts); pure enough to test in-process.
 */
export class LanguageEngine {
  readonly #cache = new Map<string, boolean>();
  readonly #compoundCache = new Map<string, boolean>();
  readonly #compounds: boolean;
  #personal = new Set<string>();

  constructor(
    readonly maalform: Maalform,
    private readonly speller: Speller,
    private readonly maalformChecker: MaalformChecker,
    personal: Iterable<string> = [],
    options: EngineOptions = {},
  ) {
    this.setPersonal(personal);
    this.#compounds = options.compounds ?? true;
  }

  setPersonal(words: Iterable<string>): void {
    this.#personal = new Set([...words].map((w) => w.normalize('NFC')));
  }

  check(blocks: readonly LanguageBlock[]): CheckedBlock[] {
    return blocks.map(({ key, text }) => ({ key, ...this.checkText(text) }));
  }

  /** Spelling suggestions for `word`, best first; [] for a correct word or one hunspell cannot help with. */
  suggest(word: string): string[] {
    const clean = word.normalize('NFC').replace(/’/g, "'");
    if (this.valid(clean, true)) return [];
    const seen = new Set<string>([clean]);
    const out: string[] = [];
    for (const suggestion of this.speller.suggest(clean)) {
      if (seen.has(suggestion)) continue;
      seen.add(suggestion);
      out.push(suggestion);
      if (out.length === MAX_SUGGESTIONS) break;
    }
    return out;
  }

  checkText(text: string): { issues: LanguageIssue[]; stats: BlockStats } {
    const issues: LanguageIssue[] = [];
    // One mark per word: a word of the other målform is not also a spelling error, since the
    // målform checker knows the right form and hunspell only guesses.
    const taken: [number, number][] = [];
    for (const flag of this.maalformChecker.check(text, this.maalform)) {
      if (this.isPersonal(flag.word)) continue;
      // Judged by its last part only, with no form to offer: as likely a misspelling
      // (departemnetet ends in a Nynorsk-looking "-netet"), so the spelling check decides.
      if (flag.suggestion === null && this.maalformChecker.listed(flag.word.normalize('NFC').toLowerCase()) === null) continue;
      issues.push({ kind: 'maalform', from: flag.start, to: flag.end, word: flag.word, suggestion: flag.suggestion });
      taken.push([flag.start, flag.end]);
    }
    const share = this.maalformChecker.share(text);
    let words = 0;
    for (const word of spellingWords(text)) {
      if (word.skip === 'number' || word.skip === 'address' || word.skip === 'long') continue;
      words++;
      if (word.skip !== null || taken.some(([from, to]) => from < word.to && word.from < to)) continue;
      for (const [from, to] of this.misspelled(word)) {
        issues.push({ kind: 'spelling', from, to, word: text.slice(from, to), suggestion: null });
      }
    }
    issues.sort((a, b) => a.from - b.from);
    const thisForm = this.maalform === 'nb' ? share.nbOnly : share.nnOnly;
    // The other form's words are the ones marked, so the figure and the underlines agree.
    return { issues, stats: { words, thisForm, otherForm: taken.length } };
  }

  /** The ranges of `word` that are misspelled: none, the whole word, or some of its hyphen parts. */
  private misspelled(word: SpellingWord): [number, number][] {
    if (this.valid(word.text, word.sentenceStart)) return [];
    if (word.parts.length === 1) {
      const apostrophe = word.text.search(/['’]/);
      // sa'n, Norges' : the part before the apostrophe decides.
      if (apostrophe > 0 && this.valid(word.text.slice(0, apostrophe), word.sentenceStart)) return [];
      return [[word.from, word.to]];
    }
    const wrong: [number, number][] = [];
    word.parts.forEach((part, i) => {
      if (part.checked && !this.valid(part.text, i === 0 && word.sentenceStart)) wrong.push([part.from, part.to]);
    });
    return wrong;
  }

  private valid(raw: string, sentenceStart: boolean): boolean {
    const word = raw.normalize('NFC').replace(/’/g, "'");
    if (this.isPersonal(word) || this.spell(word)) return true;
    // A capital at the start of a sentence says nothing: check the word as it would be written
    // inside one (hunspell accepts "Regjeringen" already; this covers the personal dictionary
    // and compounds).
    const lower = sentenceStart && UPPER.test(word[0] ?? '') ? word.charAt(0).toLowerCase() + word.slice(1) : word;
    if (lower !== word && (this.isPersonal(lower) || this.spell(lower))) return true;
    return this.#compounds && LOWER_WORD.test(lower) && this.compound(lower, 1);
  }

  /** True when `word` splits into a known first part (with or without a linking s) and a known rest. */
  private compound(word: string, parts: number): boolean {
    if (word.length < MIN_HEAD + MIN_TAIL) return false;
    const key = `${parts}:${word}`;
    const known = this.#compoundCache.get(key);
    if (known !== undefined) return known;
    let verdict = false;
    for (let i = word.length - MIN_TAIL; i >= MIN_HEAD && !verdict; i--) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      if ((head.length === MIN_HEAD && tail.length < SHORT_HEAD_MIN_TAIL) || !this.knownHead(head)) continue;
      verdict = this.spell(tail) || this.isPersonal(tail) || (parts + 1 < MAX_PARTS && this.compound(tail, parts + 1));
    }
    if (this.#compoundCache.size >= CACHE_LIMIT) this.#compoundCache.clear();
    this.#compoundCache.set(key, verdict);
    return verdict;
  }

  private knownHead(head: string): boolean {
    if (this.spell(head) || this.isPersonal(head)) return true;
    const last = head.at(-1);
    return last === 's' && head.length - 1 >= MIN_HEAD && this.spell(head.slice(0, -1));
  }

  private isPersonal(word: string): boolean {
    if (this.#personal.size === 0) return false;
    const nfc = word.normalize('NFC');
    return this.#personal.has(nfc) || this.#personal.has(nfc.charAt(0).toLowerCase() + nfc.slice(1)) || this.#personal.has(nfc.toLowerCase());
  }

  private spell(word: string): boolean {
    const known = this.#cache.get(word);
    if (known !== undefined) return known;
    const verdict = this.speller.spell(word);
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(word, verdict);
    return verdict;
  }
}
