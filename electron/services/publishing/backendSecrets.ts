import { join } from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { Logger } from '../logger';
import type { Platform } from '../platform';
import type { Notice } from '../settingsService';
import { openJsonStore } from '../storage/openJsonStore';

/** `backend-secrets.json`: per backend id, the platform-sealed password as base64. Never plain text. */
const SecretsFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    sealed: z.record(z.string().max(200), z.base64().max(10_000)),
  })
  .strict();
type SecretsFile = z.infer<typeof SecretsFileSchema>;

export const SECRETS_FILE = 'backend-secrets.json';

/**
 * The backends' passwords, sealed by the platform (Electron's safeStorage; in the devhost
 * AES-256-GCM under a key file only the user can read) and kept apart from `backends.json`, so
 * the settings can be read, copied or set aside without ever carrying a password.
 */
export class BackendSecrets {
  private constructor(
    private readonly db: Low<SecretsFile>,
    private readonly platform: Platform,
    private readonly logger: Logger,
  ) {}

  static async open(platform: Platform, logger: Logger, notices: Notice[], now: () => Date): Promise<BackendSecrets> {
    const { db, setAsideTo, reason } = await openJsonStore(join(platform.dataDir, SECRETS_FILE), SecretsFileSchema, () => ({ schemaVersion: 1 as const, sealed: {} }), now);
    if (setAsideTo) {
      logger.warn('backends.secrets_corrupt', { movedTo: setAsideTo, reason });
      notices.push({ code: 'backend_secrets_reset', detail: setAsideTo });
    }
    return new BackendSecrets(db, platform, logger);
  }

  has(id: string): boolean {
    return Object.hasOwn(this.db.data.sealed, id);
  }

  /** Seals and stores a password (written before the config that needs it, so no config lacks one). */
  async put(id: string, password: string): Promise<Result<null>> {
    let sealed: Uint8Array;
    try {
      sealed = await this.platform.encryptSecret(password);
    } catch (error) {
      this.logger.error('backends.seal_failed', { id, error: (error as Error).message });
      return err('backend_secret_unavailable', `The password could not be sealed: ${(error as Error).message}`);
    }
    return this.write({ ...this.db.data.sealed, [id]: Buffer.from(sealed).toString('base64') });
  }

  async remove(id: string): Promise<Result<null>> {
    if (!this.has(id)) return ok(null);
    const { [id]: _dropped, ...rest } = this.db.data.sealed;
    return this.write(rest);
  }

  /** The password in plain text, for the backend to use in memory; never logged, never stored. */
  async reveal(id: string): Promise<Result<string>> {
    const sealed = this.db.data.sealed[id];
    if (sealed === undefined) return err('backend_secret_unavailable', `No stored password for ${id}`);
    try {
      return ok(await this.platform.decryptSecret(Buffer.from(sealed, 'base64')));
    } catch (error) {
      // Another machine's or user's key, a changed OS keyring, a tampered file: ask for it again.
      this.logger.warn('backends.unseal_failed', { id, error: (error as Error).message });
      return err('backend_secret_unavailable', `The stored password for ${id} cannot be decrypted`);
    }
  }

  private async write(sealed: Record<string, string>): Promise<Result<null>> {
    const previous = this.db.data;
    this.db.data = { schemaVersion: 1, sealed };
    try {
      await this.db.write();
      return ok(null);
    } catch (error) {
      this.db.data = previous;
      this.logger.error('backends.secrets_write_failed', { error: (error as Error).message });
      return err('storage_failed', `Could not save ${SECRETS_FILE}: ${(error as Error).message}`);
    }
  }
}
