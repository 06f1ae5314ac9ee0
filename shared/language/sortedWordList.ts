/**
 * A sorted word list kept as the one string it was read as, searched by bisection. The målform
 * lists hold 1.3 million forms: as a Set they take some 150 MB and a second to build; as one
 * Latin-1 string and an offset table, about 25 MB and a few tens of milliseconds.
 */
const RECENT_LIMIT = 50_000;

export class SortedWordList {
  readonly #text: string;
  readonly #starts: Uint32Array;
  /** Recent answers: a text repeats its words, and the compound search asks for the same tails. */
  readonly #recent = new Map<string, boolean>();

  /** `text`: one word a line, sorted by UTF-16 code unit (as `<` compares), `\n` line ends. */
  constructor(text: string) {
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    if (text.length > 0 && !text.endsWith('\n')) lines++;
    // One more start than words: the end of the last word (plus its newline).
    const starts = new Uint32Array(lines + 1);
    let n = 0;
    let at = 0;
    while (at < text.length) {
      starts[n++] = at;
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length + 1 : end + 1;
    }
    starts[n] = at;
    this.#text = text;
    this.#starts = starts;
  }

  get size(): number {
    return this.#starts.length - 1;
  }

  /** The i-th word, for tests and checks of the order. */
  at(i: number): string {
    return this.#text.slice(this.#starts[i], (this.#starts[i + 1] ?? 1) - 1);
  }

  has(word: string): boolean {
    const known = this.#recent.get(word);
    if (known !== undefined) return known;
    const found = this.search(word);
    if (this.#recent.size >= RECENT_LIMIT) this.#recent.clear();
    this.#recent.set(word, found);
    return found;
  }

  private search(word: string): boolean {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const candidate = this.at(mid);
      if (candidate === word) return true;
      if (candidate < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
