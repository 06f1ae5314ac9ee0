import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { explicitDataDir } from '../services/dataDir';
import { createDispatcher } from '../services/dispatcher';
import { createConsoleLogger } from '../services/logger';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, originOf } from '../services/senderPolicy';
import { mediaDirFor } from '../services/media/mediaStore';
import { createHandlers, createServices } from '../services/services';
import { ElectronPlatform, electronResourcesDir } from './electronPlatform';
import { forwardEvents, registerIpc } from './ipc';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { mainWindowOptions } from './window';

const logger = createConsoleLogger();
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// Electron wants an absolute path to an existing folder; the devhost accepts the same forms.
const chosenDataDir = explicitDataDir({ argv: process.argv, env: process.env, homedir: homedir() });
if (chosenDataDir) {
  mkdirSync(chosenDataDir, { recursive: true });
  app.setPath('userData', chosenDataDir);
}

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

// Two instances on one library would race each other's writes.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // A failure anywhere in start-up (unwritable data folder, renderer missing) must end the
  // process with a log line, not leave it running without a window.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('app.start_failed', { error: error instanceof Error ? error.message : String(error) });
      app.exit(1);
    });
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  const rendererDir = join(__dirname, '../renderer');
  registerAppProtocol(protocol, rendererDir, mediaDirFor(app.getPath('userData')));

  const resourcesDir = electronResourcesDir(app, process.resourcesPath);
  const platform = new ElectronPlatform(app.getPath('userData'), app.getVersion(), resourcesDir, safeStorage, shell, dialog, () => BrowserWindow.getFocusedWindow());
  const services = await createServices(platform, logger);
  const dispatch = createDispatcher(createHandlers(services), logger);
  registerIpc(ipcMain, dispatch, devServerUrl ? originOf(devServerUrl) : APP_ORIGIN);
  forwardEvents(services.bus, () => BrowserWindow.getAllWindows());

  // Let pending saves finish and the index be written before the process ends.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void services.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  const win = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs')));
  win.once('ready-to-show', () => win.show());
  await win.loadURL(devServerUrl ?? `${APP_SCHEME}://${APP_HOST}/index.html`);
}
