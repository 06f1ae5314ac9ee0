// Every failure of the WordPress client mapped to its result code, against local HTTP(S) servers
// on 127.0.0.1 that answer the way sites and networks fail.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WpClient, retryAfterMs } from '../../../../electron/services/publishing/wordpress/wpClient';
import { WordPressBackend } from '../../../../electron/services/publishing/wordpress/wordPressBackend';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end('{}');
let server: Server;
let base = '';

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = (siteUrl = base, timeoutMs = 2_000) => new WpClient({ siteUrl, userName: 'u', password: 'abcd efgh', timeoutMs });

async function codeOf(answer: (req: IncomingMessage, res: ServerResponse) => void, req: Parameters<WpClient['request']>[1] = {}): Promise<{ code: string; retryAfterMs?: number; message: string }> {
  handler = answer;
  const result = await client().request('wp/v2/posts', req);
  if (result.ok) return { code: 'ok', message: '' };
  return { code: result.error.code, retryAfterMs: result.retryAfterMs, message: result.error.message };
}

describe('WordPress client error mapping', () => {
  it('sends HTTP Basic with the application password', async () => {
    let auth = '';
    await codeOf((req, res) => {
      auth = req.headers.authorization ?? '';
      json(res, 200, []);
    });
    expect(Buffer.from(auth.replace('Basic ', ''), 'base64').toString()).toBe('u:abcd efgh');
  });

  it('maps HTTP answers', async () => {
    expect((await codeOf((_q, r) => json(r, 401, { code: 'rest_not_logged_in', message: 'You are not currently logged in.' }))).code).toBe('backend_auth_failed');
    expect((await codeOf((_q, r) => json(r, 403, { code: 'rest_cannot_create', message: 'Sorry, you are not allowed to create posts as this user.' }))).code).toBe('backend_forbidden');
    expect((await codeOf((_q, r) => json(r, 500, { code: 'internal_server_error', message: 'Critical error' }))).code).toBe('backend_server_error');
    expect((await codeOf((_q, r) => json(r, 502, {}))).code).toBe('backend_server_error');
    expect((await codeOf((_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>'))).code).toBe('backend_server_error');
    expect((await codeOf((_q, r) => json(r, 404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.' }), { missing: 'item' })).code).toBe('backend_item_missing');
    expect((await codeOf((_q, r) => json(r, 404, { code: 'rest_no_route', message: 'No route' }), { missing: 'item' })).code).toBe('backend_server_error');
    expect((await codeOf((_q, r) => json(r, 409, { code: 'melding_version_conflict', message: 'changed' }))).code).toBe('remote_conflict');
    // Refused for good: not retried on its own (a deleted tag, a firewall, trash turned off).
    expect((await codeOf((_q, r) => json(r, 400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): tags' }))).code).toBe('backend_refused');
    expect((await codeOf((_q, r) => json(r, 406, {}))).code).toBe('backend_refused');
    expect((await codeOf((_q, r) => json(r, 501, { code: 'rest_trash_not_supported', message: 'The post does not support trashing.' }))).code).toBe('backend_refused');
    // A timeout answer is passing.
    expect((await codeOf((_q, r) => json(r, 408, {}))).code).toBe('backend_server_error');
  });

  it('maps refused uploads to too large and wrong type', async () => {
    expect((await codeOf((_q, r) => json(r, 413, {}), { upload: true, method: 'POST' })).code).toBe('backend_media_too_large');
    expect((await codeOf((_q, r) => json(r, 400, { code: 'rest_upload_file_too_big', message: 'too big' }), { upload: true, method: 'POST' })).code).toBe('backend_media_too_large');
    expect((await codeOf((_q, r) => json(r, 500, { code: 'rest_upload_unknown_error', message: 'Sorry, you are not allowed to upload this file type.' }), { upload: true, method: 'POST' })).code).toBe('backend_media_type');
    expect((await codeOf((_q, r) => json(r, 500, { code: 'rest_upload_sideload_error', message: 'Sorry, this file type is not permitted for security reasons.' }), { upload: true, method: 'POST' })).code).toBe('backend_media_type');
  });

  it('takes Retry-After from 429 and 503, in seconds or as a date', async () => {
    const a = await codeOf((_q, r) => json(r, 429, {}, { 'retry-after': '7' }));
    expect(a).toMatchObject({ code: 'backend_rate_limited', retryAfterMs: 7000 });
    const b = await codeOf((_q, r) => json(r, 503, {}, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }));
    expect(b.code).toBe('backend_rate_limited');
    expect(b.retryAfterMs).toBeGreaterThan(55_000);
    expect((await codeOf((_q, r) => json(r, 503, {}))).code).toBe('backend_server_error');
    expect(retryAfterMs('garbage')).toBeUndefined();
  });

  it('maps network failures: refused, reset, unknown host, timeout', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await client(`http://127.0.0.1:${port}`).request('wp/v2/posts');
    expect(!refused.ok && refused.error).toMatchObject({ code: 'backend_unreachable', message: expect.stringContaining('ECONNREFUSED') });

    handler = (req) => req.socket.destroy();
    const reset = await client().request('wp/v2/posts');
    expect(!reset.ok && reset.error.code).toBe('backend_unreachable');

    const unknown = await client('http://no-such-host.invalid').request('wp/v2/posts');
    expect(!unknown.ok && unknown.error.code).toBe('backend_unreachable');

    handler = () => undefined; // never answers
    const slow = await client(base, 300).request('wp/v2/posts');
    expect(!slow.ok && slow.error.code).toBe('backend_timeout');
  });

  it('maps a certificate that cannot be verified to backend_tls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'melding-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1', '-days', '1'], { stdio: 'ignore' });
      const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_q, r) => json(r, 200, []));
      await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
      const result = await client(`https://127.0.0.1:${(tls.address() as AddressInfo).port}`).request('wp/v2/posts');
      await new Promise<void>((r) => tls.close(() => r()));
      expect(!result.ok && result.error).toMatchObject({ code: 'backend_tls', message: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('testConnection fails with the code of users/me', async () => {
    handler = (_q, r) => json(r, 401, { code: 'rest_not_logged_in', message: 'You are not currently logged in.' });
    const backend = new WordPressBackend({ id: 'wp-x', siteUrl: base, userName: 'u', password: 'wrong', withdrawMode: 'draft' });
    const result = await backend.testConnection();
    expect(!result.ok && result.error.code).toBe('backend_auth_failed');
  });
});
