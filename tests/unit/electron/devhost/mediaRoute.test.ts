import { request } from 'node:http';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevhost, type Devhost } from '../../../../electron/devhost/server';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/services/contentSecurityPolicy';
import { EventBus } from '../../../../electron/services/eventBus';
import { silentLogger } from '../../../../electron/services/logger';
import { err } from '../../../../shared/ipc/result';
import { BAD_MEDIA_PATHS, fakeMediaDir, RENDITION_BYTES, STORED_ID } from '../../support/fakeMediaDir';

const TOKEN = 'media-route-token-0123456789';
let devhost: Devhost;
let base: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP: the path goes out exactly as written, dot segments and encodings included. */
function get(path: string, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: devhost.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  let mediaDir: string;
  ({ base, mediaDir } = await fakeMediaDir());
  const rendererDir = join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Melding</title>');
  devhost = await startDevhost({ rendererDir, dispatch: async () => err('internal', 'unused'), bus: new EventBus(), token: TOKEN, logger: silentLogger, mediaDir });
});

afterAll(async () => {
  await devhost.close();
  await rm(base, { recursive: true, force: true });
});

describe('devhost /media/<id>/<rendition>', () => {
  it('serves a rendition with the security headers, a WebP type and a long private cache', async () => {
    const reply = await get(`/media/${STORED_ID}/w600`);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(RENDITION_BYTES);
    expect(reply.headers['content-type']).toBe('image/webp');
    expect(reply.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('answers HEAD with the headers and no body', async () => {
    const reply = await get(`/media/${STORED_ID}/w600`, { Authorization: `Bearer ${TOKEN}` }, 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('image/webp');
    expect(reply.body).toBe('');
  });

  it('is behind the token like everything else', async () => {
    const reply = await get(`/media/${STORED_ID}/w600`, {});
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain('WEBP');
    expect((await get(`/media/${STORED_ID}/w600`, { Cookie: `melding-token-${devhost.port}=${TOKEN}` })).status).toBe(200);
  });

  it.each(BAD_MEDIA_PATHS)('answers 404 to %s', async (_why, path) => {
    const reply = await get(path);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('secret');
    expect(reply.body).not.toContain('ORIGINAL');
    expect(reply.body).not.toContain('<title>');
  });
});
