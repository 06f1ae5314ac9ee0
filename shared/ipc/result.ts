/**
 * The envelope every contract call answers with. Expected failures are values with a stable
 * `code`; the renderer maps the code to a translated message, so `message` is for logs and
 * developers, never shown to a user as is.
 */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/**
 * Stable error codes. Service-specific codes are added here as capabilities arrive, so that the
 * renderer's translation table (`errors.<code>`) can be checked for completeness.
 */
export const ERROR_CODES = [
  'invalid_input',
  'forbidden_sender',
  'unknown_channel',
  'internal',
  'storage_failed',
  'invalid_url',
  /** The renderer could not reach its host (the devhost stopped, say). */
  'host_unreachable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
