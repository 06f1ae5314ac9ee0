import { buildApi } from '../../../shared/ipc/buildApi';
import type { EventName } from '../../../shared/ipc/channels';
import type { MeldingApi } from '../../../shared/ipc/contract';
import { err, type Result } from '../../../shared/ipc/result';

const KEEPALIVE_CHANNELS: ReadonlySet<string> = new Set(['documents:save']);
const KEEPALIVE_MAX_UNITS = 20_000;

/**
 * window.melding for a browser on the devhost: the same functions, carried over HTTP to the
 * same dispatcher main uses. The token travels in an HttpOnly cookie the devhost set on load.
 */
export function createHttpApi(base = ''): MeldingApi {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown };
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
  };

  return buildApi(
    async (channel, input): Promise<Result<unknown>> => {
      try {
        const body = JSON.stringify({ input });
        const response = await fetch(`${base}/api/call/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          credentials: 'same-origin',
          // A save started as the page goes away (reload, tab closed after "Leave") still
          // reaches the devhost. Chromium allows 64 KiB of keepalive bodies in flight per page,
          // so only saves small enough to stay under it travel that way (at most 3 bytes a unit).
          keepalive: KEEPALIVE_CHANNELS.has(channel) && body.length <= KEEPALIVE_MAX_UNITS,
        });
        if (response.status === 401) return err('forbidden_sender', 'The devhost refused the token');
        return (await response.json()) as Result<unknown>;
      } catch (cause) {
        return err('host_unreachable', cause instanceof Error ? cause.message : String(cause));
      }
    },
    (event, listener) => {
      ensureSource();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
}
