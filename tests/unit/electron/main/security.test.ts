import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenWebContents } from '../../../../electron/main/security';

type WindowOpenHandler = (details: { url: string }) => { action: string };

/** Just enough of a WebContents: events, plus the window-open handler it is given. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

function fakeEvent() {
  return { preventDefault: vi.fn() };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const contents = hardened();
    expect(contents.listenerCount(name)).toBeGreaterThan(0);
    const event = fakeEvent();
    contents.emit(name, event, 'https://evil.example/', false, true);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('prevents navigation to the app itself too: the renderer never reloads by navigating', () => {
    const contents = hardened();
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'app://melding/index.html');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each(['https://example.com/', 'http://example.com/', 'app://melding/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank'])(
    'denies window.open(%s)',
    (url) => {
      const contents = hardened();
      expect(contents.windowOpenHandler).toBeTypeOf('function');
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    },
  );
});

describe('denyAllPermissions', () => {
  function installed() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as unknown as Session);
    const [request] = session.setPermissionRequestHandler.mock.calls[0] ?? [];
    const [check] = session.setPermissionCheckHandler.mock.calls[0] ?? [];
    const [device] = session.setDevicePermissionHandler.mock.calls[0] ?? [];
    return {
      session,
      request: request as (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void,
      check: check as (contents: unknown, permission: string, origin: string, details: unknown) => boolean,
      device: device as (details: unknown) => boolean,
    };
  }

  it('installs all three handlers exactly once', () => {
    const { session } = installed();
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.setDevicePermissionHandler).toHaveBeenCalledOnce();
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'midiSysex', 'unknown'])(
    'refuses a request for %s',
    (permission) => {
      const { request, check } = installed();
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: 'app://melding/index.html' });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check({}, permission, 'app://melding', { requestingUrl: 'app://melding/index.html' })).toBe(false);
    },
  );

  it('refuses every device (USB, HID, serial, Bluetooth)', () => {
    const { device } = installed();
    for (const deviceType of ['usb', 'hid', 'serial', 'bluetooth']) {
      expect(device({ deviceType, origin: 'app://melding', device: {} })).toBe(false);
    }
  });
});
