import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS, eventListenerName, splitChannel } from '../../../../shared/ipc/channels';

type Listener = (event: unknown, message: unknown) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, message: unknown) => void>>();
  return {
    listeners,
    exposeInMainWorld: vi.fn(),
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
      on: vi.fn((channel: string, listener: (event: unknown, message: unknown) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      off: vi.fn((channel: string, listener: (event: unknown, message: unknown) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: fake.ipcRenderer,
}));

/** What main sends on melding:event. */
function deliver(message: unknown): void {
  for (const listener of [...(fake.listeners.get('melding:event') ?? [])]) listener({ sender: 'ipc' }, message);
}

let melding: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../../electron/preload/index');
  melding = fake.exposeInMainWorld.mock.calls[0]?.[1] as Record<string, unknown>;
});

beforeEach(() => {
  fake.ipcRenderer.invoke.mockClear();
  fake.ipcRenderer.on.mockClear();
  fake.ipcRenderer.off.mockClear();
  fake.listeners.clear();
});

function group(namespace: string): Record<string, unknown> {
  return melding[namespace] as Record<string, unknown>;
}

describe('preload', () => {
  it("exposes exactly one key, 'melding', once", () => {
    expect(fake.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(fake.exposeInMainWorld.mock.calls[0]?.[0]).toBe('melding');
  });

  it('exposes one function per channel, grouped by namespace, and one listener per event, and nothing else', () => {
    const expected: Record<string, string[] | 'function'> = {};
    for (const channel of CHANNELS) {
      const [namespace, verb] = splitChannel(channel);
      const verbs = (expected[namespace] ??= []) as string[];
      verbs.push(verb);
    }
    for (const event of EVENTS) expected[eventListenerName(event)] = 'function';

    expect(Object.keys(melding).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, shape] of Object.entries(expected)) {
      if (shape === 'function') {
        expect(melding[key], key).toBeTypeOf('function');
      } else {
        expect(Object.keys(group(key)).sort(), key).toEqual([...shape].sort());
        for (const verb of shape) expect(group(key)[verb], `${key}.${verb}`).toBeTypeOf('function');
      }
    }
    // The names the renderer relies on, spelled out once.
    expect(group('settings').get).toBeTypeOf('function');
    expect(group('settings').update).toBeTypeOf('function');
    expect(group('app').info).toBeTypeOf('function');
    expect(melding.onSettingsChanged).toBeTypeOf('function');
  });

  it('hands the renderer no transport: no ipcRenderer, no invoke, no send', () => {
    const nested = Object.values(melding).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
    const names = [...Object.keys(melding), ...nested.flatMap((g) => Object.keys(g))];
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'off', 'require', 'process']) {
      expect(names).not.toContain(forbidden);
    }
    const exposed = [...Object.values(melding), ...nested.flatMap((g) => Object.values(g))];
    const { ipcRenderer } = fake;
    for (const leaked of [ipcRenderer, ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.off, ipcRenderer.send, ipcRenderer.sendSync]) {
      expect(exposed).not.toContain(leaked);
    }
  });

  it('cannot be changed by the page', () => {
    expect(Object.isFrozen(melding)).toBe(true);
    expect(Object.isFrozen(group('settings'))).toBe(true);
  });

  it('turns melding.settings.update(patch) into ipcRenderer.invoke on its channel and returns the answer', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { schemaVersion: 1, uiLanguage: 'nn' } });
    const update = group('settings').update as (patch: unknown) => Promise<unknown>;
    await expect(update({ uiLanguage: 'nn' })).resolves.toEqual({ ok: true, value: { schemaVersion: 1, uiLanguage: 'nn' } });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('settings:update', { uiLanguage: 'nn' });
  });

  it('calls every channel by its own name', async () => {
    for (const channel of CHANNELS) {
      const [namespace, verb] = splitChannel(channel);
      await (group(namespace)[verb] as (input?: unknown) => Promise<unknown>)();
    }
    expect(fake.ipcRenderer.invoke.mock.calls.map(([channel]) => channel)).toEqual([...CHANNELS]);
  });

  it('onSettingsChanged listens on melding:event and forwards only settings:changed payloads', () => {
    const callback = vi.fn();
    const onSettingsChanged = melding.onSettingsChanged as (cb: (payload: unknown) => void) => () => void;
    onSettingsChanged(callback);
    expect(fake.ipcRenderer.on).toHaveBeenCalledOnce();
    expect(fake.ipcRenderer.on.mock.calls[0]?.[0]).toBe('melding:event');

    deliver({ event: 'outbox:changed', payload: { waiting: 1, failing: 0, blocked: 0 } });
    deliver(null);
    deliver('settings:changed');
    expect(callback).not.toHaveBeenCalled();

    deliver({ event: 'settings:changed', payload: { schemaVersion: 1, uiLanguage: 'nn' } });
    expect(callback).toHaveBeenCalledExactlyOnceWith({ schemaVersion: 1, uiLanguage: 'nn' });
  });

  it('passes the payload only, never the IPC event (which would carry the sender)', () => {
    const callback = vi.fn();
    (melding.onOutboxChanged as (cb: (...args: unknown[]) => void) => () => void)(callback);
    deliver({ event: 'outbox:changed', payload: { waiting: 2, failing: 1, blocked: 0 } });
    expect(callback.mock.calls).toEqual([[{ waiting: 2, failing: 1, blocked: 0 }]]);
  });

  it('unsubscribes with ipcRenderer.off for the same listener it registered', () => {
    const callback = vi.fn();
    const unsubscribe = (melding.onSettingsChanged as (cb: (payload: unknown) => void) => () => void)(callback);
    const registered = fake.ipcRenderer.on.mock.calls[0]?.[1] as Listener;
    unsubscribe();
    expect(fake.ipcRenderer.off).toHaveBeenCalledExactlyOnceWith('melding:event', registered);
    deliver({ event: 'settings:changed', payload: { schemaVersion: 1, uiLanguage: 'nb' } });
    expect(callback).not.toHaveBeenCalled();
  });

  it('keeps two subscriptions independent', () => {
    const first = vi.fn();
    const second = vi.fn();
    const onSettingsChanged = melding.onSettingsChanged as (cb: (payload: unknown) => void) => () => void;
    const unsubscribeFirst = onSettingsChanged(first);
    onSettingsChanged(second);
    unsubscribeFirst();
    deliver({ event: 'settings:changed', payload: { schemaVersion: 1, uiLanguage: 'en' } });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => (melding.onSettingsChanged as (cb: unknown) => unknown)('not a function')).toThrow(TypeError);
    expect(fake.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
