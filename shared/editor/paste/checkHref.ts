import { isAllowedHref } from '../isAllowedHref';

/** The verdict on an address the user typed or pasted for a link. */
export type HrefCheck =
  | { readonly kind: 'ok'; readonly href: string }
  /** Not a link as written, but clearly meant as one: offer this instead (never applied silently). */
  | { readonly kind: 'suggest'; readonly href: string }
  | { readonly kind: 'refused'; readonly reason: 'empty' | 'scheme' | 'invalid' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const HOST_LIKE = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/u;
const EMAIL_LIKE = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]{2,}$/;

/**
 * Checks a link address: http(s) and mailto are accepted as they are; `www.regjeringen.no` or
 * `regjeringen.no/nyheter` get `https://` offered, `ola@dep.no` gets `mailto:` offered;
 * `javascript:`, `data:`, `file:` and every other scheme are refused.
 */
export function checkHref(input: string): HrefCheck {
  const href = input.trim();
  if (!href) return { kind: 'refused', reason: 'empty' };
  // Checked through an `unknown` so the type guard does not narrow `href` itself to never.
  const candidate: unknown = href;
  if (isAllowedHref(candidate)) return { kind: 'ok', href: candidate };
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  // "localhost:8080" parses as a scheme too, but it is not one a person would type on purpose.
  if (scheme && !/^\d/.test(href.slice(scheme.length + 1))) {
    return { kind: 'refused', reason: scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? 'invalid' : 'scheme' };
  }
  if (href.startsWith('//')) {
    const withScheme = `https:${href}`;
    return isAllowedHref(withScheme) ? { kind: 'suggest', href: withScheme } : { kind: 'refused', reason: 'invalid' };
  }
  if (EMAIL_LIKE.test(href)) return { kind: 'suggest', href: `mailto:${href}` };
  if (HOST_LIKE.test(href)) {
    const withScheme = `https://${href}`;
    if (isAllowedHref(withScheme)) return { kind: 'suggest', href: withScheme };
  }
  return { kind: 'refused', reason: 'invalid' };
}
