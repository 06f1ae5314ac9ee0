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
  /** The app's read-only data files (dictionaries/, maalform/): shipped with the app, never written. */
  readonly resourcesDir: string;
  /** Encrypts a secret (an application password) for storage on disk. */
  encryptSecret(plain: string): Promise<Uint8Array>;
  decryptSecret(sealed: Uint8Array): Promise<string>;
  /** Opens an https link in the user's browser. Only called with URLs already checked. */
  openExternal(url: string): Promise<void>;
  /**
   * Asks the user for files with the system's own dialog. Answers the chosen absolute paths
   * ([] when cancelled), or null where the host has no native dialog: in the devhost the
   * browser's file chooser picks the files and the renderer sends their bytes instead.
   */
  pickFiles(request: FilePickRequest): Promise<string[] | null>;
  /**
   * Opens a file on this machine with the desktop's own program (the local site's index.html in
   * the browser). Answers whether it could: false where there is no desktop to hand it to.
   */
  openPath(path: string): Promise<boolean>;
}

export interface FilePickRequest {
  readonly title: string;
  readonly multiple: boolean;
  /** e.g. [{ name: 'Bilete', extensions: ['jpg', 'png'] }] */
  readonly filters: readonly { readonly name: string; readonly extensions: readonly string[] }[];
}
