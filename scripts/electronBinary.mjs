// Where the Electron binary is, or why there is none. Used by `npm start` and the Electron specs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: 'the Electron binary was not downloaded when dependencies were installed' };
  } catch (error) {
    return { reason: `the Electron binary is not installed (${error.message.split('\n')[0]})` };
  }
}
