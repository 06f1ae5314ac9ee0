import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog, SafeStorage, Shell } from 'electron';
import { ElectronPlatform } from '../../../../electron/main/electronPlatform';

function platform(options: { encryption?: boolean; window?: BrowserWindow | null; pick?: { canceled: boolean; filePaths: string[] } } = {}) {
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => options.encryption ?? true),
    encryptString: vi.fn((s: string) => Buffer.from(`sealed:${s}`)),
    decryptString: vi.fn((b: Buffer) => b.toString().replace(/^sealed:/, '')),
  };
  const shell = { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async (path: string) => (path.endsWith('.html') ? '' : 'No application is associated')) };
  const dialog = { showOpenDialog: vi.fn(async () => options.pick ?? { canceled: false, filePaths: ['/home/kari/bilde.jpg'] }) };
  const p = new ElectronPlatform('/data', '1.0.0', '/app/resources', safeStorage as unknown as SafeStorage, shell as unknown as Shell, dialog as unknown as Dialog, () => options.window ?? null);
  return { p, safeStorage, shell, dialog };
}

describe('ElectronPlatform', () => {
  it('seals secrets with safeStorage and refuses when the OS offers no encryption', async () => {
    const { p } = platform();
    expect(await p.decryptSecret(await p.encryptSecret('app-passord'))).toBe('app-passord');
    await expect(platform({ encryption: false }).p.encryptSecret('x')).rejects.toThrow(/not available/);
  });

  it('opens a file dialog modal to the focused window and answers the chosen paths', async () => {
    const win = {} as BrowserWindow;
    const { p, dialog } = platform({ window: win });
    const paths = await p.pickFiles({ title: 'Legg til bilete', multiple: true, filters: [{ name: 'Bilete', extensions: ['jpg', 'png'] }] });
    expect(paths).toEqual(['/home/kari/bilde.jpg']);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, {
      title: 'Legg til bilete',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Bilete', extensions: ['jpg', 'png'] }],
    });
  });

  it('answers [] when the user cancels', async () => {
    const { p } = platform({ pick: { canceled: true, filePaths: [] } });
    expect(await p.pickFiles({ title: 'x', multiple: false, filters: [] })).toEqual([]);
  });

  it('hands links to the shell', async () => {
    const { p, shell } = platform();
    await p.openExternal('https://www.regjeringen.no/');
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.regjeringen.no/', { activate: true });
  });

  it('opens files with the desktop and says whether it could (shell.openPath answers an error text)', async () => {
    const { p, shell } = platform();
    expect(await p.openPath('/data/site/index.html')).toBe(true);
    expect(shell.openPath).toHaveBeenCalledWith('/data/site/index.html');
    expect(await p.openPath('/data/site/item.json5')).toBe(false);
  });
});
