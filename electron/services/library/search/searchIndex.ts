// Full-text search over the library: title, ingress and body of every document.
//
// Why not MiniSearch or FlexSearch: both keep a JS Map (or array) per term per field, which at
// 20,000 documents of ~5 KB costs several hundred MB of heap (measured: MiniSearch 210 MB heap at
// 5,000 documents, FlexSearch with prefix search 177 MB at 1,000). This index keeps everything in
// typed arrays instead: terms as UTF-8 bytes in one arena with an open-addressing hash table
// (TermDictionary), and postings as delta-encoded varints in linked slices of a block pool
// (PostingPool). Replacing or removing a document only marks its old number dead; once dead
// documents make up a quarter of the index, the following saves sweep their postings out in
// place, a little at a time, and the freed slices are reused.
//
// Typed arrays also make the index cheap to keep between runs: `serialize` writes them as they
// are into one blob and `deserialize` uses the blob's memory in place, so opening a library need
// not read every document again to make its text searchable.
import { BlobReader, BlobWriter } from './blob';
import { grown } from './grown';
import { PostingPool } from './postingPool';
import { forEachTerm, foldCode, HYPHEN } from './searchTerms';
import { TermCounter } from './termCounter';
import { TermDictionary } from './termDictionary';
import { topHits } from './topHits';

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

/** One word of a query: the terms it matches (several for a prefix) and their postings in total. */
interface QueryWord {
  terms: number[];
  /** Bytes typed of the last word when it is matched as a prefix, else 0. */
  prefixLength: number;
  cost: number;
}

/** «MSIX» as a little-endian number. */
const MAGIC = 0x5849534d;
/** Bump on any change to the layout, to tokenising or folding (searchTerms.ts), or to scoring input. */
const FORMAT_VERSION = 1;

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
/** A document's stamp when `add` was given none (NaN is never handed out by `stamp`). */
const NO_STAMP = Number.NaN;

export class SearchIndex {
  private terms = new TermDictionary();
  private postings = new PostingPool();
  private numberOf = new Map<string, number>();
  private idOf: (string | undefined)[] = [];
  private alive = new Uint8Array(1024);
  private fieldLength = new Uint32Array(1024 * FIELDS);
  private stamps = new Float64Array(1024);
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

  /**
   * Indexes a document, replacing what was indexed under `id` before. `stamp` (the document's
   * revision, say) is kept beside it, so that after `deserialize` the caller can tell which
   * documents changed since the index was saved. Ids are well-formed strings (UUIDs are).
   */
  add(id: string, fields: SearchFields, stamp?: number): void {
    this.markDead(id);
    const doc = this.nextDoc++;
    this.alive = grown(this.alive, this.nextDoc);
    this.fieldLength = grown(this.fieldLength, this.nextDoc * FIELDS);
    this.stamps = grown(this.stamps, this.nextDoc);
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
    this.stamps[doc] = stamp ?? NO_STAMP;
    this.live++;
    this.sweep();
  }

  remove(id: string): void {
    this.markDead(id);
    this.sweep();
  }

  has(id: string): boolean {
    return this.numberOf.has(id);
  }

  /** The stamp `id` was added with, or undefined if it was added without one or is not indexed. */
  stamp(id: string): number | undefined {
    const doc = this.numberOf.get(id);
    const stamp = doc === undefined ? NO_STAMP : this.stamps[doc]!;
    return Number.isNaN(stamp) ? undefined : stamp;
  }

  /** Every indexed id, in no particular order: what to remove once the library no longer has it. */
  ids(): IterableIterator<string> {
    return this.numberOf.keys();
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

  /**
   * The whole index as one blob (see blob.ts for the container): every typed array only as far as
   * it is used, the ids, and the stamps. `deserialize` turns it back into an index that answers
   * and changes exactly as this one does.
   */
  serialize(): Uint8Array {
    const docs = this.nextDoc;
    const blob = new BlobWriter();
    blob.f64(Float64Array.of(docs, this.live, this.dead, this.sweepNext, this.deadBeforeSweep, ...this.totalLength));
    this.terms.writeTo(blob);
    this.postings.writeTo(blob);
    blob.u8(this.alive.subarray(0, docs)).u32(this.fieldLength.subarray(0, docs * FIELDS)).f64(this.stamps.subarray(0, docs));
    const liveDocs = Uint32Array.from(this.numberOf.values()).sort();
    const ids = Array.from(liveDocs, (doc) => this.idOf[doc]!);
    blob.u32(liveDocs).u32(Uint32Array.from(ids, (id) => id.length)).u8(new TextEncoder().encode(ids.join('')));
    return blob.finish(MAGIC, FORMAT_VERSION);
  }

  /**
   * The index `serialize` wrote, or null if `bytes` is not one: another format or version,
   * truncated, damaged, or not consistent in itself. Never throws. Every size, count and range is
   * checked, but the posting lists are not walked (that would cost as much as a search for every
   * term): damage inside them is what the checksum is for. The index keeps using (and changing)
   * the memory of `bytes`, so the caller hands it over and must not use it again.
   */
  static deserialize(bytes: Uint8Array): SearchIndex | null {
    const blob = BlobReader.open(bytes, MAGIC, FORMAT_VERSION);
    if (!blob) return null;
    const [docs = -1, live = -1, dead = -1, sweepNext = -2, deadBeforeSweep = -1, ...totalLength] = blob.f64();
    const terms = TermDictionary.readFrom(blob);
    const postings = PostingPool.readFrom(blob, docs);
    const alive = blob.u8();
    const fieldLength = blob.u32();
    const stamps = blob.f64();
    const liveDocs = blob.u32();
    const idLengths = blob.u32();
    const idText = new TextDecoder().decode(blob.u8());
    if (!blob.ok || !blob.atEnd || !terms || !postings || postings.termCount !== terms.count) return null;
    const counts = [docs, live, dead, deadBeforeSweep];
    if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0) || live > docs || dead > docs - live || totalLength.length !== FIELDS) return null;
    if (!Number.isSafeInteger(sweepNext) || sweepNext < -1 || sweepNext > terms.count) return null;
    if (alive.length !== docs || fieldLength.length !== docs * FIELDS || stamps.length !== docs || liveDocs.length !== live || idLengths.length !== live) return null;

    const index = new SearchIndex();
    const totals = new Float64Array(FIELDS);
    let aliveCount = 0;
    for (let doc = 0; doc < docs; doc++) {
      if (alive[doc]! > 1) return null;
      if (alive[doc] === 0) continue;
      aliveCount++;
      for (let field = 0; field < FIELDS; field++) totals[field]! += fieldLength[doc * FIELDS + field]!;
    }
    if (aliveCount !== live || totals.some((total, field) => total !== totalLength[field])) return null;
    let at = 0;
    for (let k = 0; k < live; k++) {
      const doc = liveDocs[k]!;
      const end = at + idLengths[k]!;
      const id = idText.slice(at, end);
      // Written in ascending order: a number out of order or twice means a damaged table.
      if (doc >= docs || alive[doc] !== 1 || (k > 0 && doc <= liveDocs[k - 1]!) || end > idText.length || index.numberOf.has(id)) return null;
      index.numberOf.set(id, doc);
      index.idOf[doc] = id;
      at = end;
    }
    if (at !== idText.length) return null;

    index.terms = terms;
    index.postings = postings;
    index.alive = alive;
    index.fieldLength = fieldLength;
    index.stamps = stamps;
    index.totalLength = totals;
    index.nextDoc = docs;
    index.live = live;
    index.dead = dead;
    index.sweepNext = sweepNext;
    index.deadBeforeSweep = deadBeforeSweep;
    return index;
  }

  private parse(query: string): QueryWord[] | undefined {
    const raw: Uint8Array[] = [];
    forEachTerm(query, false, (bytes, length) => raw.push(bytes.slice(0, length)));
    const last = query.length > 0 ? foldCode(query.charCodeAt(query.length - 1)) : 0;
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
