const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// C0/C1 controls (bar tab, newline, carriage return) and lone surrogates have no place in HTML.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text made safe for HTML element content and double- or single-quoted attribute values: `&`,
 * `<`, `>`, `"` and `'` become entities and unprintable control characters are removed.
 */
export function escapeHtml(value: string): string {
  return value.replace(UNPRINTABLE, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? '');
}
