import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticAsset {
  readonly path: string;
  readonly contentType: string;
}

/**
 * Maps a URL path to a file inside `rootDir`, or null. Decoding, `..`, absolute paths, NUL
 * bytes and symlinks pointing outside the folder all end in null: the renderer's hosts serve
 * nothing but the built renderer.
 */
export async function resolveStaticAsset(rootDir: string, urlPath: string): Promise<StaticAsset | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = await realpath(rootDir).catch(() => null);
  if (!root) return null;
  const candidate = resolve(root, relative);
  if (!candidate.startsWith(root + sep)) return null;
  const real = await realpath(candidate).catch(() => null);
  if (!real || !real.startsWith(root + sep)) return null;
  const info = await stat(real).catch(() => null);
  if (!info?.isFile()) return null;
  const contentType = CONTENT_TYPES[extname(real).toLowerCase()];
  if (!contentType) return null;
  return { path: real, contentType };
}
