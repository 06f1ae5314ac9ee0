/**
 * What the host provides that plain Node cannot know by itself. Electron's adapter lives in
 * electron/main; the devhost's in electron/devhost. Services receive it and never import
 * 'electron'.
 */
export interface Platform {
  readonly host: 'electron' | 'devhost';
  readonly appVersion: string;
  /** The folder for the library, settings and outbox; survives restarts. */
  readonly dataDir: string;
  /** Encrypts a secret (an application password) for storage on disk. */
  encryptSecret(plain: string): Promise<Uint8Array>;
  decryptSecret(sealed: Uint8Array): Promise<string>;
  /** Opens an https link in the user's browser. Only called with URLs already checked. */
  openExternal(url: string): Promise<void>;
}
