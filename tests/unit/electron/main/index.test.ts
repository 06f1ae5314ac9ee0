import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../../../electron/main/window';
import { DATA_DIR_ENV } from '../../../../electron/services/dataDir';
import { CHANNELS } from '../../../../shared/ipc/channels';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/settings';

/**
 * A stand-in for the 'electron' module, faithful where it matters to main: APIs that Electron
 * only accepts before `ready` throw after it, and those that need `ready` throw before it.
 */
function createFakeElectron(options: { lock: boolean; isPackaged: boolean; defaultUserData: string }) {
  let ready = false;
  let becomeReady!: () => void;
  let failReady!: (error: Error) => void;
  const readyPromise = new Promise<void>((resolve, reject) => {
    becomeReady = () => {
      ready = true;
      resolve();
    };
    failReady = reject;
  });
  const requireReady = (what: string) => {
    if (!ready) throw new Error(`${what} cannot be used before the app is ready`);
  };
  const requireNotReady = (what: string) => {
    if (ready) throw new Error(`${what} must be called before the app is ready`);
  };

  const paths = new Map<string, string>([['userData', options.defaultUserData]]);
  const appEvents = new EventEmitter();
  const app = {
    isPackaged: options.isPackaged,
    whenReady: vi.fn(() => readyPromise),
    isReady: () => ready,
    requestSingleInstanceLock: vi.fn(() => options.lock),
    getPath: vi.fn((name: string) => {
      const value = paths.get(name);
      if (!value) throw new Error(`Failed to get '${name}' path`);
      return value;
    }),
    // As documented: absolute paths only, and the folder must exist.
    setPath: vi.fn((name: string, value: string) => {
      if (!isAbsolute(value)) throw new Error('Path must be absolute');
      if (!existsSync(value)) throw new Error(`Failed to set path: ${value} does not exist`);
      paths.set(name, value);
    }),
    getVersion: vi.fn(() => '9.8.7'),
    getAppPath: vi.fn(() => '/opt/melding-dev'),
    enableSandbox: vi.fn(() => requireNotReady('app.enableSandbox')),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      appEvents.on(event, listener);
      return app;
    }),
    quit: vi.fn(),
    exit: vi.fn(),
  };

  class BrowserWindow {
    static readonly instances: BrowserWindow[] = [];
    static readonly getAllWindows = vi.fn(() => [...BrowserWindow.instances]);
    static readonly getFocusedWindow = vi.fn(() => BrowserWindow.instances[0] ?? null);
    readonly events = new EventEmitter();
    readonly loadURL = vi.fn(async (_url: string) => {});
    readonly once = vi.fn((event: string, listener: () => void) => {
      this.events.once(event, listener);
      return this;
    });
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    readonly webContents = { isDestroyed: vi.fn(() => false), send: vi.fn() };
    constructor(readonly options: unknown) {
      requireReady('new BrowserWindow');
      BrowserWindow.instances.push(this);
    }
  }

  const ipcMain = { handle: vi.fn() };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => requireNotReady('protocol.registerSchemesAsPrivileged')),
    handle: vi.fn((_scheme: string, _handler: unknown) => requireReady('protocol.handle')),
  };
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  const session = {
    get defaultSession() {
      requireReady('session.defaultSession');
      return defaultSession;
    },
  };
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => true),
    encryptString: vi.fn((plain: string) => Buffer.from(plain)),
    decryptString: vi.fn((sealed: Buffer) => sealed.toString()),
  };
  const shell = { openExternal: vi.fn(async () => {}), openPath: vi.fn(async (_path: string) => '') };
  const dialog = { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) };

  return {
    module: { app, BrowserWindow, ipcMain, protocol, session, safeStorage, shell, dialog },
    app,
    appEvents,
    BrowserWindow,
    ipcMain,
    protocol,
    defaultSession,
    shell,
    becomeReady,
    failReady,
  };
}

type FakeElectron = ReturnType<typeof createFakeElectron>;

const current = vi.hoisted(() => ({ fake: undefined as unknown as { module: Record<string, unknown> } }));

// Getters, so each test's fresh fake is what main sees after vi.resetModules().
vi.mock('electron', () => ({
  get app() {
    return current.fake.module.app;
  },
  get BrowserWindow() {
    return current.fake.module.BrowserWindow;
  },
  get ipcMain() {
    return current.fake.module.ipcMain;
  },
  get protocol() {
    return current.fake.module.protocol;
  },
  get session() {
    return current.fake.module.session;
  },
  get safeStorage() {
    return current.fake.module.safeStorage;
  },
  get dialog() {
    return current.fake.module.dialog;
  },
  get shell() {
    return current.fake.module.shell;
  },
}));

type InvokeHandler = (event: unknown, input: unknown) => Promise<unknown>;

let dataDir: string;
let defaultUserData: string;
const savedEnv = { dataDir: process.env[DATA_DIR_ENV], rendererUrl: process.env.ELECTRON_RENDERER_URL };

beforeEach(async () => {
  vi.resetModules();
  dataDir = await mkdtemp(join(tmpdir(), 'melding-main-data-'));
  // Where userData would point without --data-dir; a temp folder too, so no real profile is touched.
  defaultUserData = await mkdtemp(join(tmpdir(), 'melding-main-default-'));
  process.env[DATA_DIR_ENV] = dataDir;
  delete process.env.ELECTRON_RENDERER_URL;
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  vi.restoreAllMocks();
  if (savedEnv.dataDir === undefined) delete process.env[DATA_DIR_ENV];
  else process.env[DATA_DIR_ENV] = savedEnv.dataDir;
  if (savedEnv.rendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = savedEnv.rendererUrl;
  await rm(dataDir, { recursive: true, force: true });
  await rm(defaultUserData, { recursive: true, force: true });
});

/** Imports main against a fresh fake, as Electron would run it; `ready` fires when the test says. */
async function loadMain(options: { lock?: boolean; isPackaged?: boolean } = {}): Promise<FakeElectron> {
  const fake = createFakeElectron({ lock: options.lock ?? true, isPackaged: options.isPackaged ?? true, defaultUserData });
  current.fake = fake;
  await import('../../../../electron/main/index');
  return fake;
}

/** Fires `ready` and waits until main has loaded its window (or given up). */
async function startMain(options: { isPackaged?: boolean } = {}) {
  const fake = await loadMain(options);
  fake.becomeReady();
  await vi.waitFor(() => {
    expect(fake.app.exit).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances[0]?.loadURL).toHaveBeenCalled();
  });
  const win = fake.BrowserWindow.instances[0]!;
  const handlers = new Map(fake.ipcMain.handle.mock.calls.map(([channel, fn]) => [channel as string, fn as InvokeHandler]));
  const invoke = (channel: string, input?: unknown, url = 'app://melding/index.html') => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: { url, parent: null } }, input);
  };
  return { fake, win, invoke };
}

function fakeWebContents() {
  const contents = new EventEmitter() as EventEmitter & { windowOpenHandler?: (details: { url: string }) => unknown };
  return Object.assign(contents, {
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      contents.windowOpenHandler = handler;
    },
  });
}

describe('electron/main/index (single instance)', () => {
  it('does everything that must precede ready before ready, and waits for ready to do the rest', async () => {
    const fake = await loadMain();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(fake.app.enableSandbox).toHaveBeenCalledOnce();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fake.app.whenReady).toHaveBeenCalledOnce();
    // Nothing that needs ready has happened yet.
    expect(fake.protocol.handle).not.toHaveBeenCalled();
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('points userData at the data folder from MELDING_DATA_DIR', async () => {
    const fake = await loadMain();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(fake.app.getPath('userData')).toBe(dataDir);
  });

  it('hardens every WebContents the app creates', async () => {
    const fake = await loadMain();
    expect(fake.appEvents.listenerCount('web-contents-created')).toBe(1);
    const contents = fakeWebContents();
    fake.appEvents.emit('web-contents-created', {}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('installs the permission handlers on the default session, refusing everything', async () => {
    const { fake } = await startMain();
    const session = fake.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.setDevicePermissionHandler).toHaveBeenCalledOnce();
    const callback = vi.fn();
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (granted: boolean) => void) => void;
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string) => boolean;
    expect(check({}, 'notifications')).toBe(false);
  });

  it('serves the renderer on app:// once ready', async () => {
    const { fake } = await startMain();
    expect(fake.protocol.handle).toHaveBeenCalledOnce();
    expect(fake.protocol.handle.mock.calls[0]?.[0]).toBe('app');
  });

  it('registers every contract channel with ipcMain.handle, once each', async () => {
    const { fake } = await startMain();
    const registered = fake.ipcMain.handle.mock.calls.map(([channel]) => channel as string);
    expect([...registered].sort()).toEqual([...CHANNELS].sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('opens one hardened window with the preload and loads app://melding/index.html', async () => {
    const { fake, win } = await startMain();
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    const options = win.options as ReturnType<typeof mainWindowOptions>;
    const preload = options.webPreferences?.preload ?? '';
    expect(preload.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(isAbsolute(preload)).toBe(true);
    expect(options).toEqual(mainWindowOptions(preload));
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://melding/index.html');
  });

  it('shows the window when it is ready to show, not before', async () => {
    const { win } = await startMain();
    expect(win.show).not.toHaveBeenCalled();
    win.events.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('wires ipc to the real services on the data folder, and refuses foreign senders', async () => {
    const { win, invoke } = await startMain();
    expect(await invoke('app:info')).toEqual({
      ok: true,
      value: { name: 'Melding', version: '9.8.7', host: 'electron', dataDir, notices: [] },
    });
    expect(await invoke('settings:get', undefined, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await invoke('settings:update', { uiLanguage: 'de' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // The first start chose a profile; a patch of the language leaves it (and the rest) alone.
    const after = { ...DEFAULT_SETTINGS, activeProfileId: expect.any(String), uiLanguage: 'nn' };
    expect(await invoke('settings:update', { uiLanguage: 'nn' })).toEqual({ ok: true, value: after });
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ uiLanguage: 'nn' });
    // The change reaches the window as an event.
    expect(win.webContents.send).toHaveBeenCalledWith('melding:event', { event: 'settings:changed', payload: after });
  });

  it('seals backend passwords with safeStorage and opens the local site with shell.openPath', async () => {
    const { fake, invoke } = await startMain();
    const draft = { id: null, label: 'Dep', siteUrl: 'https://www.dep.example/', userName: 'kari', password: 'hemmelig passord', withdrawMode: 'draft' };
    const saved = (await invoke('backends:saveWordPress', draft)) as { ok: boolean; value: { config: { siteUrl: string } } };
    expect(saved).toMatchObject({ ok: true, value: { config: { siteUrl: 'https://www.dep.example' }, hasPassword: true } });
    expect(fake.module.safeStorage.encryptString).toHaveBeenCalledWith('hemmelig passord');
    expect(await invoke('backends:list')).toMatchObject({ ok: true, value: { activeId: 'local-site' } });
    // Without OS encryption nothing is stored, not even the site without its password.
    fake.module.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(await invoke('backends:saveWordPress', { ...draft, label: 'Utan nøkkelring' })).toMatchObject({ ok: false, error: { code: 'backend_secret_unavailable' } });
    expect(await readFile(join(dataDir, 'backends.json'), 'utf8')).not.toContain('Utan nøkkelring');

    // The local site writes its index when it opens; the shell opens it in the browser.
    const index = join(dataDir, 'site', 'index.html');
    expect(await invoke('publishing:openLocalSite')).toEqual({ ok: true, value: { path: index, url: pathToFileURL(index).href, opened: true } });
    expect(fake.shell.openPath).toHaveBeenCalledWith(index);
    // No program for it (shell.openPath answers an error text): the window shows the address instead.
    fake.shell.openPath.mockResolvedValueOnce('No application is associated with the file');
    expect(await invoke('publishing:openLocalSite')).toMatchObject({ ok: true, value: { opened: false } });
    // Gone (deleted by hand): not handed to the shell at all.
    await rm(join(dataDir, 'site'), { recursive: true, force: true });
    fake.shell.openPath.mockClear();
    expect(await invoke('publishing:openLocalSite')).toMatchObject({ ok: true, value: { opened: false } });
    expect(fake.shell.openPath).not.toHaveBeenCalled();
  });

  it('never touches the default userData folder when a data folder is given', async () => {
    await startMain();
    expect(existsSync(join(defaultUserData, 'settings.json'))).toBe(false);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { fake, win } = await startMain();
    win.isMinimized.mockReturnValue(true);
    fake.appEvents.emit('second-instance', {}, [], '/');
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('quits when the last window closes', async () => {
    const { fake } = await startMain();
    fake.appEvents.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledOnce();
  });

  it('exits with status 1 if the app never becomes ready', async () => {
    const fake = await loadMain();
    fake.failReady(new Error('GPU process died'));
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('loads the dev server and trusts only its origin when unpackaged with ELECTRON_RENDERER_URL', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const { win, invoke } = await startMain({ isPackaged: false });
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173');
    expect(await invoke('settings:get', undefined, 'http://localhost:5173/')).toMatchObject({ ok: true });
    expect(await invoke('settings:get', undefined, 'app://melding/index.html')).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const { win } = await startMain({ isPackaged: true });
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://melding/index.html');
  });
});

describe('electron/main/index (another instance already runs)', () => {
  it('quits at once and opens no window, registers no ipc and does not wait for ready', async () => {
    const fake = await loadMain({ lock: false });
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    fake.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(fake.protocol.handle).not.toHaveBeenCalled();
    expect(fake.appEvents.eventNames()).not.toContain('web-contents-created');
  });
});
