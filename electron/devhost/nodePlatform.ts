import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../services/logger';
import type { FilePickRequest, Platform } from '../services/platform';
import { atomicWrite } from '../services/storage/atomicWrite';
import { findResourcesDir } from './resourcesDir';

const KEY_FILE = 'secret.key';
const VERSION = 1;

/**
 * The devhost's stand-in for what Electron provides. Secrets are sealed with AES-256-GCM under
 * a random key in a file only the user can read (mode 0600) — the closest a plain Node process
 * gets to safeStorage.
 */
export class NodePlatform implements Platform {
  readonly host = 'devhost' as const;
  #key: Promise<Buffer> | undefined;

  constructor(
    readonly dataDir: string,
    readonly appVersion: string,
    private readonly logger: Logger,
    /** Defaults to the checkout's resources folder (see findResourcesDir). */
    readonly resourcesDir: string = findResourcesDir() ?? join(process.cwd(), 'resources'),
  ) {}

  async encryptSecret(plain: string): Promise<Uint8Array> {
    const key = await this.key();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  async decryptSecret(sealed: Uint8Array): Promise<string> {
    const buf = Buffer.from(sealed);
    if (buf[0] !== VERSION || buf.length < 29) throw new Error('Unknown secret format');
    const key = await this.key();
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 13));
    decipher.setAuthTag(buf.subarray(13, 29));
    return Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString('utf8');
  }

  async openExternal(url: string): Promise<void> {
    // A browser is already open on the devhost; hand the link to the desktop if it can take it.
    this.logger.info('devhost.open_external', { url });
    if (process.platform !== 'linux' || !process.env.DISPLAY) return;
    const child = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  }

  /** Hands the file to the desktop (xdg-open) where there is one; a headless devhost has none. */
  async openPath(path: string): Promise<boolean> {
    this.logger.info('devhost.open_path', { path });
    if (process.platform !== 'linux' || !process.env.DISPLAY) return false;
    return new Promise<boolean>((resolve) => {
      const child = spawn('xdg-open', [path], { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    });
  }

  /** A browser has its own file chooser; a Node process serving it has none to show. */
  async pickFiles(_request: FilePickRequest): Promise<string[] | null> {
    return null;
  }

  private key(): Promise<Buffer> {
    this.#key ??= this.loadOrCreateKey();
    return this.#key;
  }

  private async loadOrCreateKey(): Promise<Buffer> {
    await mkdir(this.dataDir, { recursive: true });
    const path = join(this.dataDir, KEY_FILE);
    try {
      const key = await readFile(path);
      if (key.length === 32) return key;
      throw new Error(`${path} does not hold a 256-bit key`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = randomBytes(32);
    await atomicWrite(path, key);
    await chmod(path, 0o600);
    return key;
  }
}
