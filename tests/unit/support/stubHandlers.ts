import type { Handlers } from '../../../electron/services/dispatcher';
import { CHANNELS } from '../../../shared/ipc/channels';
import { err, ok } from '../../../shared/ipc/result';

/** Handlers for every channel that answer an error unless a test gives its own. */
export function stubHandlers(overrides: Partial<Handlers>): Handlers {
  const base = Object.fromEntries(CHANNELS.map((channel) => [channel, async () => err('internal', `no stub for ${channel}`)])) as unknown as Handlers;
  return { ...base, ...overrides };
}

/**
 * Benign answers for the language channels (no issues, empty personal dictionaries), for tests
 * that render an editor and do not care about spelling: `stubHandlers({ ...languageStubs(), … })`.
 */
export function languageStubs(): Pick<
  Handlers,
  'language:check' | 'language:suggest' | 'language:addWord' | 'language:removeWord' | 'language:personalWords' | 'language:status'
> {
  return {
    'language:check': async ({ blocks }) => ok({ blocks: blocks.map(({ key }) => ({ key, issues: [], stats: { words: 0, thisForm: 0, otherForm: 0 } })) }),
    'language:suggest': async ({ word }) => ok({ word, suggestions: [] }),
    'language:addWord': async () => ok({ words: [] }),
    'language:removeWord': async () => ok({ words: [] }),
    'language:personalWords': async () => ok({ words: [] }),
    'language:status': async () => ok({ nb: { state: 'idle', loadMs: null }, nn: { state: 'idle', loadMs: null } }),
  };
}
