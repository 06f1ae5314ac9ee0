import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options: Electron's security checklist, pinned by a unit test. The
 * renderer gets no Node, runs sandboxed and isolated, and talks only through the preload.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Melding',
    backgroundColor: '#f7f6f3',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Melding checks spelling itself, in the document's målform; Chromium's checker would
      // underline the same words in the wrong language.
      spellcheck: false,
    },
  };
}
