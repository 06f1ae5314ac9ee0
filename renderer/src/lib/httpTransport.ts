import { buildApi } from '../../../shared/ipc/buildApi';
import type { EventName } from '../../../shared/ipc/channels';
import type { MeldingApi } from '../../../shared/ipc/contract';
import { err, type Result } from '../../../shared/ipc/result';

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
        const response = await fetch(`${base}/api/call/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input }),
          credentials: 'same-origin',
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
