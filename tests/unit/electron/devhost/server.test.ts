import { request } from 'node:http';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodePlatform } from '../../../../electron/devhost/nodePlatform';
import { startDevhost, type Devhost } from '../../../../electron/devhost/server';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/services/contentSecurityPolicy';
import { createDispatcher } from '../../../../electron/services/dispatcher';
import { silentLogger } from '../../../../electron/services/logger';
import { createHandlers, createServices } from '../../../../electron/services/services';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/domain/settings';

const TOKEN = 'test-token-0123456789abcdef';
let devhost: Devhost;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the Host header and cookies are exactly what the test says. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: devhost.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${TOKEN}` });
const call = (channel: string, input: unknown, headers: Record<string, string> = auth()) =>
  send(`/api/call/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ input }) });

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'melding-devhost-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Melding</title>');
  const services = await createServices(new NodePlatform(join(base, 'data'), '9.9.9', silentLogger), silentLogger);
  devhost = await startDevhost({
    rendererDir,
    dispatch: createDispatcher(createHandlers(services), silentLogger),
    bus: services.bus,
    token: TOKEN,
    logger: silentLogger,
    maxBodyBytes: 1024 * 1024,
  });
});

afterAll(async () => devhost.close());

describe('devhost access', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(devhost.url).toBe(`http://127.0.0.1:${devhost.port}/?token=${TOKEN}`);
  });

  it.each([
    ['no token', {}],
    ['a wrong bearer token', { Authorization: 'Bearer nope' }],
    ['a token one character short', { Authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['a wrong cookie', { Cookie: 'melding-token-1=nope' }],
  ])('answers 401 and serves nothing of the app with %s', async (_name, headers) => {
    for (const path of ['/', '/index.html', '/api/events']) {
      const reply = await send(path, { headers });
      expect(reply.status).toBe(401);
      expect(reply.body).not.toContain('<title>');
    }
    const api = await call('settings:get', undefined, headers as Record<string, string>);
    expect(api.status).toBe(401);
    expect(api.body).not.toContain('uiLanguage');
  });

  it('answers 401 for a wrong token in the address', async () => {
    expect((await send('/?token=wrong')).status).toBe(401);
  });

  it('trades the token in the address for an HttpOnly SameSite cookie and redirects without it', async () => {
    const reply = await send(`/?token=${TOKEN}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toContain(`melding-token-${devhost.port}=${TOKEN}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send('/', { headers: { Cookie: `melding-token-${devhost.port}=${TOKEN}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Melding</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const reply = await send('/', { headers: { ...auth(), Host: `evil.example:${devhost.port}` } });
    expect(reply.status).toBe(403);
  });

  it('does not let a token-bearing query authorise a POST', async () => {
    const reply = await send(`/api/call/settings:get?token=${TOKEN}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(401);
  });
});

describe('devhost contract route', () => {
  it('runs the same dispatcher: a valid call answers a Result', async () => {
    const before = (JSON.parse((await call('settings:get', undefined)).body) as { value: Settings }).value;
    // The first start chose a profile; a patch of the language leaves it (and the rest) alone.
    expect(before).toEqual({ ...DEFAULT_SETTINGS, activeProfileId: expect.any(String) });
    const reply = await call('settings:update', { uiLanguage: 'nn' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { ...before, uiLanguage: 'nn' } });
  });

  it('answers bad input and unknown channels with Result errors', async () => {
    expect(JSON.parse((await call('settings:update', { uiLanguage: 'de' })).body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.parse((await call('fs:readFile', { path: '/etc/passwd' })).body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('requires a JSON content type (no simple cross-site form posts)', async () => {
    const reply = await send('/api/call/settings:get', { method: 'POST', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(reply.status).toBe(415);
  });

  it('refuses an oversized body', async () => {
    const reply = await send('/api/call/settings:update', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { uiLanguage: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(reply.status).toBe(413);
  });

  it('does not serve paths outside the renderer folder', async () => {
    expect((await send('/../../etc/passwd', { headers: auth() })).status).toBe(404);
    expect((await send('/%2e%2e/%2e%2e/etc/passwd', { headers: auth() })).status).toBe(404);
  });

  it('pushes service events over server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: devhost.port, path: '/api/events', headers: auth() }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const frame = buffer.split('\n\n').find((f) => f.startsWith('data: '));
          if (frame) {
            resolve(frame.slice('data: '.length));
            req.destroy();
          }
        });
        // Once the stream is open, cause an event.
        void call('settings:update', { uiLanguage: 'en' });
      });
      req.on('error', (e) => (e.message.includes('aborted') || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
      req.end();
    });
    expect(JSON.parse(await received)).toEqual({ event: 'settings:changed', payload: { ...DEFAULT_SETTINGS, activeProfileId: expect.any(String), uiLanguage: 'en' } });
  });
});
