/**
 * How much a single paste may carry. A press release is a few thousand words; these limits are
 * far above that (a 50,000-word report pastes fine) and far below what would freeze the editor.
 */
export const PASTE_LIMITS = {
  /** Characters of clipboard HTML. Word's HTML is about ten times its text, so this is ~1 MB of text. */
  htmlChars: 12_000_000,
  /** Characters of clipboard plain text (about 300,000 words). */
  textChars: 2_000_000,
  /** Tag nesting above which clipboard HTML is not parsed at all but pasted as plain text. */
  htmlNesting: 1_000,
  /** Element nesting kept while cleaning; anything deeper is flattened to its text. */
  nestingDepth: 40,
  /** List nesting kept from Word's mso-list levels (Word allows nine). */
  listDepth: 9,
} as const;

/** Which limit, if any, a paste exceeds: `html` (too much HTML), `text` (too much text) or null. */
export function pasteOverLimit(htmlLength: number, textLength: number): 'html' | 'text' | null {
  if (textLength > PASTE_LIMITS.textChars) return 'text';
  if (htmlLength > PASTE_LIMITS.htmlChars) return 'html';
  return null;
}
