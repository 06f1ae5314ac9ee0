/** Elements that never have children, and elements whose end tag may be left out (LibreOffice's `<li>`). */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp',
]);

const TAG = /<(\/?)([a-zA-Z][\w:-]*)/y;

/**
 * Whether clipboard HTML nests elements deeper than `limit`, found by one linear scan of the
 * tags (no parser, no backtracking). Browsers' HTML parsers take quadratic time on some deeply
 * nested markup (100,000 nested `<div><b>` freezes Chromium for minutes), so such HTML must never
 * reach one. Elements whose end tag is optional are not counted, so sloppy but real HTML stays
 * far below; text that merely looks like a tag can only make the answer err towards plain text.
 */
export function htmlNestingExceeds(html: string, limit: number): boolean {
  let depth = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = end;
      continue;
    }
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    const name = match?.[2]?.toLowerCase();
    if (!name || NO_DEPTH.has(name)) continue;
    if (match?.[1]) depth = Math.max(0, depth - 1);
    else if (++depth > limit) return true;
  }
  return false;
}
