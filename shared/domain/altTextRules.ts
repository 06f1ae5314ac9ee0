/**
 * Checks of an image's alternative text, the words a screen reader says instead of the photo.
 * Public web content must have them (unless the image is only decoration), and the usual
 * mistakes are easy to spot: the caption copied in, the camera's file name, a single word, or a
 * whole paragraph that belongs in the caption.
 */

/** Why an alt text needs a look. `required` blocks publishing; the rest are advice. */
export type AltTextIssue = 'required' | 'sameAsCaption' | 'fileName' | 'tooShort' | 'tooLong';

/** Shorter than this (after trimming) says too little to stand in for a photo. */
export const ALT_TEXT_MIN_LENGTH = 5;
/** Longer than this is a caption or an article: screen readers cannot skim it. */
export const ALT_TEXT_MAX_LENGTH = 250;

export interface AltTextInput {
  readonly alt: string;
  readonly caption: string;
  /** The name of the file the photo came from, '' when unknown. */
  readonly fileName: string;
  readonly decorative: boolean;
}

/**
 * What is wrong with an alt text, most serious first; an empty list means it is fine. A
 * decorative image needs none (it is published with `alt=""`), so nothing is checked for it.
 */
export function checkAltText(input: AltTextInput): AltTextIssue[] {
  if (input.decorative) return [];
  const alt = normalise(input.alt);
  if (alt === '') return ['required'];
  const issues: AltTextIssue[] = [];
  if (alt === normalise(input.caption)) issues.push('sameAsCaption');
  if (looksLikeFileName(input.alt, input.fileName)) issues.push('fileName');
  const length = [...input.alt.trim()].length;
  if (length < ALT_TEXT_MIN_LENGTH) issues.push('tooShort');
  if (length > ALT_TEXT_MAX_LENGTH) issues.push('tooLong');
  return issues;
}

/** Case, spacing and closing punctuation do not make two texts different to a listener. */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'«»“”]+|[\s.!?:;,"'«»“”]+$/g, '');
}

const IMAGE_EXTENSION = /\.(jpe?g|png|webp|tiff?|heic|heif|gif|bmp|avif)$/i;
/** What cameras and phones call their files: IMG_1234, DSC01234, DSCN0001, P1010001, PXL_20240101_…, 20240101_123456. */
const CAMERA_NAME = /^(img|dsc[nf]?|dcim|pxl|mvimg|gopr|sam|_mg|photo|image|bilde|bilete|screenshot|skjermbilde)[\s_-]*\d[\d_\s-]*\w*$|^p\d{6,}$|^\d{8}[_-]\d{6}\w*$/i;

/** The file name itself, with or without its extension, or a text that has the shape of one. */
function looksLikeFileName(alt: string, fileName: string): boolean {
  const text = alt.trim();
  if (IMAGE_EXTENSION.test(text)) return true;
  const bare = text.replace(IMAGE_EXTENSION, '');
  if (CAMERA_NAME.test(bare)) return true;
  if (fileName.trim() === '') return false;
  const file = normalise(fileName.trim());
  const fileBare = normalise(fileName.trim().replace(IMAGE_EXTENSION, ''));
  const candidate = normalise(text);
  // "minister-besok_tromso.jpg" and "Minister besok tromso" are the same name to a listener.
  const loose = (s: string) => s.replace(/[\s_.-]+/g, ' ').trim();
  return candidate === file || candidate === fileBare || (fileBare !== '' && loose(candidate) === loose(fileBare));
}
