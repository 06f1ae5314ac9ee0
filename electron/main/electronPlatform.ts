import { join } from 'node:path';
import type { App, BrowserWindow, Dialog, SafeStorage, Shell } from 'electron';
import type { FilePickRequest, Platform } from '../services/platform';

/** What Electron provides to the services: OS-backed secret storage and the user's browser. */
export class ElectronPlatform implements Platform {
  readonly host = 'electron' as const;

  constructor(
    readonly dataDir: string,
    readonly appVersion: string,
    readonly resourcesDir: string,
    private readonly safeStorage: SafeStorage,
    private readonly shell: Shell,
    private readonly dialog: Dialog,
    /** The window the dialog belongs to (modal to it), if any. */
    private readonly focusedWindow: () => BrowserWindow | null,
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

  async openPath(path: string): Promise<boolean> {
    // shell.openPath answers an error message, or '' when the file was handed over.
    return (await this.shell.openPath(path)) === '';
  }

  async pickFiles(request: FilePickRequest): Promise<string[]> {
    const options = {
      title: request.title,
      properties: request.multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
      filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    };
    const parent = this.focusedWindow();
    const result = parent
      ? await this.dialog.showOpenDialog(parent, { ...options, properties: [...options.properties] })
      : await this.dialog.showOpenDialog({ ...options, properties: [...options.properties] });
    return result.canceled ? [] : result.filePaths;
  }
}

/**
 * The resources folder: packaged, it is expected beside app.asar (process.resourcesPath/resources,
 * as plain files a worker can read); unpackaged, it is the repository's own.
 */
export function electronResourcesDir(app: Pick<App, 'isPackaged' | 'getAppPath'>, resourcesPath: string | undefined): string {
  return app.isPackaged && resourcesPath ? join(resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}
