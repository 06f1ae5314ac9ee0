import { CHANNELS, EVENTS, eventListenerName, splitChannel, type Channel, type EventName } from './channels';
import type { MeldingApi } from './contract';
import type { Result } from './result';

export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the object behind `window.melding` from the channel list: the preload passes an
 * ipcRenderer-based transport, the browser build an HTTP one. Both end up with the same shape,
 * so the renderer never knows which host it runs in.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): MeldingApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const [namespace, verb] = splitChannel(channel);
    const group = (api[namespace] ??= {}) as Record<string, unknown>;
    group[verb] = (input?: unknown) => invoke(channel, input);
  }
  for (const event of EVENTS) {
    api[eventListenerName(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return subscribe(event, listener);
    };
  }
  for (const value of Object.values(api)) if (typeof value === 'object' && value) Object.freeze(value);
  return Object.freeze(api) as unknown as MeldingApi;
}
