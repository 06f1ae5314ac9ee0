import type { TranslationStatus } from '../../../shared/domain/translation';
import { err, ok, type Result } from '../../../shared/ipc/result';
import { unwrapPieces, wrapPieces } from './apertiumMarkup';
import { NEEDED_PAIRS, type TranslateOptions, type TranslationEngine } from './translationEngine';

/**
 * apertium-apy splits a request it finds long (over PIPE_BUF, 4096 bytes) at a full stop or a
 * space — possibly inside a tag — and translates at most ten parts, dropping the rest. So the
 * pieces go in requests that stay well under that, and a single piece longer than this is
 * split at sentence ends outside tags first.
 */
const REQUEST_BYTES = 3000;
const PROBE_TIMEOUT_MS = 3000;
const REQUEST_TIMEOUT_MS = 60_000;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Splits Apertium HTML into parts of at most `limit` bytes, at a sentence end or a space outside a tag. */
export function splitLongPiece(html: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = html;
  while (bytes(rest) > limit) {
    let inTag = false;
    let sentence = -1;
    let space = -1;
    let size = 0;
    let i = 0;
    for (; i < rest.length; i++) {
      const ch = rest[i] as string;
      size += bytes(ch);
      if (size > limit) break;
      if (ch === '<') inTag = true;
      else if (ch === '>') inTag = false;
      else if (!inTag && ch === ' ') {
        space = i + 1;
        if (/[.!?:;]/.test(rest[i - 1] ?? '')) sentence = i + 1;
      }
    }
    const cut = sentence > 0 ? sentence : space > 0 ? space : i;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}

/** An apertium-apy service (`POST /translate`), at the address set in Settings. */
export class ApertiumApy implements TranslationEngine {
  readonly kind = 'apy' as const;
  readonly #base: string;

  constructor(
    url: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.#base = url.replace(/\/+$/, '');
  }

  async probe(): Promise<TranslationStatus> {
    let pairs: string[];
    try {
      const response = await this.fetchImpl(`${this.#base}/listPairs`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      if (!response.ok) return this.unreachable(`HTTP ${response.status}`);
      const body = (await response.json()) as { responseData?: { sourceLanguage?: string; targetLanguage?: string }[] };
      pairs = (body.responseData ?? []).map((p) => `${p.sourceLanguage}-${p.targetLanguage}`);
    } catch (error) {
      return this.unreachable((error as Error).message);
    }
    const missing = NEEDED_PAIRS.filter((p) => !pairs.includes(p));
    if (missing.length > 0) return { engine: 'apy', available: false, detail: `${this.#base}: missing ${missing.join(', ')}`, pairs, problem: 'apy_pair_missing' };
    return { engine: 'apy', available: true, detail: this.#base, pairs, problem: null };
  }

  async translate(pair: string, pieces: readonly string[], options: TranslateOptions): Promise<Result<string[]>> {
    const langpair = pair.replace('-', '|');
    // Each request: whole pieces (or the parts of one long piece), numbered as sent.
    const parts: { piece: number; html: string }[] = [];
    pieces.forEach((html, piece) => {
      for (const part of splitLongPiece(html, REQUEST_BYTES - 40)) parts.push({ piece, html: part });
    });
    const out = pieces.map(() => '');
    let done = 0;
    for (let start = 0; start < parts.length; ) {
      let end = start + 1;
      let size = bytes(parts[start]?.html ?? '') + 40;
      while (end < parts.length && size + bytes(parts[end]?.html ?? '') + 40 <= REQUEST_BYTES) size += bytes(parts[end++]?.html ?? '') + 40;
      const batch = parts.slice(start, end);
      const answer = await this.request(langpair, wrapPieces(batch.map((b) => b.html), start), options.signal);
      if (!answer.ok) return answer;
      const translated = unwrapPieces(answer.value, start, batch.length);
      if (!translated) return err('translation_failed', 'The service’s answer lost the boundaries between texts');
      batch.forEach((b, i) => {
        out[b.piece] += translated[i] as string;
      });
      start = end;
      // Progress in whole pieces: a piece counts once its last part is back.
      const last = batch[batch.length - 1] as { piece: number };
      const whole = end >= parts.length || (parts[end] as { piece: number }).piece !== last.piece ? last.piece + 1 : last.piece;
      if (whole > done) {
        done = whole;
        options.onProgress(done);
      }
    }
    return ok(out);
  }

  private async request(langpair: string, q: string, signal: AbortSignal): Promise<Result<string>> {
    const body = new URLSearchParams({ langpair, q, markUnknown: 'yes' });
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.#base}/translate`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
    } catch (error) {
      if (signal.aborted) return err('translation_cancelled', 'Translation cancelled');
      return err('translation_failed', `${this.#base}: ${(error as Error).message}`);
    }
    if (!response.ok) return err('translation_failed', `${this.#base}: HTTP ${response.status}`);
    try {
      const json = (await response.json()) as { responseData?: { translatedText?: unknown } };
      const text = json.responseData?.translatedText;
      return typeof text === 'string' ? ok(text) : err('translation_failed', `${this.#base}: no translatedText in the answer`);
    } catch (error) {
      if (signal.aborted) return err('translation_cancelled', 'Translation cancelled');
      return err('translation_failed', `${this.#base}: ${(error as Error).message}`);
    }
  }

  private unreachable(why: string): TranslationStatus {
    return { engine: 'apy', available: false, detail: `${this.#base}: ${why}`, pairs: [], problem: 'apy_unreachable' };
  }
}
