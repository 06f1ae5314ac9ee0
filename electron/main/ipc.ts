import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Dispatch } from '../services/dispatcher';
import type { EventBus } from '../services/eventBus';
import { judgeSender, type RendererOrigin } from '../services/senderPolicy';

/** The channel the preload listens on for every service event. */
export const EVENT_CHANNEL = 'melding:event';

/** Registers one ipcMain handler per contract channel; each checks its sender first. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, allowed: RendererOrigin): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => dispatch(channel, input, judgeSender(frameFacts(event), allowed)));
  }
}

function frameFacts(event: IpcMainInvokeEvent): { url: string; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/** Sends service events to every live window. */
export function forwardEvents(bus: EventBus, windows: () => readonly { webContents: WebContents }[]): () => void {
  return bus.subscribe((event, payload) => {
    for (const win of windows()) {
      if (!win.webContents.isDestroyed()) win.webContents.send(EVENT_CHANNEL, { event, payload });
    }
  });
}
