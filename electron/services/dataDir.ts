import { join, resolve } from 'node:path';

export const DATA_DIR_ENV = 'MELDING_DATA_DIR';
export const APP_FOLDER_NAME = 'Melding';

/** `--data-dir X` or `--data-dir=X` from a command line, if given. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') return argv[i + 1];
    if (arg?.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return undefined;
}

/** The folder given on the command line or in MELDING_DATA_DIR, made absolute; else undefined. */
export function explicitDataDir(options: { argv: readonly string[]; env: NodeJS.ProcessEnv; homedir: string }): string | undefined {
  const explicit = dataDirFromArgv(options.argv) ?? options.env[DATA_DIR_ENV];
  if (!explicit) return undefined;
  return resolve(explicit.startsWith('~/') ? join(options.homedir, explicit.slice(2)) : explicit);
}

/**
 * Where the user's data lives: `--data-dir`, else MELDING_DATA_DIR, else the folder Electron
 * would use as userData (so the desktop app and the devhost share one library).
 */
export function resolveDataDir(options: {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homedir: string;
}): string {
  const explicit = explicitDataDir(options);
  if (explicit) return explicit;
  const { env, platform, homedir } = options;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir, '.config'), APP_FOLDER_NAME);
}
