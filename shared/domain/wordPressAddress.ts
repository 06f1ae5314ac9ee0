/**
 * Why a typed WordPress address was refused (the form names the problem in the user's words):
 * not an address at all, not http(s), plain http to another machine, or a user name or password
 * written into the address.
 */
export type WordPressAddressProblem = 'not_url' | 'scheme' | 'insecure' | 'credentials';

export type WordPressAddress = { readonly ok: true; readonly siteUrl: string } | { readonly ok: false; readonly problem: WordPressAddressProblem };

/** The REST root or the admin pages, as people paste them from the browser's address bar. */
const PASTED_SUFFIX = /\/(wp-json|wp-admin|wp-login\.php)(\/.*)?$/i;

/** localhost, 127.0.0.0/8 and ::1: the only places plain http may go (a password travels with every request). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The site's address as Melding stores it: http(s) only (http only on this machine), without
 * query, fragment, trailing slashes or a pasted /wp-json, /wp-admin or /wp-login.php part.
 * `https://www.example.no/wp-json/` → `https://www.example.no`.
 */
export function normalizeWordPressAddress(typed: string): WordPressAddress {
  const text = typed.trim();
  let url: URL;
  try {
    // A bare host name ("www.example.no") is what many people type: https is then meant.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, problem: 'not_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (!url.hostname) return { ok: false, problem: 'not_url' };
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { ok: false, problem: 'insecure' };
  const path = url.pathname.replace(PASTED_SUFFIX, '').replace(/\/+$/, '');
  return { ok: true, siteUrl: `${url.protocol}//${url.host}${path}` };
}
