import { stubHandlers as stubAll } from '../../support/stubHandlers';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, forwardEvents, registerIpc } from '../../../../electron/main/ipc';
import { createDispatcher, type Dispatch, type Handlers } from '../../../../electron/services/dispatcher';
import { EventBus } from '../../../../electron/services/eventBus';
import { silentLogger } from '../../../../electron/services/logger';
import { APP_ORIGIN, originOf } from '../../../../electron/services/senderPolicy';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/settings';
import { CHANNELS } from '../../../../shared/ipc/channels';
import { ok, type Result } from '../../../../shared/ipc/result';

type IpcHandler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>>;

/** Records what registerIpc hands to ipcMain.handle. */
function fakeIpcMain() {
  const handlers = new Map<string, IpcHandler>();
  const handle = vi.fn((channel: string, fn: IpcHandler) => {
    handlers.set(channel, fn);
  });
  return { ipcMain: { handle } as unknown as IpcMain, handle, handlers };
}

function eventFrom(frame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const APP_MAIN_FRAME = { url: 'app://melding/index.html', parent: null };

/** Every channel answered, with a record of which ran. */
function stubHandlers(calls: string[]): Handlers {
  return stubAll({
    'app:info': async () => {
      calls.push('app:info');
      return ok({ name: 'Melding', version: '1.2.3', host: 'electron', dataDir: '/tmp/melding', notices: [] });
    },
    'settings:get': async () => {
      calls.push('settings:get');
      return ok(DEFAULT_SETTINGS);
    },
    'settings:update': async (patch) => {
      calls.push('settings:update');
      return ok({ ...DEFAULT_SETTINGS, ...patch });
    },
    'shell:openExternal': async () => {
      calls.push('shell:openExternal');
      return ok(null);
    },
    'outbox:summary': async () => {
      calls.push('outbox:summary');
      return ok({ waiting: 0, failing: 0, blocked: 0 });
    },
  });
}

function wiredToRealDispatcher(allowed = APP_ORIGIN) {
  const calls: string[] = [];
  const fake = fakeIpcMain();
  registerIpc(fake.ipcMain, createDispatcher(stubHandlers(calls), silentLogger), allowed);
  const invoke = (channel: string, frame: { url: string; parent: unknown } | null, input?: unknown) => {
    const handler = fake.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(eventFrom(frame), input);
  };
  return { invoke, calls };
}

describe('registerIpc', () => {
  it('registers every contract channel exactly once, and nothing else', () => {
    const fake = fakeIpcMain();
    registerIpc(fake.ipcMain, vi.fn<Dispatch>(), APP_ORIGIN);
    const registered = fake.handle.mock.calls.map(([channel]) => channel);
    expect(registered).toHaveLength(CHANNELS.length);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...CHANNELS].sort());
    for (const [, fn] of fake.handle.mock.calls) expect(fn).toBeTypeOf('function');
  });

  it("passes the app's own main frame to dispatch as trusted, with the channel and input unchanged", async () => {
    const fake = fakeIpcMain();
    const dispatch = vi.fn<Dispatch>(async () => ok(null));
    registerIpc(fake.ipcMain, dispatch, APP_ORIGIN);
    await fake.handlers.get('settings:update')?.(eventFrom(APP_MAIN_FRAME), { uiLanguage: 'nn' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('settings:update', { uiLanguage: 'nn' }, { trusted: true });
  });

  it('binds each handler to its own channel', async () => {
    const fake = fakeIpcMain();
    const dispatch = vi.fn<Dispatch>(async () => ok(null));
    registerIpc(fake.ipcMain, dispatch, APP_ORIGIN);
    for (const channel of CHANNELS) await fake.handlers.get(channel)?.(eventFrom(APP_MAIN_FRAME), undefined);
    expect(dispatch.mock.calls.map(([channel]) => channel)).toEqual([...CHANNELS]);
  });

  it.each([
    ['a subframe of the app', { url: 'app://melding/index.html', parent: { url: 'app://melding/index.html' } }],
    ['a foreign origin', { url: 'https://evil.example/index.html', parent: null }],
    ['another app:// host', { url: 'app://other/index.html', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['an unparseable URL', { url: 'not a url', parent: null }],
    ['a frame that is gone', null],
  ])('gives forbidden_sender to %s and never runs the handler', async (_label, frame) => {
    const { invoke, calls } = wiredToRealDispatcher();
    for (const channel of CHANNELS) {
      const result = await invoke(channel, frame, channel === 'settings:update' ? { uiLanguage: 'nn' } : undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(calls).toEqual([]);
  });

  it("answers the app's main frame through the real dispatcher", async () => {
    const { invoke, calls } = wiredToRealDispatcher();
    expect(await invoke('settings:update', APP_MAIN_FRAME, { uiLanguage: 'nn' })).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, uiLanguage: 'nn' } });
    expect(await invoke('settings:get', APP_MAIN_FRAME)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(calls).toEqual(['settings:update', 'settings:get']);
  });

  it('gives invalid_input to bad input from a trusted frame and never runs the handler', async () => {
    const { invoke, calls } = wiredToRealDispatcher();
    expect(await invoke('settings:update', APP_MAIN_FRAME, { uiLanguage: 'de' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke('settings:update', APP_MAIN_FRAME, { uiLanguage: 'nn', admin: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke('settings:get', APP_MAIN_FRAME, { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('trusts the dev server origin, and only it, when told to', async () => {
    const { invoke } = wiredToRealDispatcher(originOf('http://localhost:5173'));
    expect(await invoke('settings:get', { url: 'http://localhost:5173/', parent: null })).toMatchObject({ ok: true });
    expect(await invoke('settings:get', APP_MAIN_FRAME)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await invoke('settings:get', { url: 'http://localhost:5174/', parent: null })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});

describe('forwardEvents', () => {
  function fakeWindow(destroyed = false) {
    const webContents = { isDestroyed: vi.fn(() => destroyed), send: vi.fn() };
    return { webContents: webContents as unknown as WebContents, send: webContents.send };
  }

  it('sends {event, payload} on the event channel to every live window and skips destroyed ones', () => {
    const bus = new EventBus();
    const live = [fakeWindow(), fakeWindow()];
    const dead = fakeWindow(true);
    forwardEvents(bus, () => [live[0]!, dead, live[1]!]);
    const settings = { ...DEFAULT_SETTINGS, uiLanguage: 'nn' as const };
    bus.emit('settings:changed', settings);
    for (const win of live) expect(win.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, { event: 'settings:changed', payload: settings });
    expect(dead.send).not.toHaveBeenCalled();
    expect(EVENT_CHANNEL).toBe('melding:event');
  });

  it('asks for the window list at each event, so windows opened later get events too', () => {
    const bus = new EventBus();
    const windows: ReturnType<typeof fakeWindow>[] = [];
    forwardEvents(bus, () => windows);
    bus.emit('outbox:changed', { waiting: 1, failing: 0, blocked: 0 });
    const later = fakeWindow();
    windows.push(later);
    bus.emit('outbox:changed', { waiting: 2, failing: 1, blocked: 0 });
    expect(later.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, { event: 'outbox:changed', payload: { waiting: 2, failing: 1, blocked: 0 } });
  });

  it('stops forwarding once unsubscribed', () => {
    const bus = new EventBus();
    const win = fakeWindow();
    const unsubscribe = forwardEvents(bus, () => [win]);
    bus.emit('outbox:changed', { waiting: 1, failing: 0, blocked: 0 });
    unsubscribe();
    bus.emit('outbox:changed', { waiting: 2, failing: 0, blocked: 0 });
    expect(win.send).toHaveBeenCalledOnce();
  });
});
