// C0 controls except tab, line feed and carriage return; DEL and C1 controls; the byte-order
// mark and the noncharacters U+FFFE/U+FFFF; and lone surrogates (matched only in `u` mode).
// eslint-disable-next-line no-control-regex
const UNCARRIABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|[\ud800-\udfff]/gu;

/**
 * Text as the document can carry it: NULs, control characters, byte-order marks and lone
 * surrogates (which JSON and XML cannot hold faithfully) are removed; everything else is kept.
 */
export function cleanText(text: string): string {
  return text.replace(UNCARRIABLE, '');
}
