import type { Handlers } from '../../../electron/services/dispatcher';
import { CHANNELS } from '../../../shared/ipc/channels';
import { err } from '../../../shared/ipc/result';

/** Handlers for every channel that answer an error unless a test gives its own. */
export function stubHandlers(overrides: Partial<Handlers>): Handlers {
  const base = Object.fromEntries(CHANNELS.map((channel) => [channel, async () => err('internal', `no stub for ${channel}`)])) as unknown as Handlers;
  return { ...base, ...overrides };
}
