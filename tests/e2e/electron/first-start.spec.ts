import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinary } from '../../../scripts/electronBinary.mjs';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CHANNELS, EVENTS, eventListenerName, splitChannel } from '../../../shared/ipc/channels';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN_ENTRY = join(ROOT, 'out/main/index.js');

/** The top-level keys of window.melding: one per channel namespace, one per event listener. */
const API_KEYS = [...new Set([...CHANNELS.map((c) => splitChannel(c)[0]), ...EVENTS.map(eventListenerName)])].sort();

// Looks at the files only: requiring 'electron' without its binary would start a download.
const found = electronBinary();
const binary = 'path' in found ? found.path : null;
test.skip(binary === null, 'Electron binary not available');

/** A Bokmål desktop: LANG decides Chromium's locale on Linux unless something stronger is set. */
function launchEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE']) delete env[key];
  env.LANG = 'nb_NO.UTF-8';
  return env;
}

async function launch(dataDir: string): Promise<{ app: ElectronApplication; window: Page }> {
  const args = [MAIN_ENTRY, '--data-dir', dataDir];
  // Chromium refuses to start as root with its sandbox on (containers, some CI runners).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await electron.launch({ executablePath: binary ?? undefined, args, env: launchEnv(), timeout: 20_000 });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}

test.describe('first start in the desktop app', () => {
  test('a new Bokmål user sees the empty library, switches to Nynorsk, and the choice survives a restart', async () => {
    expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} is missing: run npm run build first`).toBe(true);
    const dataDir = await mkdtemp(join(tmpdir(), 'melding-electron-e2e-'));
    let running: ElectronApplication | undefined;
    try {
      const first = await launch(dataDir);
      running = first.app;
      const { window } = first;

      // The renderer comes from the app's own protocol, with the preload's API and no Node.
      await expect(window).toHaveURL('app://melding/index.html');
      expect(first.app.windows()).toHaveLength(1);
      const surface = await window.evaluate(() => ({
        melding: Object.keys((globalThis as unknown as { melding: object }).melding).sort(),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(surface).toEqual({ melding: API_KEYS, require: 'undefined', process: 'undefined' });

      await expect(window.getByRole('navigation', { name: 'Bibliotek' })).toBeVisible();
      await expect(window.getByRole('heading', { name: 'Bibliotek' })).toBeVisible();
      await expect(window.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
      await expect(window.locator('html')).toHaveAttribute('lang', 'nb');
      await expect(window).toHaveTitle('Melding');

      await window.getByRole('button', { name: 'Innstillinger' }).click();
      const dialog = window.getByRole('dialog', { name: 'Innstillinger' });
      await expect(dialog).toBeVisible();
      // The settings dialog knows it runs in the desktop app, on the folder it was given.
      await expect(dialog).toContainText('Skrivebordsprogram');
      await expect(dialog).toContainText(dataDir);

      await dialog.getByRole('radio', { name: 'Norsk nynorsk' }).check();
      const nynorskDialog = window.getByRole('dialog', { name: 'Innstillingar' });
      await expect(nynorskDialog.getByRole('status')).toHaveText('Språket er lagra.');
      await nynorskDialog.getByRole('button', { name: 'Lukk' }).click();
      await expect(nynorskDialog).toBeHidden();
      await expect(window.getByRole('heading', { name: 'Ingen dokument enno' })).toBeVisible();
      await expect(window.locator('html')).toHaveAttribute('lang', 'nn');

      // Saved where the user's data lives, through the main process.
      expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ uiLanguage: 'nn' });

      await first.app.close();
      running = undefined;

      const second = await launch(dataDir);
      running = second.app;
      await expect(second.window.getByRole('heading', { name: 'Ingen dokument enno' })).toBeVisible();
      await expect(second.window.getByRole('button', { name: 'Innstillingar' })).toBeVisible();
      await expect(second.window.locator('html')).toHaveAttribute('lang', 'nn');
    } finally {
      await running?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
