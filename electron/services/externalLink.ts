/**
 * Only https links leave the app, and only ones a user clicked (the renderer calls
 * `shell:openExternal` from a click handler). The one exception is a WordPress site the user
 * configured themselves (`siteOrigins`), which may be plain http on this machine (a test or
 * preview site; elsewhere Settings insists on https): links to that origin open too. Everything else — file:, javascript:, http: elsewhere,
 * custom schemes, URLs with credentials — is refused.
 */
export function isAllowedExternalUrl(raw: string, siteOrigins: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '' || url.hostname === '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && siteOrigins.includes(url.origin);
}
