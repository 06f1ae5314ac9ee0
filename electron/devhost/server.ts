import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../services/contentSecurityPolicy';
import type { Dispatch } from '../services/dispatcher';
import type { EventBus } from '../services/eventBus';
import type { Logger } from '../services/logger';
import { MEDIA_ROUTE_PREFIX, resolveMediaRequest } from '../services/media/mediaRoute';
import { resolveStaticAsset } from '../services/staticAssets';

export interface DevhostOptions {
  readonly rendererDir: string;
  readonly dispatch: Dispatch;
  readonly bus: EventBus;
  readonly token: string;
  readonly logger: Logger;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  /** The media store, whose renditions are served at /media/<id>/<rendition>; none without it. */
  readonly mediaDir?: string;
}

export interface Devhost {
  readonly port: number;
  /** The address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const API_PREFIX = '/api/call/';

/**
 * Serves the built renderer and the contract over HTTP on 127.0.0.1 only. Every request needs
 * the per-run token (query on first load, then an HttpOnly SameSite=Strict cookie, or a Bearer
 * header); without it the answer is 401 and nothing of the app. The Host header must name
 * this server, which shuts out DNS-rebinding pages.
 */
export async function startDevhost(options: DevhostOptions): Promise<Devhost> {
  const { token, logger } = options;
  // Large enough for an imported .melding file with its photos (base64 in JSON).
  const maxBody = options.maxBodyBytes ?? 420 * 1024 * 1024;
  const tokenBuf = Buffer.from(token);
  const sseClients = new Set<ServerResponse>();
  let port = 0;
  const cookieName = () => `melding-token-${port}`;

  const tokenMatches = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const buf = Buffer.from(candidate);
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('devhost.request_failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = req.headers.host ?? '';
    if (hostHeader !== `${HOST}:${port}` && hostHeader !== `localhost:${port}`) {
      plain(res, 403, 'Forbidden: unexpected Host header');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const queryToken = url.searchParams.get('token') ?? undefined;
    const authorized =
      tokenMatches(bearer(req)) || tokenMatches(cookie(req, cookieName())) || (req.method === 'GET' && tokenMatches(queryToken));
    if (!authorized) {
      plain(res, 401, 'Unauthorized. Open the address the Melding devhost printed when it started; it carries the access token.');
      return;
    }
    if (req.method === 'GET' && queryToken !== undefined) {
      // Trade the token in the address for a cookie, and take it out of the address bar.
      url.searchParams.delete('token');
      res.writeHead(303, {
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      await handleCall(req, res, url.pathname.slice(API_PREFIX.length));
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      openEventStream(res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Method not allowed');
      return;
    }
    // Matched on the path as sent, before URL parsing could fold dot segments away.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (rawPath.startsWith(MEDIA_ROUTE_PREFIX) || url.pathname.startsWith(MEDIA_ROUTE_PREFIX)) {
      await serveMedia(req, res, rawPath);
      return;
    }
    const asset = await resolveStaticAsset(options.rendererDir, url.pathname);
    if (!asset) {
      plain(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': asset.contentType });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(asset.path).pipe(res);
  }

  async function serveMedia(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const file = options.mediaDir ? await resolveMediaRequest(options.mediaDir, rawPath) : null;
    if (!file) {
      plain(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, file.headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file.path).pipe(res);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      plain(res, 405, 'Method not allowed');
      return;
    }
    // A JSON content type cannot be sent cross-origin without a preflight, which we never grant.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      plain(res, 415, 'Expected application/json');
      return;
    }
    const body = await readBody(req, maxBody);
    let input: unknown;
    if (body === null) {
      // The rest of the body is still on the wire: answer and drop the connection.
      res.setHeader('Connection', 'close');
      json(res, 413, { ok: false, error: { code: 'invalid_input', message: 'Request body too large' } });
      res.on('finish', () => req.destroy());
      return;
    }
    try {
      input = body.length === 0 ? undefined : (JSON.parse(body) as { input?: unknown }).input;
    } catch {
      json(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Body is not JSON' } });
      return;
    }
    const result = await options.dispatch(decodeURIComponent(channel), input, { trusted: true });
    json(res, 200, result);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }

  const unsubscribe = options.bus.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://${HOST}:${port}/?token=${token}`,
    close: async () => {
      unsubscribe();
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(value));
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
