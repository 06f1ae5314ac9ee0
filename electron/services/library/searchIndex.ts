// Full-text search over the library: title, ingress and body of every document.
//
// Why not MiniSearch or FlexSearch: both keep a JS Map (or array) per term per field, which at
// 20,000 documents of ~5 KB costs several hundred MB of heap (measured: MiniSearch 210 MB heap at
// 5,000 documents, FlexSearch with prefix search 177 MB at 1,000). This index keeps everything in
// typed arrays instead: terms as UTF-8 bytes in one arena with an open-addressing hash table, and
// postings as delta-encoded varints in linked slices of a block pool (the layout Lucene uses for
// its in-memory buffer), so adding a document appends to each term's list in place. Replacing or
// removing a document only marks its old number dead; once dead documents make up a quarter of
// the index, the following saves sweep their postings out in place, a little at a time, and the
// freed slices are reused.
//
// Text is folded the way a Norwegian reader expects: case-insensitive, æ ø å kept as letters of
// their own (ä → æ, ö → ø, as in Norwegian collation), every other accent dropped (é → e, ò → o,
// so «òg» finds «og» and «idé» finds «ide»). Words are runs of letters and digits; a hyphen splits
// («helse- og omsorgsdepartementet» gives helse, og, omsorgsdepartementet) and a hyphenated chain
// is also indexed joined («e-post» is found by «epost»).

/** One hit: the document id and its relevance (higher is better; only the order is meaningful). */
export interface SearchHit {
  id: string;
  score: number;
}

export interface SearchFields {
  title: string;
  ingress: string;
  body: string;
}

const SEPARATOR = 0;
const IGNORED = 1; // combining marks, soft hyphens: dropped without ending the word
const HYPHEN = 2;
/** Longest indexed term in UTF-8 bytes; longer words are cut (the same way in queries). */
const MAX_TERM_BYTES = 64;

let foldTable: Uint16Array | undefined;

/** Code unit → SEPARATOR, IGNORED, HYPHEN, or the folded character (always > HYPHEN). */
function fold(): Uint16Array {
  if (foldTable) return foldTable;
  const table = new Uint16Array(0x10000);
  const word = /^[\p{L}\p{N}]$/u;
  const ignored = /^[\p{M}\p{Cf}]$/u;
  const norwegian: Record<string, string> = { å: 'å', æ: 'æ', ø: 'ø', ä: 'æ', ö: 'ø' };
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // astral characters (emoji) separate words
    const ch = String.fromCharCode(c);
    if (word.test(ch)) {
      const lower = ch.toLowerCase();
      table[c] = (norwegian[lower] ?? lower.normalize('NFD')).charCodeAt(0);
    } else if (c === 0x2d || c === 0x2010 || c === 0x2011) table[c] = HYPHEN;
    else if (ignored.test(ch) && c !== 0x200b) table[c] = IGNORED;
  }
  foldTable = table;
  return table;
}

const wordBuffer = new Uint8Array(MAX_TERM_BYTES);
const chainBuffer = new Uint8Array(MAX_TERM_BYTES);

/**
 * Calls `emit` with each term of `text` as UTF-8 bytes in a shared buffer (valid only during the
 * call). With `joinHyphens`, a chain like «covid-19-pandemien» is also emitted as one term.
 */
function forEachTerm(text: string, joinHyphens: boolean, emit: (bytes: Uint8Array, length: number) => void): void {
  const table = fold();
  const n = text.length;
  let length = 0;
  let full = false;
  let chainLength = 0;
  let chainParts = 0;
  for (let i = 0; i <= n; i++) {
    const f = i < n ? table[text.charCodeAt(i)]! : SEPARATOR;
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
    const joins = f === HYPHEN && i + 1 < n && table[text.charCodeAt(i + 1)]! > HYPHEN;
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

function grown<A extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(array: A, needed: number): A {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => A)(Math.max(needed, Math.ceil(array.length * 1.5)));
  bigger.set(array as never);
  return bigger;
}

/** The vocabulary: term id ↔ UTF-8 bytes, in one arena, found through an open-addressing table. */
class Terms {
  count = 0;
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private start = new Uint32Array(1024);
  private length = new Uint8Array(1024);
  private table = new Int32Array(2048); // term id + 1; 0 is empty

  find(key: Uint8Array, keyLength: number): number {
    const mask = this.table.length - 1;
    for (let slot = hash(key, 0, keyLength) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return -1;
      if (this.equals(entry - 1, key, keyLength)) return entry - 1;
    }
  }

  intern(key: Uint8Array, keyLength: number): number {
    const found = this.find(key, keyLength);
    if (found >= 0) return found;
    const id = this.count++;
    this.bytes = grown(this.bytes, this.used + keyLength);
    this.bytes.set(key.subarray(0, keyLength), this.used);
    this.start = grown(this.start, this.count);
    this.length = grown(this.length, this.count);
    this.start[id] = this.used;
    this.length[id] = keyLength;
    this.used += keyLength;
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id);
    return id;
  }

  lengthOf(id: number): number {
    return this.length[id]!;
  }

  /** Every term that starts with `prefix`. A scan: ~2 ms over 450,000 terms, cheaper than keeping them sorted. */
  withPrefix(prefix: Uint8Array): number[] {
    const out: number[] = [];
    const { bytes, start, length } = this;
    const first = prefix[0]!;
    outer: for (let id = 0; id < this.count; id++) {
      const s = start[id]!;
      if (bytes[s] !== first || length[id]! < prefix.length) continue;
      for (let k = 1; k < prefix.length; k++) if (bytes[s + k] !== prefix[k]) continue outer;
      out.push(id);
    }
    return out;
  }

  private equals(id: number, key: Uint8Array, keyLength: number): boolean {
    if (this.length[id] !== keyLength) return false;
    const s = this.start[id]!;
    for (let k = 0; k < keyLength; k++) if (this.bytes[s + k] !== key[k]) return false;
    return true;
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let slot = hash(this.bytes, this.start[id]!, this.length[id]!) & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = id + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let id = 0; id < this.count; id++) this.place(id);
  }
}

function hash(bytes: Uint8Array, from: number, length: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < from + length; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

const BLOCK_BITS = 16;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;
/** Each slice ends in 4 bytes that first hold a level marker, then the address of the next slice. */
const SLICE_SIZES = [8, 16, 32, 64, 128, 256, 512, 1024];
const LAST_LEVEL = SLICE_SIZES.length - 1;

/**
 * Per term, the documents it occurs in (ascending document numbers, delta-encoded as varints),
 * each followed by one byte of term frequencies per field. Lists grow in slices of a shared pool.
 */
class Postings {
  docFrequency = new Uint32Array(1024); // counts dead documents too, until they are swept out
  private blocks: Uint8Array[] = [];
  private used = BLOCK_SIZE;
  private free: number[][] = SLICE_SIZES.map(() => []); // swept-out slices by level, for reuse
  private head = new Uint32Array(1024);
  private tail = new Uint32Array(1024);
  private lastDoc = new Uint32Array(1024);
  private terms = 0;

  append(term: number, doc: number, payload: number): void {
    while (term >= this.terms) this.addTerm();
    let delta = doc - this.lastDoc[term]!;
    while (delta >= 0x80) {
      this.write(term, (delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    this.write(term, delta);
    this.write(term, payload);
    this.lastDoc[term] = doc;
    this.docFrequency[term]!++;
  }

  /** Decodes the live postings of `term` into `docs`/`payloads` (grown as needed); returns the count. */
  read(term: number, alive: Uint8Array, out: { docs: Uint32Array; payloads: Uint8Array }): number {
    if (term >= this.terms) return 0;
    out.docs = grown(out.docs, this.docFrequency[term]!);
    out.payloads = grown(out.payloads, this.docFrequency[term]!);
    const { blocks } = this;
    const end = this.tail[term]!;
    let address = this.head[term]!;
    let level = 0;
    let sliceEnd = address + SLICE_SIZES[0]! - 4;
    let doc = 0;
    let count = 0;
    let value = 0;
    let shift = 0;
    let inPayload = false;
    while (address !== end) {
      if (address === sliceEnd) {
        const block = blocks[address >>> BLOCK_BITS]!;
        const at = address & BLOCK_MASK;
        address = block[at]! | (block[at + 1]! << 8) | (block[at + 2]! << 16) | (block[at + 3]! * 0x1000000);
        level = Math.min(level + 1, LAST_LEVEL);
        sliceEnd = address + SLICE_SIZES[level]! - 4;
        continue;
      }
      const byte = blocks[address >>> BLOCK_BITS]![address & BLOCK_MASK]!;
      address++;
      if (inPayload) {
        if (alive[doc] === 1) {
          out.docs[count] = doc;
          out.payloads[count++] = byte;
        }
        inPayload = false;
      } else if (byte & 0x80) {
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } else {
        doc += value | (byte << shift);
        value = 0;
        shift = 0;
        inPayload = true;
      }
    }
    return count;
  }

  /**
   * Rewrites `term`'s list without dead documents, in place: a merged delta never takes more bytes
   * than the two postings it replaces, so the writer never overtakes the reader. Slices left
   * empty at the end go to the free lists.
   */
  compact(term: number, alive: Uint8Array): void {
    if (term >= this.terms) return;
    const { blocks } = this;
    const pointerAt = (address: number): number => {
      const block = blocks[address >>> BLOCK_BITS]!;
      const at = address & BLOCK_MASK;
      return block[at]! | (block[at + 1]! << 8) | (block[at + 2]! << 16) | (block[at + 3]! * 0x1000000);
    };
    const end = this.tail[term]!;
    let read = this.head[term]!;
    let readLevel = 0;
    let readEnd = read + SLICE_SIZES[0]! - 4;
    let write = read;
    let writeLevel = 0;
    let writeEnd = readEnd;
    const put = (byte: number): void => {
      if (write === writeEnd) {
        write = pointerAt(writeEnd);
        writeLevel = Math.min(writeLevel + 1, LAST_LEVEL);
        writeEnd = write + SLICE_SIZES[writeLevel]! - 4;
      }
      blocks[write >>> BLOCK_BITS]![write & BLOCK_MASK] = byte;
      write++;
    };
    let doc = 0;
    let value = 0;
    let shift = 0;
    let inPayload = false;
    let last = 0;
    let kept = 0;
    while (read !== end) {
      if (read === readEnd) {
        read = pointerAt(readEnd);
        readLevel = Math.min(readLevel + 1, LAST_LEVEL);
        readEnd = read + SLICE_SIZES[readLevel]! - 4;
        continue;
      }
      const byte = blocks[read >>> BLOCK_BITS]![read & BLOCK_MASK]!;
      read++;
      if (inPayload) {
        if (alive[doc] === 1) {
          let delta = doc - last;
          while (delta >= 0x80) {
            put((delta & 0x7f) | 0x80);
            delta >>>= 7;
          }
          put(delta);
          put(byte);
          last = doc;
          kept++;
        }
        inPayload = false;
      } else if (byte & 0x80) {
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } else {
        doc += value | (byte << shift);
        value = 0;
        shift = 0;
        inPayload = true;
      }
    }
    if (writeEnd !== readEnd) {
      // Free every slice after the writer's, up to and including the reader's (the last one).
      let level = writeLevel;
      let slice = writeEnd;
      do {
        slice = pointerAt(slice);
        level = Math.min(level + 1, LAST_LEVEL);
        this.free[level]!.push(slice);
        slice += SLICE_SIZES[level]! - 4;
      } while (slice !== readEnd);
    }
    // Unwritten bytes must read 0 and the slice must end in its marker again (see `write`).
    for (let a = write; a < writeEnd + 4; a++) blocks[a >>> BLOCK_BITS]![a & BLOCK_MASK] = 0;
    blocks[writeEnd >>> BLOCK_BITS]![writeEnd & BLOCK_MASK] = writeLevel + 1;
    this.tail[term] = write;
    this.lastDoc[term] = last;
    this.docFrequency[term] = kept;
  }

  private addTerm(): void {
    const id = this.terms++;
    this.head = grown(this.head, this.terms);
    this.tail = grown(this.tail, this.terms);
    this.lastDoc = grown(this.lastDoc, this.terms);
    this.docFrequency = grown(this.docFrequency, this.terms);
    this.head[id] = this.tail[id] = this.allocate(0);
  }

  private allocate(level: number): number {
    const size = SLICE_SIZES[level]!;
    const reused = this.free[level]!.pop();
    if (reused !== undefined) {
      const block = this.blocks[reused >>> BLOCK_BITS]!;
      const at = reused & BLOCK_MASK;
      block.fill(0, at, at + size);
      block[at + size - 4] = level + 1;
      return reused;
    }
    if (this.used + size > BLOCK_SIZE) {
      this.blocks.push(new Uint8Array(BLOCK_SIZE));
      this.used = 0;
    }
    const address = (this.blocks.length - 1) * BLOCK_SIZE + this.used;
    this.blocks[this.blocks.length - 1]![this.used + size - 4] = level + 1;
    this.used += size;
    return address;
  }

  private write(term: number, byte: number): void {
    let address = this.tail[term]!;
    let block = this.blocks[address >>> BLOCK_BITS]!;
    let at = address & BLOCK_MASK;
    const marker = block[at]!;
    if (marker !== 0) {
      // Unwritten bytes are 0, so a non-zero byte here is the end-of-slice marker (level + 1).
      const next = this.allocate(Math.min(marker, LAST_LEVEL));
      block[at] = next & 0xff;
      block[at + 1] = (next >>> 8) & 0xff;
      block[at + 2] = (next >>> 16) & 0xff;
      block[at + 3] = next >>> 24;
      address = next;
      block = this.blocks[address >>> BLOCK_BITS]!;
      at = address & BLOCK_MASK;
    }
    block[at] = byte;
    this.tail[term] = address + 1;
  }
}

/** Term frequencies per field within one document, in a small hash table reused between documents. */
class TermCounter {
  private slots = new Int32Array(2048); // term + 1; 0 is empty
  private counts = new Uint32Array(2048 * 3);
  private used: number[] = [];

  count(term: number, field: number): void {
    const mask = this.slots.length - 1;
    let slot = Math.imul(term, 0x9e3779b1) & mask;
    while (this.slots[slot] !== 0 && this.slots[slot] !== term + 1) slot = (slot + 1) & mask;
    if (this.slots[slot] === 0) {
      this.slots[slot] = term + 1;
      this.used.push(slot);
    }
    this.counts[slot * 3 + field]!++;
    if (this.used.length * 2 > this.slots.length) this.resize();
  }

  /** Hands out each counted term with its posting payload, then empties the counter. */
  drain(emit: (term: number, payload: number) => void): void {
    for (const slot of this.used) {
      const c = slot * 3;
      // Term frequency in title (2 bits), ingress (2 bits) and body (4 bits), each capped.
      emit(this.slots[slot]! - 1, (Math.min(this.counts[c]!, 3) << 6) | (Math.min(this.counts[c + 1]!, 3) << 4) | Math.min(this.counts[c + 2]!, 15));
      this.slots[slot] = 0;
      this.counts[c] = this.counts[c + 1] = this.counts[c + 2] = 0;
    }
    this.used = [];
  }

  private resize(): void {
    const { slots, counts, used } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.counts = new Uint32Array(this.slots.length * 3);
    this.used = [];
    for (const old of used) {
      const term = slots[old]! - 1;
      for (let field = 0; field < 3; field++) {
        const times = counts[old * 3 + field]!;
        for (let k = 0; k < times; k++) this.count(term, field);
      }
    }
  }
}

/** One word of a query: the terms it matches (several for a prefix) and their postings in total. */
interface QueryWord {
  terms: number[];
  /** Bytes typed of the last word when it is matched as a prefix, else 0. */
  prefixLength: number;
  cost: number;
}

const FIELDS = 3; // title, ingress, body
/** Postings swept per save while a sweep runs (about 2 ms of work). */
const SWEEP_BUDGET = 50_000;
/**
 * Per field: weight and BM25 length normalisation. Each field saturates on its own, so for titles
 * and ingresses of ordinary length one hit there outweighs any number of hits in the body.
 */
const FIELD_WEIGHT = [4, 2.5, 1];
const FIELD_B = [0.5, 0.5, 0.75];
const K1 = 1.2;

export class SearchIndex {
  private terms = new Terms();
  private postings = new Postings();
  private numberOf = new Map<string, number>();
  private idOf: (string | undefined)[] = [];
  private alive = new Uint8Array(1024);
  private fieldLength = new Uint32Array(1024 * FIELDS);
  private totalLength = new Float64Array(FIELDS);
  private nextDoc = 0;
  private live = 0;
  private dead = 0;
  private sweepNext = -1; // the next term to sweep, or -1 when no sweep is running
  private deadBeforeSweep = 0;
  private counter = new TermCounter();
  private seen = new Uint32Array(1024);
  private score = new Float64Array(1024);
  private candidates = new Uint32Array(1024);
  private scratch = { docs: new Uint32Array(1024), payloads: new Uint8Array(1024) };

  get size(): number {
    return this.live;
  }

  /** Indexes a document, replacing what was indexed under `id` before. */
  add(id: string, fields: SearchFields): void {
    this.markDead(id);
    const doc = this.nextDoc++;
    this.alive = grown(this.alive, this.nextDoc);
    this.fieldLength = grown(this.fieldLength, this.nextDoc * FIELDS);
    const texts = [fields.title, fields.ingress, fields.body];
    for (let field = 0; field < FIELDS; field++) {
      let length = 0;
      forEachTerm(texts[field]!, true, (bytes, byteLength) => {
        this.counter.count(this.terms.intern(bytes, byteLength), field);
        length++;
      });
      this.fieldLength[doc * FIELDS + field] = length;
      this.totalLength[field]! += length;
    }
    this.counter.drain((term, payload) => this.postings.append(term, doc, payload));
    this.numberOf.set(id, doc);
    this.idOf[doc] = id;
    this.alive[doc] = 1;
    this.live++;
    this.sweep();
  }

  remove(id: string): void {
    this.markDead(id);
    this.sweep();
  }

  /**
   * Documents containing every word of `query` (the last one as a prefix, unless the query ends
   * in a space or punctuation), best first.
   */
  search(query: string, options?: { limit?: number }): SearchHit[] {
    const limit = options?.limit ?? Number.POSITIVE_INFINITY;
    if (!(limit > 0) || this.live === 0) return [];
    const words = this.parse(query);
    if (words === undefined || words.length === 0) return [];
    words.sort((a, b) => a.cost - b.cost); // rarest first, so a miss ends the search early
    // Reused between searches (a fresh pair per query would churn ~12 bytes per document);
    // only candidates are ever touched, so only they are reset.
    this.seen = grown(this.seen, this.nextDoc);
    this.score = grown(this.score, this.nextDoc);
    const { seen, score } = this;
    this.candidates = grown(this.candidates, this.nextDoc);
    const { candidates } = this;
    let candidateCount = 0; // the documents that matched the first word
    try {
      const average = Array.from(this.totalLength, (total) => Math.max(total / this.live, 1));
      for (let w = 0; w < words.length; w++) {
        let matched = 0;
        const { terms, prefixLength } = words[w]!;
        for (const term of terms) {
          // A completion of the last word counts for less than the whole word, and less the more it adds.
          const length = this.terms.lengthOf(term);
          const weight = prefixLength === 0 || prefixLength === length ? 1 : 0.3 + (0.5 * prefixLength) / length;
          const df = Math.min(this.postings.docFrequency[term]!, this.live);
          const idf = Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
          const count = this.postings.read(term, this.alive, this.scratch);
          const { docs, payloads } = this.scratch;
          for (let j = 0; j < count; j++) {
            const doc = docs[j]!;
            if (seen[doc] === w) {
              seen[doc] = w + 1; // seen[doc] counts the query words this document has matched
              matched++;
              if (w === 0) candidates[candidateCount++] = doc;
            } else if (seen[doc] !== w + 1) continue;
            score[doc]! += weight * idf * this.fieldScore(doc, payloads[j]!, average);
          }
        }
        if (matched === 0) return [];
      }
      // Keep the documents that matched every word at the front; clear the others as we go.
      let hitCount = 0;
      for (let k = 0; k < candidateCount; k++) {
        const doc = candidates[k]!;
        if (seen[doc] === words.length) candidates[hitCount++] = doc;
        else score[doc] = 0;
        seen[doc] = 0;
      }
      candidateCount = hitCount;
      const best = topHits(candidates.subarray(0, hitCount), score, limit);
      return Array.from(best, (doc) => ({ id: this.idOf[doc]!, score: score[doc]! }));
    } finally {
      for (let k = 0; k < candidateCount; k++) seen[candidates[k]!] = score[candidates[k]!] = 0;
    }
  }

  private parse(query: string): QueryWord[] | undefined {
    const raw: Uint8Array[] = [];
    forEachTerm(query, false, (bytes, length) => raw.push(bytes.slice(0, length)));
    const last = query.length > 0 ? fold()[query.charCodeAt(query.length - 1)]! : SEPARATOR;
    const prefix = raw.length > 0 && last > HYPHEN ? raw.pop() : undefined;
    const words: QueryWord[] = [];
    const exact = new Set<number>();
    for (const bytes of raw) {
      const term = this.terms.find(bytes, bytes.length);
      if (term < 0) return undefined;
      if (exact.has(term)) continue;
      exact.add(term);
      words.push({ terms: [term], prefixLength: 0, cost: this.postings.docFrequency[term]! });
    }
    if (prefix) {
      const terms = this.terms.withPrefix(prefix);
      if (terms.length === 0) return undefined;
      words.push({ terms, prefixLength: prefix.length, cost: terms.reduce((sum, term) => sum + this.postings.docFrequency[term]!, 0) });
    }
    return words;
  }

  /** BM25 per field, each saturating on its own, weighted and summed. */
  private fieldScore(doc: number, payload: number, average: number[]): number {
    let sum = 0;
    // Most postings are in the body only (payload < 16): start there.
    for (let field = payload < 16 ? 2 : 0; field < FIELDS; field++) {
      const tf = field === 0 ? payload >>> 6 : field === 1 ? (payload >>> 4) & 3 : payload & 15;
      if (tf === 0) continue;
      const b = FIELD_B[field]!;
      const norm = 1 - b + (b * this.fieldLength[doc * FIELDS + field]!) / average[field]!;
      sum += (FIELD_WEIGHT[field]! * tf * (K1 + 1)) / (tf + K1 * norm);
    }
    return sum;
  }

  private markDead(id: string): void {
    const doc = this.numberOf.get(id);
    if (doc === undefined) return;
    this.numberOf.delete(id);
    this.idOf[doc] = undefined;
    this.alive[doc] = 0;
    for (let field = 0; field < FIELDS; field++) this.totalLength[field]! -= this.fieldLength[doc * FIELDS + field]!;
    this.live--;
    this.dead++;
  }

  /**
   * Once dead documents make up a quarter of the index, sweeps their postings out, a slice of the
   * vocabulary per call so no single save pays for the whole index.
   */
  private sweep(budget = SWEEP_BUDGET): void {
    if (this.sweepNext < 0) {
      if (this.dead <= 64 || this.dead * 4 <= this.live) return;
      this.sweepNext = 0;
      this.deadBeforeSweep = this.dead;
    }
    while (budget > 0 && this.sweepNext < this.terms.count) {
      budget -= this.postings.docFrequency[this.sweepNext]! + 16;
      this.postings.compact(this.sweepNext++, this.alive);
    }
    if (this.sweepNext < this.terms.count) return;
    this.sweepNext = -1;
    this.dead -= this.deadBeforeSweep; // documents that died during the sweep may still have postings
  }
}

/** The `limit` best `docs` by score (ties: the most recently indexed first). Reorders `docs`. */
function topHits(docs: Uint32Array, score: Float64Array, limit: number): Uint32Array {
  const order = (a: number, b: number): number => score[b]! - score[a]! || b - a;
  if (docs.length <= limit) return docs.sort(order);
  // A heap of the best `limit` so far, worst on top: O(n log limit) for a common word.
  const heap = new Uint32Array(limit);
  let size = 0;
  const siftDown = (from: number): void => {
    for (let i = from; ; ) {
      const l = 2 * i + 1;
      let worst = i;
      if (l < size && order(heap[worst]!, heap[l]!) < 0) worst = l;
      if (l + 1 < size && order(heap[worst]!, heap[l + 1]!) < 0) worst = l + 1;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const doc of docs) {
    if (size < limit) {
      heap[size++] = doc;
      if (size === limit) for (let i = (limit >> 1) - 1; i >= 0; i--) siftDown(i);
    } else if (order(doc, heap[0]!) < 0) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort(order);
}
