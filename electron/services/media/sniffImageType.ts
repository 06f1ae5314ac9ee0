/**
 * What an image file is, from its first bytes. The file name and any type the browser claims
 * are never trusted: a text file renamed .jpg, an SVG (which can carry scripts), a PDF or an
 * executable are refused here, before any decoder sees them.
 */
export type ImageType = 'jpeg' | 'png' | 'webp' | 'tiff' | 'heic' | 'avif';

export interface ImageTypeInfo {
  readonly type: ImageType;
  readonly mime: string;
  /** Extension of the stored original. */
  readonly ext: string;
}

const TYPES: Readonly<Record<ImageType, ImageTypeInfo>> = {
  jpeg: { type: 'jpeg', mime: 'image/jpeg', ext: 'jpg' },
  png: { type: 'png', mime: 'image/png', ext: 'png' },
  webp: { type: 'webp', mime: 'image/webp', ext: 'webp' },
  tiff: { type: 'tiff', mime: 'image/tiff', ext: 'tif' },
  heic: { type: 'heic', mime: 'image/heic', ext: 'heic' },
  avif: { type: 'avif', mime: 'image/avif', ext: 'avif' },
};

/** ISO-BMFF brands of HEIF stills (HEVC-coded) and of AVIF (AV1-coded). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'mif2']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The image type of `head` (the first 64 bytes are enough), or null for anything else. */
export function sniffImageType(head: Uint8Array): ImageTypeInfo | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return TYPES.jpeg;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return TYPES.webp;
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return TYPES.tiff;
  if (head.length >= 16 && ascii(head, 4, 8) === 'ftyp') return sniffIsoBmff(head);
  return null;
}

function sniffIsoBmff(head: Uint8Array): ImageTypeInfo | null {
  const boxSize = ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0);
  const end = Math.min(head.length, boxSize >= 16 ? boxSize : 16);
  // The major brand, then the compatible brands after the minor version.
  const brands = [ascii(head, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(head, at, at + 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return TYPES.avif;
  if (brands.some((b) => HEIC_BRANDS.has(b))) return TYPES.heic;
  return null;
}
