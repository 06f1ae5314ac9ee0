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
  /** Import of a `.melding` file: not a zip, damaged, encrypted, or without a valid manifest. */
  'import_not_melding',
  /** Import: the file (or its document) comes from a newer Melding. */
  'import_newer_format',
  /** Import: entry names that could escape a folder, or entries a Melding file never has. */
  'import_unsafe',
  /** Import: too many entries, too many bytes, or a compression ratio typical of a zip bomb. */
  'import_too_large',
  /** Import: document.json is not JSON or not a valid document. */
  'import_invalid_document',
  /** Import: an image is missing or its bytes do not match its content address. */
  'import_invalid_media',
  /** The document is not in the library (deleted elsewhere, say). */
  'document_not_found',
  /** Another window or process saved the document since this one read it. */
  'document_conflict',
  /** Documents in the bin are read-only until restored. */
  'document_in_bin',
  /** The file is damaged and no snapshot could bring it back (the file is kept aside). */
  'document_damaged',
  /** The document was written by a newer Melding. */
  'document_newer_format',
  'revision_not_found',
  /** The document's images cannot be included (no media store yet). */
  'media_unavailable',
  /** A contact register entry was refused: a name is missing, or the phone or e-mail has the wrong shape. */
  'contact_invalid',
  /** The register entry was removed (in another window, say). */
  'contact_not_found',
  /** The dictionary or the målform lists of a målform could not be loaded. */
  'language_unavailable',
  /** A newer request replaced this one before it ran (spelling suggestions). */
  'language_cancelled',
  /** Not an image Melding takes (SVG, PDF, text, an executable…): JPEG, PNG, WebP, TIFF, HEIC only. */
  'media_unsupported_type',
  /** The image file is damaged or cut short. */
  'media_corrupt',
  /** The file is over 100 MB. */
  'media_too_large',
  /** More pixels than any press photo has (over 100 megapixels): a decompression bomb, say. */
  'media_too_many_pixels',
  /** Under 200 px on the long side: a tracking pixel or an icon, not a press photo. */
  'media_too_small',
  /** HEIC/HEIF this build of the image library cannot decode. */
  'media_heic_unsupported',
  /** The media id is not in the store. */
  'media_not_found',
  /** The host has no native file dialog (the devhost): the renderer picks files itself. */
  'media_picker_unavailable',
  /** The outbox job is gone (sent and pruned, or cancelled elsewhere). */
  'outbox_job_not_found',
  /** The outbox job is being sent right now and cannot be changed. */
  'outbox_job_running',
  // --- workflow and profiles (issue 7) ---
  /** The step is not possible from the document's status, for the active profile's roles, or on the backend. */
  'workflow_not_allowed',
  /** Returning a document needs a comment saying why. */
  'workflow_comment_required',
  /** The sperrefrist has not passed: the document can only be scheduled. */
  'embargo_not_passed',
  /** The text is not the approved one (changed after approval, or since the approver opened it). */
  'approval_mismatch',
  /** The pre-flight checklist has blocking items (missing title, alt text, contacts …). */
  'preflight_blocked',
  /** A profile was refused: no name, no role, or an e-mail address of the wrong shape. */
  'profile_invalid',
  /** The profile is gone (removed in another window, say). */
  'profile_not_found',
  /** The active profile cannot be removed; switch to another first. */
  'profile_active',
  /** The målform meter could not read the published items from the site (down, refused, unexpected answer). */
  'meter_site_unavailable',
  /** Neither Apertium's command line nor an apertium-apy service is there (or lacks nob/nno). */
  'translation_unavailable',
  /** Apertium failed or answered something Melding could not read back. */
  'translation_failed',
  /** The user cancelled the translation; the document is as it was. */
  'translation_cancelled',
  /** The document is being translated already. */
  'translation_busy',
  // --- publishing (issue 8) ---
  /** The backend refused the user name or application password (WordPress 401). */
  'backend_auth_failed',
  /** The user's role on the site lacks the capability the step needs (WordPress 403). */
  'backend_forbidden',
  /** The site could not be reached: no network, DNS, connection refused or reset. */
  'backend_unreachable',
  /** The site did not answer in time. */
  'backend_timeout',
  /** The site's certificate could not be verified (expired, self-signed, wrong host). */
  'backend_tls',
  /** The site refused an image as too large. */
  'backend_media_too_large',
  /** The site refused an image's file type. */
  'backend_media_type',
  /** The site answered with a server error (5xx) or an answer Melding could not read. */
  'backend_server_error',
  /**
   * The site refused the request for good (a 4xx other than a conflict or a rate limit, or it
   * would not keep what was sent): trying again unchanged cannot help, so a person is asked.
   */
  'backend_refused',
  /** The site asked Melding to slow down (429); retried after the time it names. */
  'backend_rate_limited',
  /** The item is gone from the site (deleted there). */
  'backend_item_missing',
  /** No backend with that id is configured, or it is not usable (no password stored). */
  'backend_not_configured',
  /** A backend's settings were refused: no site address, not http(s), no user name. */
  'backend_invalid',
  /** The stored password cannot be decrypted (OS key store changed, file damaged): enter it again. */
  'backend_secret_unavailable',
  /** A site's address moved to another origin without a new password: the stored one stays with its site. */
  'backend_password_needed',
  /** The step needs the companion plugin on the site (pulling pending items, say). */
  'backend_plugin_missing',
  /** The item changed on the site since Melding last saw it: nothing was overwritten; a person decides. */
  'remote_conflict',
  /** The outbox job has no conflict to resolve (resolved in another window, say). */
  'conflict_not_found',
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
