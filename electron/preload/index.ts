import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from '../../shared/ipc/buildApi';
import type { EventName } from '../../shared/ipc/channels';

/** Mirrors EVENT_CHANNEL in electron/main/ipc.ts (the preload bundle stays free of main code). */
const EVENT_CHANNEL = 'melding:event';

/**
 * window.melding: one function per contract channel and one listener per event, built from the
 * channel list. No ipcRenderer, no generic invoke, nothing else crosses the bridge.
 */
const api = buildApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event: EventName, listener) => {
    const wrapped = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message?.event === event) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('melding', api);
