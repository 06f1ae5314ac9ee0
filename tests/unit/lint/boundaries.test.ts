import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** Lints `code` as if it were the file at `path` (nothing is written to disk). */
async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries (STYLE.md)', () => {
  it.each([
    ['shared/domain/planted.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['shared/domain/planted.ts', "import { readFile } from 'fs';\nexport const x = readFile;\n"],
    ['shared/domain/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/domain/planted.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['shared/domain/planted.ts', "import { x as y } from '../../electron/services/logger';\nexport const x = y;\n"],
    ['shared/domain/planted.ts', 'export const x = () => document.title;\n'],
    ['renderer/src/planted.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/planted.ts', "import { createDispatcher } from '../../electron/services/dispatcher';\nexport const x = createDispatcher;\n"],
    ['electron/services/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/devhost/planted.ts', "import { shell } from 'electron';\nexport const x = shell;\n"],
    ['electron/services/planted.ts', "import { mainWindowOptions } from '../main/window';\nexport const x = mainWindowOptions;\n"],
  ])('fails on a planted violation in %s', async (path, code) => {
    const ids = await ruleIds(path, code);
    expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals'), `${path}: ${code}`).toBe(true);
  });

  it.each([
    ['shared/domain/planted.ts', "import { z } from 'zod';\nimport { SettingsSchema } from './settings';\nexport const x = [z, SettingsSchema];\n"],
    ['renderer/src/planted.ts', "import { CHANNELS } from '../../shared/ipc/channels';\nexport const x = CHANNELS;\n"],
    ['electron/services/planted.ts', "import { readFile } from 'node:fs/promises';\nimport { DEFAULT_SETTINGS } from '../../shared/domain/settings';\nexport const x = [readFile, DEFAULT_SETTINGS];\n"],
    ['electron/main/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/preload/planted.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
  ])('allows what the layer may use in %s', async (path, code) => {
    expect(await ruleIds(path, code)).toEqual([]);
  });
});
