import exifr from 'exifr';
import type { MediaPrefill } from '../../../shared/domain/media';

const EMPTY: MediaPrefill = { caption: '', alt: '', credit: '', rights: '' };
const LIMITS: Readonly<Record<keyof MediaPrefill, number>> = { caption: 2000, alt: 2000, credit: 300, rights: 1000 };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Caption, alt text, credit and rights from a photo's own IPTC (IIM) and XMP, for the user to
 * check and edit. XMP wins where both have a field (it is Unicode by definition; IIM may be
 * Latin-1 or UTF-8). Never fails: a photo without metadata, or with damaged metadata, gives ''.
 */
export async function prefillFromMetadata(bytes: Uint8Array): Promise<MediaPrefill> {
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = (await exifr.parse(bytes, {
      iptc: true,
      xmp: true,
      tiff: false,
      ifd1: false,
      exif: false,
      gps: false,
      interop: false,
      icc: false,
      jfif: false,
      ihdr: false,
      makerNote: false,
      userComment: false,
      mergeOutput: false,
    })) as Record<string, unknown> | undefined;
  } catch {
    return EMPTY;
  }
  if (!parsed) return EMPTY;
  const iptc = record(parsed['iptc']);
  const dc = record(parsed['dc']);
  const photoshop = record(parsed['photoshop']);
  const core = record(parsed['Iptc4xmpCore']);
  const pick = (key: keyof MediaPrefill, ...candidates: unknown[]): string => {
    for (const c of candidates) {
      const text = textOf(c).trim();
      if (text) return text.slice(0, LIMITS[key]);
    }
    return '';
  };
  return {
    caption: pick('caption', dc['description'], iptcText(iptc['Caption'])),
    alt: pick('alt', core['AltTextAccessibility']),
    // Credit line first; the photographer's name when there is no credit line.
    credit: pick('credit', photoshop['Credit'], iptcText(iptc['Credit']), dc['creator'], iptcText(iptc['Byline'])),
    rights: pick('rights', dc['rights'], iptcText(iptc['CopyrightNotice'])),
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** XMP values come as a string, a language alternative `{ lang, value }`, or a list of either. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const alternatives = value.filter((v) => typeof v === 'object' && v !== null && 'lang' in v) as { lang: unknown; value: unknown }[];
    if (alternatives.length === value.length && alternatives.length > 0) {
      const preferred = alternatives.find((a) => a.lang === 'x-default') ?? alternatives.find((a) => a.lang === 'nb' || a.lang === 'nn' || a.lang === 'no') ?? alternatives[0];
      return textOf(preferred?.value);
    }
    // A sequence (dc:creator with two photographers): all of them.
    return value.map(textOf).filter(Boolean).join(', ');
  }
  if (typeof value === 'object' && value !== null && 'value' in value) return textOf((value as { value: unknown }).value);
  return '';
}

/**
 * exifr reads IIM strings as Latin-1. Photos saved as UTF-8 (CodedCharacterSet ESC % G, which
 * most tools write today) then show "Ã¸" for "ø": when the Latin-1 reading's bytes are valid
 * UTF-8 with multi-byte characters, the UTF-8 reading is the right one. Latin-1 text like
 * "Bjørnstad" is almost never valid UTF-8, so it stays as it is.
 */
function iptcText(value: unknown): string {
  const text = textOf(value);
  const codes = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return text;
  try {
    return utf8.decode(Uint8Array.from(codes));
  } catch {
    return text;
  }
}
