import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol, serveAppRequest } from '../../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/services/contentSecurityPolicy';
import { BAD_MEDIA_PATHS, fakeMediaDir, RENDITION_BYTES, STORED_ID } from '../../support/fakeMediaDir';

const INDEX_HTML = '<!doctype html><title>Melding</title>';
const APP_JS = 'console.log("melding")';

let base: string;
let rendererDir: string;
let media: { base: string; mediaDir: string };

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'melding-protocol-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'x.js'), APP_JS);
  // Targets a traversal would reach if it got out of the renderer folder.
  await writeFile(join(base, 'secret.txt'), 'secret');
  await mkdir(join(base, 'etc'), { recursive: true });
  await writeFile(join(base, 'etc', 'passwd'), 'root:x:0:0');
  await symlink(join(base, 'secret.txt'), join(rendererDir, 'assets', 'escape.txt'));
  await symlink(join(base, 'etc'), join(rendererDir, 'etc-link'));
  media = await fakeMediaDir();
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
  await rm(media.base, { recursive: true, force: true });
});

describe('serveAppRequest', () => {
  it.each(['app://melding/', 'app://melding/index.html', 'app://melding'])('serves index.html for %s with the CSP header', async (url) => {
    const response = await serveAppRequest(rendererDir, url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('serves a script with a JavaScript type and the same CSP', async () => {
    const response = await serveAppRequest(rendererDir, 'app://melding/assets/x.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe(APP_JS);
  });

  it('ignores a query string and a fragment', async () => {
    const response = await serveAppRequest(rendererDir, 'app://melding/assets/x.js?v=1#top');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(APP_JS);
  });

  it.each([
    ['another host', 'app://other-host/index.html'],
    ['a host that only starts like ours', 'app://melding.evil/index.html'],
    ['a port on our host', 'app://melding:8080/index.html'],
    ['plain ../ traversal', 'app://melding/../../etc/passwd'],
    ['../ traversal to a sibling', 'app://melding/../secret.txt'],
    ['percent-encoded dots', 'app://melding/%2e%2e/secret.txt'],
    ['percent-encoded ../', 'app://melding/%2e%2e%2fsecret.txt'],
    ['percent-encoded ../../', 'app://melding/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['upper-case percent-encoding', 'app://melding/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd'],
    ['an encoded backslash', 'app://melding/..%5csecret.txt'],
    ['an encoded absolute path', 'app://melding/%2fetc%2fpasswd'],
    ['a NUL byte', 'app://melding/assets/x.js%00.html'],
    ['malformed percent-encoding', 'app://melding/%E0%A4%A'],
    ['a symlinked file pointing outside', 'app://melding/assets/escape.txt'],
    ['a symlinked folder pointing outside', 'app://melding/etc-link/passwd'],
    ['a missing file', 'app://melding/missing.js'],
    ['a folder', 'app://melding/assets'],
  ])('answers 404 to %s (%s)', async (_label, url) => {
    const response = await serveAppRequest(rendererDir, url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('secret');
    expect(body).not.toContain('root:');
  });

  it('answers 404 for everything when the renderer folder does not exist', async () => {
    const response = await serveAppRequest(join(base, 'no-such-folder'), 'app://melding/index.html');
    expect(response.status).toBe(404);
  });
});

describe('registerAppProtocol', () => {
  it("registers a handler for the 'app' scheme that serves the renderer folder", async () => {
    const handle = vi.fn();
    registerAppProtocol({ handle } as unknown as Protocol, rendererDir, media.mediaDir);
    expect(handle).toHaveBeenCalledOnce();
    const [scheme, handler] = handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const ok = await handler(new Request('app://melding/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler(new Request('app://other-host/index.html'))).status).toBe(404);
    expect((await handler(new Request(`app://melding/media/${STORED_ID}/w600`))).status).toBe(200);
  });
});

describe('serveAppRequest: media renditions', () => {
  it('serves a rendition from the media store with the security headers and a long private cache', async () => {
    const response = await serveAppRequest(rendererDir, `app://melding/media/${STORED_ID}/w600`, media.mediaDir);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/webp');
    expect(response.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe(RENDITION_BYTES);
  });

  it.each(BAD_MEDIA_PATHS)('answers 404 to %s', async (_why, path) => {
    const response = await serveAppRequest(rendererDir, `app://melding${path}`, media.mediaDir);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('secret');
    expect(body).not.toContain('ORIGINAL');
  });

  it('serves no media from another host, nor without a media store', async () => {
    expect((await serveAppRequest(rendererDir, `app://other-host/media/${STORED_ID}/w600`, media.mediaDir)).status).toBe(404);
    expect((await serveAppRequest(rendererDir, `app://melding/media/${STORED_ID}/w600`)).status).toBe(404);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
  });

  it('does not open the scheme to other origins or bypass the CSP', () => {
    const privileges: Record<string, unknown> = APP_SCHEME_PRIVILEGES.privileges;
    expect(privileges.bypassCSP).not.toBe(true);
    expect(privileges.corsEnabled).not.toBe(true);
  });
});
