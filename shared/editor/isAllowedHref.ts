/** Absolute http(s) URL with a host, or a mailto: address; nothing else may be a link target. */
const ALLOWED_HREF = /^(?:https?:\/\/[^\s/?#]+[^\s]*|mailto:[^\s]+)$/i;

// Whitespace and control characters can smuggle a scheme past a browser's URL parser.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

/**
 * Whether `href` may be published as a link: only absolute `http:`, `https:` and `mailto:` URLs.
 * `javascript:`, `data:`, relative and protocol-relative (`//host`) hrefs are refused.
 */
export function isAllowedHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= 2048 && !CONTROL_OR_SPACE.test(href) && ALLOWED_HREF.test(href);
}
