/**
 * Only https links leave the app, and only ones a user clicked (the renderer calls
 * `shell:openExternal` from a click handler). Everything else — file:, javascript:, http:,
 * custom schemes, URLs with credentials — is refused.
 */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
}
