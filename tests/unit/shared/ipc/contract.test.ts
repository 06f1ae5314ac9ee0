import { describe, expect, it } from 'vitest';
import { buildApi } from '../../../../shared/ipc/buildApi';
import { CHANNELS, EVENTS, eventListenerName } from '../../../../shared/ipc/channels';
import { contract, events } from '../../../../shared/ipc/contract';
import { ok } from '../../../../shared/ipc/result';

describe('contract', () => {
  it('has exactly one schema pair per channel, named namespace:verb', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
  });

  it('has one payload schema per event', () => {
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
  });

  it('refuses unknown settings fields and unknown languages', () => {
    expect(contract['settings:update'].input.safeParse({ uiLanguage: 'nn' }).success).toBe(true);
    expect(contract['settings:update'].input.safeParse({ uiLanguage: 'de' }).success).toBe(false);
    expect(contract['settings:update'].input.safeParse({ uiLanguage: 'nb', admin: true }).success).toBe(false);
  });

  it('settings:update takes a patch as it is: a field left out is not filled with its default (which would reset it)', () => {
    expect(contract['settings:update'].input.parse({ uiLanguage: 'nn' })).toEqual({ uiLanguage: 'nn' });
    expect(contract['settings:update'].input.parse({ nynorskNudgeDismissedYear: 2026 })).toEqual({ nynorskNudgeDismissedYear: 2026 });
  });
});

describe('buildApi', () => {
  it('builds one function per channel, grouped by namespace, and one listener per event', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(
      async (channel, input) => {
        calls.push([channel, input]);
        return ok(null);
      },
      () => () => undefined,
    ) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>> | ((cb: unknown) => unknown)>;
    const settings = api.settings as Record<string, (input?: unknown) => Promise<unknown>>;
    await settings.update?.({ uiLanguage: 'nn' });
    expect(calls).toEqual([['settings:update', { uiLanguage: 'nn' }]]);

    const expectedKeys = new Set([...CHANNELS.map((c) => c.split(':')[0]), ...EVENTS.map(eventListenerName)]);
    expect(new Set(Object.keys(api))).toEqual(expectedKeys);
    for (const channel of CHANNELS) {
      const [ns, verb] = channel.split(':') as [string, string];
      expect(typeof (api[ns] as Record<string, unknown>)[verb]).toBe('function');
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('names listeners onNamespaceVerb', () => {
    expect(eventListenerName('settings:changed')).toBe('onSettingsChanged');
    expect(eventListenerName('outbox:changed')).toBe('onOutboxChanged');
  });
});
