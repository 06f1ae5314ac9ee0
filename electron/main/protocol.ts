import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from '../services/contentSecurityPolicy';
import { APP_HOST, APP_SCHEME } from '../services/senderPolicy';
import { MEDIA_ROUTE_PREFIX, resolveMediaRequest } from '../services/media/mediaRoute';
import { resolveStaticAsset } from '../services/staticAssets';

/** Must run before `app.ready`: app:// behaves like https (secure context, fetch, storage). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/**
 * Serves the built renderer at app://melding/ with the CSP header, and the media store's
 * renditions at app://melding/media/<id>/<rendition>. Only files inside `rendererDir` and
 * renditions inside `mediaDir` are reachable; anything else, another host included, is a 404.
 */
export function registerAppProtocol(protocol: Protocol, rendererDir: string, mediaDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url, mediaDir));
}

export async function serveAppRequest(rendererDir: string, rawUrl: string, mediaDir?: string): Promise<Response> {
  const url = new URL(rawUrl);
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  if (url.pathname.startsWith(MEDIA_ROUTE_PREFIX)) {
    const file = mediaDir ? await resolveMediaRequest(mediaDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file.path), { status: 200, headers: file.headers });
  }
  const asset = await resolveStaticAsset(rendererDir, url.pathname);
  if (!asset) return new Response('Not found', { status: 404 });
  const body = await readFile(asset.path);
  return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': asset.contentType } });
}
