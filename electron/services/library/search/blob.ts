// The container a saved search index is written in: a header, then sections of typed arrays.
//
//   header   u32 magic, u32 format version, u32 byte length of the whole blob, u32 checksum of
//            everything after the header
//   section  u32 byte length, u32 element size (1 = Uint8, 4 = Uint32, 8 = Float64), the
//            elements, zero padding to a multiple of 8 bytes
//
// Numbers are in the machine's byte order (little-endian on every platform Electron runs on); a
// blob from the other order reads as a wrong magic number. Every section starts 8-byte aligned,
// so a reader can hand out typed-array views of the blob instead of copies.

const HEADER_BYTES = 16;
const SECTION_HEADER_BYTES = 8;

type Section = { size: 1 | 4 | 8; parts: readonly ArrayBufferView[]; byteLength: number };

export class BlobWriter {
  private sections: Section[] = [];

  /** A section of bytes; an array of parts is written as one section, back to back. */
  u8(parts: Uint8Array | readonly Uint8Array[]): this {
    return this.add(1, parts);
  }

  u32(parts: Uint32Array | readonly Uint32Array[]): this {
    return this.add(4, parts);
  }

  f64(parts: Float64Array | readonly Float64Array[]): this {
    return this.add(8, parts);
  }

  /** The blob, copied together in one allocation of exactly its size. */
  finish(magic: number, version: number): Uint8Array {
    const total = this.sections.reduce((sum, section) => sum + SECTION_HEADER_BYTES + padded(section.byteLength), HEADER_BYTES);
    const blob = new Uint8Array(total);
    const words = new Uint32Array(blob.buffer);
    let at = HEADER_BYTES;
    for (const { size, parts, byteLength } of this.sections) {
      words[at / 4] = byteLength;
      words[at / 4 + 1] = size;
      at += SECTION_HEADER_BYTES;
      for (const part of parts) {
        blob.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
        at += part.byteLength;
      }
      at = padded(at);
    }
    words.set([magic, version, total, checksum(words, HEADER_BYTES / 4)]);
    return blob;
  }

  private add(size: 1 | 4 | 8, section: ArrayBufferView | readonly ArrayBufferView[]): this {
    const parts = ArrayBuffer.isView(section) ? [section] : section;
    this.sections.push({ size, parts, byteLength: parts.reduce((sum, part) => sum + part.byteLength, 0) });
    return this;
  }
}

/**
 * Reads the sections of a blob in the order they were written. A read past the end or of the
 * wrong element size returns an empty array and marks the reader failed, so a parser can read
 * everything and check `ok` once. The arrays are views of the blob, not copies.
 */
export class BlobReader {
  private failed = false;
  private at = HEADER_BYTES;

  private constructor(private readonly blob: Uint8Array<ArrayBuffer>) {}

  /** A reader, if `bytes` has the magic number, the version, its full length and the right checksum. */
  static open(bytes: Uint8Array, magic: number, version: number): BlobReader | undefined {
    if (bytes.length < HEADER_BYTES || bytes.length % 8 !== 0) return undefined;
    // Views need an aligned offset in a plain (not shared) ArrayBuffer; anything else is copied first.
    const blob = bytes.byteOffset % 8 === 0 && bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
    const words = new Uint32Array(blob.buffer, blob.byteOffset, blob.length / 4);
    if (words[0] !== magic || words[1] !== version || words[2] !== blob.length) return undefined;
    if (words[3] !== checksum(words, HEADER_BYTES / 4)) return undefined;
    return new BlobReader(blob);
  }

  /** True while every read so far was whole and of the expected kind. */
  get ok(): boolean {
    return !this.failed;
  }

  /** True once every section has been read. */
  get atEnd(): boolean {
    return this.at === this.blob.length;
  }

  u8(): Uint8Array<ArrayBuffer> {
    const [offset, length] = this.next(1);
    return new Uint8Array(this.blob.buffer, offset, length);
  }

  u32(): Uint32Array<ArrayBuffer> {
    const [offset, length] = this.next(4);
    return new Uint32Array(this.blob.buffer, offset, length);
  }

  f64(): Float64Array<ArrayBuffer> {
    const [offset, length] = this.next(8);
    return new Float64Array(this.blob.buffer, offset, length);
  }

  /** The absolute offset and element count of the next section, or of nothing if it is not there. */
  private next(size: number): [number, number] {
    const { blob, at } = this;
    if (this.failed || at + SECTION_HEADER_BYTES > blob.length) return this.fail();
    const header = new Uint32Array(blob.buffer, blob.byteOffset + at, 2);
    const byteLength = header[0]!;
    if (header[1] !== size || byteLength % size !== 0 || at + SECTION_HEADER_BYTES + byteLength > blob.length) return this.fail();
    this.at = padded(at + SECTION_HEADER_BYTES + byteLength);
    return [blob.byteOffset + at + SECTION_HEADER_BYTES, byteLength / size];
  }

  private fail(): [number, number] {
    this.failed = true;
    return [this.blob.byteOffset, 0];
  }
}

function padded(byteLength: number): number {
  return (byteLength + 7) & ~7;
}

/**
 * A 32-bit hash of `words[from..]`, to tell a damaged file from a good one (not an adversary).
 * Two interleaved lanes, so it runs at about a word per nanosecond.
 */
export function checksum(words: Uint32Array, from: number): number {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b ^ words.length;
  const end = words.length - ((words.length - from) & 1);
  for (let i = from; i < end; i += 2) {
    a = Math.imul(a ^ words[i]!, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b ^ words[i + 1]!, 0x1b873593);
    b = (b << 13) | (b >>> 19);
  }
  if (end < words.length) a = Math.imul(a ^ words[end]!, 0xcc9e2d51);
  let h = Math.imul(a ^ (b >>> 16), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
