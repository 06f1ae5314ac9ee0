import { lstat, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { SECURITY_HEADERS } from '../contentSecurityPolicy';
import { RENDITION_EXT, RENDITION_MIME } from './renderRenditions';

/** Every path under this prefix is a media rendition or a 404: it never falls through to the renderer's files. */
export const MEDIA_ROUTE_PREFIX = '/media/';

/** The raw (undecoded) path: an encoded slash, dot or anything else simply does not match. */
const MEDIA_PATH = /^\/media\/([a-f0-9]{64})\/(w2400|w1200|w600|thumb)$/;

export interface MediaFile {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Headers of a served rendition: the app's security headers, cached for good (the URL is a content address). */
export const MEDIA_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Type': RENDITION_MIME,
  'Cache-Control': 'private, max-age=31536000, immutable',
};

/**
 * Maps a request path to a rendition file in the media store, or null. Only
 * `/media/<sha256>/<rendition>` matches; the file must be a regular file (no symlink) whose real
 * path lies inside the store. Originals are never served: they may carry GPS.
 */
export async function resolveMediaRequest(mediaDir: string, rawPath: string): Promise<MediaFile | null> {
  const match = MEDIA_PATH.exec(rawPath);
  if (!match) return null;
  const [, id, rendition] = match as unknown as [string, string, string];
  const path = join(mediaDir, id.slice(0, 2), id, `${rendition}.${RENDITION_EXT}`);
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile()) return null;
  const [root, real] = await Promise.all([realpath(mediaDir).catch(() => null), realpath(path).catch(() => null)]);
  if (!root || !real || !real.startsWith(root + sep)) return null;
  return { path: real, headers: MEDIA_HEADERS };
}
