import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../../electron/services/dispatcher';
import { silentLogger } from '../../../../electron/services/logger';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/settings';
import { err, ok } from '../../../../shared/ipc/result';
import { stubHandlers } from '../../support/stubHandlers';

const trusted = { trusted: true } as const;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return stubHandlers({
    'app:info': async () => ok({ name: 'Melding', version: '1', host: 'devhost', dataDir: '/tmp/x', notices: [] }),
    'settings:get': async () => ok(DEFAULT_SETTINGS),
    'settings:update': async (patch) => ok({ ...DEFAULT_SETTINGS, ...patch }),
    'shell:openExternal': async () => ok(null),
    'outbox:summary': async () => ok({ waiting: 0, failing: 0, blocked: 0 }),
    ...overrides,
  });
}

describe('dispatcher', () => {
  it('answers a valid call with its value', async () => {
    const dispatch = createDispatcher(handlers(), silentLogger);
    expect(await dispatch('settings:update', { uiLanguage: 'nn' }, trusted)).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, uiLanguage: 'nn' } });
  });

  it('refuses an untrusted sender before looking at anything else', async () => {
    let ran = false;
    const dispatch = createDispatcher(
      handlers({
        'settings:get': async () => {
          ran = true;
          return ok(DEFAULT_SETTINGS);
        },
      }),
      silentLogger,
    );
    const result = await dispatch('settings:get', undefined, { trusted: false, reason: 'subframe' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(ran).toBe(false);
  });

  it('refuses bad input with invalid_input and never calls the handler', async () => {
    const dispatch = createDispatcher(handlers(), silentLogger);
    for (const input of [{ uiLanguage: 'de' }, { uiLanguage: 'nb', extra: 1 }, 'nb', 42, null]) {
      expect(await dispatch('settings:update', input, trusted)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await dispatch('settings:get', { sneaky: true }, trusted)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers unknown channels, including prototype names, with unknown_channel', async () => {
    const dispatch = createDispatcher(handlers(), silentLogger);
    for (const channel of ['fs:read', '__proto__', 'constructor', 'toString', '']) {
      expect(await dispatch(channel, undefined, trusted)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('turns a throwing handler into an internal error instead of throwing', async () => {
    const dispatch = createDispatcher(
      handlers({
        'settings:get': async () => {
          throw new Error('boom');
        },
      }),
      silentLogger,
    );
    await expect(dispatch('settings:get', undefined, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a handler output outside the contract', async () => {
    const dispatch = createDispatcher(handlers({ 'outbox:summary': async () => ok({ waiting: -1, failing: 0, blocked: 0 }) }), silentLogger);
    expect(await dispatch('outbox:summary', undefined, trusted)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes a handler error through unchanged', async () => {
    const dispatch = createDispatcher(handlers({ 'settings:update': async () => err('storage_failed', 'disk full') }), silentLogger);
    expect(await dispatch('settings:update', {}, trusted)).toEqual({ ok: false, error: { code: 'storage_failed', message: 'disk full' } });
  });
});
