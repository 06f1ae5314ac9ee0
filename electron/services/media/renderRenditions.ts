import sharp, { type Metadata, type Sharp } from 'sharp';
import type { RenditionName } from '../../../shared/domain/media';
import type { ErrorCode } from '../../../shared/ipc/result';
import { canDecodeHevc } from './hevcSupport';

/** Longest side of each rendition; never upscaled. */
export const RENDITION_SIZES: Readonly<Record<RenditionName, number>> = { w2400: 2400, w1200: 1200, w600: 600, thumb: 320 };
export const RENDITION_MIME = 'image/webp';
export const RENDITION_EXT = 'webp';

/** More than any camera makes (the largest press cameras are around 60 MP). */
export const MAX_INPUT_PIXELS = 100_000_000;
/** Under this on the long side, it is a tracking pixel or an icon, not a press photo. */
export const MIN_LONG_SIDE = 200;
/** No single image step may take longer than this (a pathological file must not hang ingest). */
const STEP_TIMEOUT_SECONDS = 60;

// libvips' operation cache keeps recent images (up to 50 MB) for reuse; ingest never reuses
// one, so it would only add to peak memory.
sharp.cache(false);

export class ImageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Rendered {
  readonly name: RenditionName;
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

export interface Decoded {
  /** As displayed (EXIF orientation applied). */
  readonly width: number;
  readonly height: number;
  readonly renditions: readonly Rendered[];
}

function open(bytes: Uint8Array): Sharp {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' }).timeout({ seconds: STEP_TIMEOUT_SECONDS });
}

/** Maps libvips' complaints to what the user is told. */
export function classifyImageError(error: unknown, isHeic: boolean): ImageError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return new ImageError('media_too_many_pixels', message);
  if (isHeic && /(not been built in|no decoding plugin|unsupported codec|hevc)/i.test(message)) return new ImageError('media_heic_unsupported', message);
  if (/unsupported image format/i.test(message)) return new ImageError('media_unsupported_type', message);
  return new ImageError('media_corrupt', message);
}

/**
 * Reads the header, refuses bombs and specks, and makes every rendition: auto-oriented,
 * resized, WebP, with no EXIF, XMP or IPTC (so no GPS, no camera serial, no names) but with the
 * colour profile kept. Renditions are made one after the other so one ingest holds one
 * decoded image at a time. Throws ImageError.
 */
export async function renderRenditions(bytes: Uint8Array, isHeic: boolean): Promise<Decoded> {
  let meta: Metadata;
  try {
    meta = await open(bytes).metadata();
  } catch (error) {
    throw classifyImageError(error, isHeic);
  }
  // Decided on the header and what this build can do, before any decoder complains.
  if (isHeic && meta.compression === 'hevc' && !(await canDecodeHevc())) throw new ImageError('media_heic_unsupported', 'this build of libvips has no HEVC decoder');
  const { width, height } = meta;
  if (!width || !height) throw new ImageError('media_corrupt', 'the image has no dimensions');
  // Checked on the header, before any pixel is decoded (limitInputPixels guards the decode too).
  if (width * height > MAX_INPUT_PIXELS) throw new ImageError('media_too_many_pixels', `${width}×${height} is over ${MAX_INPUT_PIXELS} pixels`);
  const shown = meta.autoOrient ?? { width, height };
  if (Math.max(shown.width, shown.height) < MIN_LONG_SIDE) throw new ImageError('media_too_small', `${shown.width}×${shown.height} is under ${MIN_LONG_SIDE} px`);

  const renditions: Rendered[] = [];
  for (const [name, size] of Object.entries(RENDITION_SIZES) as [RenditionName, number][]) {
    let pipeline = open(bytes).autoOrient().resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true });
    // Wide-gamut photos (Display P3 from phones) keep their profile; CMYK has no place on the web.
    if (meta.space === 'cmyk') pipeline = pipeline.withIccProfile('srgb');
    else if (meta.hasProfile) pipeline = pipeline.keepIccProfile();
    try {
      const { data, info } = await pipeline.webp({ quality: name === 'thumb' ? 72 : 82, effort: 4 }).toBuffer({ resolveWithObject: true });
      renditions.push({ name, width: info.width, height: info.height, data });
    } catch (error) {
      throw classifyImageError(error, isHeic);
    }
  }
  return { width: shown.width, height: shown.height, renditions };
}
