import { err, ok, type AppError, type ErrorCode, type Result } from '../../../../shared/ipc/result';

/** A failure with what the runner needs: the code, a message for logs, and a Retry-After. */
export type WpResult<T> = (Result<T> & { readonly retryAfterMs?: number });

export interface WpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

export interface WpRequest {
  readonly method?: 'GET' | 'POST' | 'DELETE' | 'OPTIONS';
  /** Query parameters; arrays are joined with commas (WordPress's list syntax). */
  readonly query?: Readonly<Record<string, string | number | boolean | readonly (string | number)[] | undefined>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as is (an upload), with `headers`. */
  readonly body?: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** What a 404 means here: the known item is gone (backend_item_missing) or the site is not what we think. */
  readonly missing?: 'item' | 'other';
  /** An upload: WordPress's size and type refusals become backend_media_* codes. */
  readonly upload?: boolean;
  /** Statuses answered as values rather than errors (404 on a plugin route, say). */
  readonly accept?: readonly number[];
}

export interface WpClientOptions {
  readonly siteUrl: string;
  readonly userName: string;
  readonly password: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Uploads get longer: the site resizes the image before it answers (5 s for 25 MB measured). */
const UPLOAD_TIMEOUT_FACTOR = 4;

/**
 * The WordPress REST API over plain fetch: HTTP Basic with an application password, a timeout on
 * every request, and every failure mapped to one of result.ts's backend codes. Never throws.
 */
export class WpClient {
  readonly #fetch: typeof fetch;
  readonly #auth: string;
  readonly #root: string;
  readonly #timeoutMs: number;
  /** Requests sent (the bench and the fault tests count them). */
  requests = 0;

  constructor(options: WpClientOptions) {
    this.#fetch = options.fetch ?? fetch;
    this.#auth = `Basic ${Buffer.from(`${options.userName}:${options.password.replace(/\s+/g, ' ').trim()}`).toString('base64')}`;
    this.#root = `${options.siteUrl.replace(/\/+$/, '')}/wp-json/`;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  url(path: string, query?: WpRequest['query']): string {
    const url = new URL(path, this.#root);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    return url.toString();
  }

  async request(path: string, req: WpRequest = {}): Promise<WpResult<WpResponse>> {
    const timeout = AbortSignal.timeout(req.upload ? this.#timeoutMs * UPLOAD_TIMEOUT_FACTOR : this.#timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { authorization: this.#auth, accept: 'application/json', ...req.headers };
    let body: BodyInit | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.body) body = req.body as unknown as BodyInit;
    this.requests++;
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(this.url(path, req.query), { method: req.method ?? 'GET', headers, body, signal, redirect: 'follow' });
      text = await response.text();
    } catch (error) {
      return networkFailure(error, timeout.aborted, req.signal?.aborted ?? false);
    }
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(stripBom(text));
    } catch {
      json = undefined;
    }
    const { status } = response;
    if ((status >= 200 && status < 300) || req.accept?.includes(status)) {
      if (json === undefined) return err('backend_server_error', `${req.method ?? 'GET'} ${path}: ${status} with an answer that is not JSON (${text.slice(0, 120)})`);
      return ok({ status, headers: response.headers, json });
    }
    return httpFailure(status, response.headers, json, `${req.method ?? 'GET'} ${path}`, req);
  }

  /** The bytes at an address of the site (an image), with the same credentials and failures. */
  async raw(url: string, signal?: AbortSignal): Promise<WpResult<Uint8Array>> {
    const timeout = AbortSignal.timeout(this.#timeoutMs * UPLOAD_TIMEOUT_FACTOR);
    this.requests++;
    try {
      const response = await this.#fetch(url, { headers: { authorization: this.#auth }, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      if (!response.ok) {
        let json: unknown;
        try {
          json = await response.json();
        } catch {
          json = undefined;
        }
        return httpFailure(response.status, response.headers, json, `GET ${url}`, { missing: 'item' });
      }
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_MEDIA_BYTES) return err('backend_media_too_large', `${length} bytes is over ${MAX_MEDIA_BYTES}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return bytes.byteLength > MAX_MEDIA_BYTES ? err('backend_media_too_large', `${bytes.byteLength} bytes is over ${MAX_MEDIA_BYTES}`) : ok(bytes);
    } catch (error) {
      return networkFailure(error, timeout.aborted, signal?.aborted ?? false);
    }
  }
}

export const MAX_MEDIA_BYTES = 100 * 1024 * 1024;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TLS_CODE = /^(CERT_|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|SELF_SIGNED|DEPTH_ZERO_SELF_SIGNED|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/;

/** The code of a network error, looked for along the `cause` chain (undici wraps them). */
function causeCode(error: unknown): { code: string; message: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return { code, message: (current as Error).message ?? code };
    current = (current as { cause?: unknown }).cause;
  }
  return { code: '', message: error instanceof Error ? error.message : String(error) };
}

function networkFailure(error: unknown, timedOut: boolean, cancelled: boolean): WpResult<never> {
  if (cancelled) return err('backend_unreachable', 'Cancelled before the site answered');
  if (timedOut || (error as { name?: unknown })?.name === 'TimeoutError') return err('backend_timeout', 'The site did not answer in time');
  const { code, message } = causeCode(error);
  if (TLS_CODE.test(code)) return err('backend_tls', `${code}: ${message}`);
  if (NETWORK_CODES.has(code)) return err('backend_unreachable', `${code}: ${message}`);
  return err('backend_unreachable', code ? `${code}: ${message}` : message);
}

/** A Retry-After header in milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const TOO_LARGE_CODES = new Set(['rest_upload_file_too_big', 'rest_upload_limited_space', 'rest_upload_user_quota_exceeded']);
const TYPE_CODES = new Set(['rest_upload_unknown_error', 'rest_upload_sideload_error', 'rest_upload_invalid_type', 'rest_upload_no_content_type']);

function httpFailure(status: number, headers: Headers, json: unknown, what: string, req: WpRequest): WpResult<never> {
  const wpCode = typeof (json as { code?: unknown })?.code === 'string' ? String((json as { code: string }).code) : '';
  const wpMessage = typeof (json as { message?: unknown })?.message === 'string' ? String((json as { message: string }).message) : '';
  const detail = `${what}: ${status}${wpCode ? ` ${wpCode}` : ''}${wpMessage ? `: ${stripTags(wpMessage)}` : ''}`;
  const fail = (code: ErrorCode, extra?: { retryAfterMs?: number }): WpResult<never> => ({ ...err(code, detail), ...extra });
  if ((status === 429 || status === 503) && headers.get('retry-after') !== null) {
    const after = retryAfterMs(headers.get('retry-after'));
    if (after !== undefined) return fail('backend_rate_limited', { retryAfterMs: after });
  }
  if (status === 429) return fail('backend_rate_limited');
  if (status === 401) return fail('backend_auth_failed');
  if (status === 413 || TOO_LARGE_CODES.has(wpCode) || (req.upload && /too (large|big)|exceeds the maximum/i.test(wpMessage))) return fail('backend_media_too_large');
  if (req.upload && (TYPE_CODES.has(wpCode) || /file type|not allowed to upload this file/i.test(wpMessage))) return fail('backend_media_type');
  if (status === 403) return fail('backend_forbidden');
  if (status === 409 && wpCode === 'melding_version_conflict') return fail('remote_conflict');
  if (status === 404 || status === 410) return fail(req.missing === 'item' && wpCode !== 'rest_no_route' ? 'backend_item_missing' : 'backend_server_error');
  // Refused for good (bad parameters, a firewall, trash turned off): the same request cannot succeed.
  if ((status >= 400 && status < 500 && status !== 408 && status !== 409) || (status === 501 && wpCode !== '')) return fail('backend_refused');
  return fail('backend_server_error');
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '').slice(0, 500);
}

export function isError(result: Result<unknown>, code: ErrorCode): boolean {
  return !result.ok && result.error.code === code;
}

export type { AppError };
