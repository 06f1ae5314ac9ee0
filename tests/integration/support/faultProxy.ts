// A fault-injecting HTTP proxy on 127.0.0.1 between Melding and a WordPress: each request is
// forwarded, or hit by a fault chosen by the test's policy, so retries, timeouts and lost answers
// can be driven by the hundred and counted.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * pass: forwarded as is. drop: forwarded, the site's answer read, then the connection cut (the
 * work is done, the answer lost). reset: the connection cut before anything is forwarded.
 * error500: a 500 without forwarding. slow: forwarded, the answer held back `slowMs` (longer
 * than the client waits). hang: nothing forwarded, nothing answered, the connection kept open.
 * late: held `slowMs`, then forwarded after the client gave up (a request that reaches the site
 * after its retry).
 */
export const FAULTS = ['pass', 'drop', 'reset', 'error500', 'slow', 'hang', 'late'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultProxyOptions {
  readonly target: string;
  /** Chooses the fault for each request (method, path of the REST route). */
  readonly policy: (req: { method: string; path: string; n: number }) => Fault;
  readonly slowMs?: number;
}

export class FaultProxy {
  readonly counts: Record<Fault, number> = { pass: 0, drop: 0, reset: 0, error500: 0, slow: 0, hang: 0, late: 0 };
  /** Requests seen, by method and route (ids replaced by :id). */
  readonly routes = new Map<string, number>();
  #n = 0;
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #upstream: URL;

  private constructor(
    readonly server: Server,
    readonly options: FaultProxyOptions,
  ) {
    this.#upstream = new URL(options.target);
  }

  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    let proxy: FaultProxy | null = null;
    const server = createServer((req, res) => void proxy?.handle(req, res));
    proxy = new FaultProxy(server, options);
    server.on('connection', (socket) => proxy?.track(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  async stop(): Promise<void> {
    for (const t of this.#timers) clearTimeout(t);
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      fn();
    }, ms);
    this.#timers.add(t);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/wp-json\//, '');
    const route = `${req.method} ${path.replace(/\/\d+/g, '/:id')}`;
    this.routes.set(route, (this.routes.get(route) ?? 0) + 1);
    const fault = this.options.policy({ method: req.method ?? 'GET', path, n: this.#n++ });
    this.counts[fault]++;
    const slowMs = this.options.slowMs ?? 5_000;
    switch (fault) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'error500':
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"code":"proxy_error","message":"Injected 500"}');
        return;
      case 'hang':
        return;
      case 'late':
        this.later(() => void this.forward(req, body).catch(() => undefined), slowMs);
        return;
      default:
        break;
    }
    let answer: { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };
    try {
      answer = await this.forward(req, body);
    } catch {
      req.socket.destroy();
      return;
    }
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    const send = () => {
      if (res.destroyed || req.socket.destroyed) return;
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      headers['content-length'] = String(answer.body.length);
      res.writeHead(answer.status, headers).end(answer.body);
    };
    if (fault === 'slow') this.later(send, slowMs);
    else send();
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: this.#upstream.host, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      const upstream = httpRequest({ host: this.#upstream.hostname, port: this.#upstream.port, method: req.method, path: req.url, headers }, (response) => {
        const parts: Buffer[] = [];
        response.on('data', (c: Buffer) => parts.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(parts) }));
        response.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}

/** A seeded policy: `rate` of the requests get a fault, spread over `kinds` in turn-ish. */
export function randomFaults(seed: number, rate: number, kinds: readonly Fault[]): (req: { method: string; path: string; n: number }) => Fault {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return () => {
    if (next() >= rate) return 'pass';
    return kinds[Math.floor(next() * kinds.length)] ?? 'pass';
  };
}
