import type { BlobReader, BlobWriter } from './blob';
import { grown } from './grown';

const BLOCK_BITS = 16;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;
/** Each slice ends in 4 bytes that first hold a level marker, then the address of the next slice. */
const SLICE_SIZES = [8, 16, 32, 64, 128, 256, 512, 1024];
const LAST_LEVEL = SLICE_SIZES.length - 1;

/**
 * Per term, the documents it occurs in (ascending document numbers, delta-encoded as varints),
 * each followed by one byte of term frequencies per field. Lists grow in slices of a shared pool
 * of 64 KB blocks (the layout Lucene uses for its in-memory buffer), so adding a document appends
 * to each term's list in place.
 */
export class PostingPool {
  docFrequency = new Uint32Array(1024); // counts dead documents too, until they are swept out
  private blocks: Uint8Array[] = [];
  private used = BLOCK_SIZE;
  private free: number[][] = SLICE_SIZES.map(() => []); // swept-out slices by level, for reuse
  private head = new Uint32Array(1024);
  private tail = new Uint32Array(1024);
  private lastDoc = new Uint32Array(1024);
  private terms = 0;

  /** Terms with a list here: after every `add`, all the dictionary holds. */
  get termCount(): number {
    return this.terms;
  }

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
        address = this.pointerAt(address);
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
    const end = this.tail[term]!;
    let read = this.head[term]!;
    let readLevel = 0;
    let readEnd = read + SLICE_SIZES[0]! - 4;
    let write = read;
    let writeLevel = 0;
    let writeEnd = readEnd;
    const put = (byte: number): void => {
      if (write === writeEnd) {
        write = this.pointerAt(writeEnd);
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
        read = this.pointerAt(readEnd);
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
        slice = this.pointerAt(slice);
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

  /** Writes the live parts: per term its list's ends and counts, the freed slices, the used blocks. */
  writeTo(blob: BlobWriter): void {
    const terms = this.terms;
    blob.u32(this.head.subarray(0, terms)).u32(this.tail.subarray(0, terms)).u32(this.lastDoc.subarray(0, terms)).u32(this.docFrequency.subarray(0, terms));
    blob.u32(Uint32Array.from(this.free, (slices) => slices.length)).u32(this.free.map((slices) => Uint32Array.from(slices)));
    const last = this.blocks.length - 1;
    blob.u8(this.blocks.map((block, n) => (n === last ? block.subarray(0, this.used) : block)));
  }

  /**
   * The pool `writeTo` wrote, or undefined if it does not hold together: every list and freed
   * slice must lie within the used part of one block, and refer to fewer than `docCount`
   * documents. It keeps using the blob's memory, all but the last block, which is written past
   * its used part as slices are handed out.
   */
  static readFrom(blob: BlobReader, docCount: number): PostingPool | undefined {
    const head = blob.u32();
    const tail = blob.u32();
    const lastDoc = blob.u32();
    const docFrequency = blob.u32();
    const freeCounts = blob.u32();
    const free = blob.u32();
    const pool = blob.u8();
    const terms = head.length;
    if (!blob.ok || tail.length !== terms || lastDoc.length !== terms || docFrequency.length !== terms || freeCounts.length !== SLICE_SIZES.length) return undefined;
    const limit = pool.length;
    // A slice never crosses a block boundary, so neither may anything that points into one.
    const inside = (address: number, size: number): boolean => address + size <= limit && (address & BLOCK_MASK) + size <= BLOCK_SIZE;
    for (let term = 0; term < terms; term++) {
      if (!inside(head[term]!, SLICE_SIZES[0]!) || !inside(tail[term]!, 4) || lastDoc[term]! >= docCount || docFrequency[term]! > docCount) return undefined;
    }
    const out = new PostingPool();
    let at = 0;
    for (let level = 0; level < SLICE_SIZES.length; level++) {
      const end = at + freeCounts[level]!;
      if (end > free.length) return undefined;
      const slices = Array.from(free.subarray(at, end));
      if (!slices.every((slice) => inside(slice, SLICE_SIZES[level]!))) return undefined;
      out.free[level] = slices;
      at = end;
    }
    if (at !== free.length) return undefined;
    const blockCount = Math.ceil(limit / BLOCK_SIZE);
    for (let n = 0; n < blockCount - 1; n++) out.blocks.push(pool.subarray(n * BLOCK_SIZE, (n + 1) * BLOCK_SIZE));
    if (blockCount > 0) {
      const last = new Uint8Array(BLOCK_SIZE);
      last.set(pool.subarray((blockCount - 1) * BLOCK_SIZE));
      out.blocks.push(last);
      out.used = limit - (blockCount - 1) * BLOCK_SIZE;
    }
    out.terms = terms;
    out.head = head;
    out.tail = tail;
    out.lastDoc = lastDoc;
    out.docFrequency = docFrequency;
    return out;
  }

  private pointerAt(address: number): number {
    const block = this.blocks[address >>> BLOCK_BITS]!;
    const at = address & BLOCK_MASK;
    return block[at]! | (block[at + 1]! << 8) | (block[at + 2]! << 16) | (block[at + 3]! * 0x1000000);
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
