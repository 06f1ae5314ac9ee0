import type { SenderVerdict } from './dispatcher';

/** The renderer's own origin: app://melding in a build, the dev server's in `electron-vite dev`. */
export interface RendererOrigin {
  readonly protocol: string;
  readonly host: string;
}

export const APP_SCHEME = 'app';
export const APP_HOST = 'melding';
export const APP_ORIGIN: RendererOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };

/**
 * Decides whether an IPC call may run, from facts about the frame that sent it: it must be
 * the top frame of a window, and its URL must be the renderer's own origin. (WHATWG `origin`
 * is "null" for custom schemes, so protocol and host are compared instead.)
 */
export function judgeSender(frame: { url: string; isMainFrame: boolean } | null, allowed: RendererOrigin): SenderVerdict {
  if (!frame) return { trusted: false, reason: 'sender frame is gone' };
  if (!frame.isMainFrame) return { trusted: false, reason: 'sender is a subframe' };
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return { trusted: false, reason: 'sender URL unparseable' };
  }
  if (url.protocol !== allowed.protocol || url.host !== allowed.host) {
    return { trusted: false, reason: `sender origin ${url.protocol}//${url.host} not allowed` };
  }
  return { trusted: true };
}

/** The origin of a dev server URL such as http://localhost:5173. */
export function originOf(raw: string): RendererOrigin {
  const url = new URL(raw);
  return { protocol: url.protocol, host: url.host };
}
