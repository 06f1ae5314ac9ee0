import type { SafeStorage, Shell } from 'electron';
import type { Platform } from '../services/platform';

/** What Electron provides to the services: OS-backed secret storage and the user's browser. */
export class ElectronPlatform implements Platform {
  readonly host = 'electron' as const;

  constructor(
    readonly dataDir: string,
    readonly appVersion: string,
    private readonly safeStorage: SafeStorage,
    private readonly shell: Shell,
  ) {}

  async encryptSecret(plain: string): Promise<Uint8Array> {
    if (!this.safeStorage.isEncryptionAvailable()) throw new Error('OS secret storage is not available');
    return this.safeStorage.encryptString(plain);
  }

  async decryptSecret(sealed: Uint8Array): Promise<string> {
    return this.safeStorage.decryptString(Buffer.from(sealed));
  }

  async openExternal(url: string): Promise<void> {
    await this.shell.openExternal(url, { activate: true });
  }
}
