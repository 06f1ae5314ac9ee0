import { describe, expect, it } from 'vitest';
import type { SiteLanguageSource } from '../../../../../electron/services/meter/siteLanguageSource';
import type { WordPressSiteOptions } from '../../../../../electron/services/meter/wordPressSiteLanguageSource';
import { activeSiteLanguageSource } from '../../../../../electron/services/publishing/activeSiteLanguageSource';
import type { BackendConfig } from '../../../../../shared/domain/publishing';
import { err, ok, type Result } from '../../../../../shared/ipc/result';

const wp: BackendConfig = { kind: 'wordpress', id: 'wp-abcd1234', label: 'Dep', siteUrl: 'https://www.dep.example', userName: 'kari', withdrawMode: 'draft' };
const local: BackendConfig = { kind: 'local-site', id: 'local-site', label: '', folder: '' };

function setup(password: Result<string> = ok('app passord')) {
  const state = { active: 'local-site', configs: [local, wp] as BackendConfig[], unsealed: 0, password };
  const made: WordPressSiteOptions[] = [];
  const site = activeSiteLanguageSource(
    {
      activeId: () => state.active,
      config: (id) => state.configs.find((c) => c.id === id),
      password: async () => {
        state.unsealed++;
        return state.password;
      },
    },
    (options): SiteLanguageSource => {
      made.push(options);
      return { backendId: options.backendId, list: async () => ok([{ id: '1', publishedAt: '2026-03-01T10:00:00Z', maalform: 'nn', type: 'pressemelding' }]) };
    },
  );
  return { state, made, site };
}

describe('activeSiteLanguageSource', () => {
  it('has no site to count for the local site', () => {
    expect(setup().site()).toBeNull();
  });

  it('reads the active WordPress site with its stored password, unsealed once, on first use', async () => {
    const { state, made, site } = setup();
    state.active = wp.id;
    const source = site();
    expect(source?.backendId).toBe(wp.id);
    expect(state.unsealed).toBe(0);
    expect((await source!.list(2026)).ok).toBe(true);
    await site()!.list(2026);
    expect(made).toEqual([{ backendId: wp.id, siteUrl: wp.siteUrl, userName: 'kari', password: 'app passord' }]);
    expect(state.unsealed).toBe(1);
  });

  it('makes a new reader when the address changes', async () => {
    const { state, made, site } = setup();
    state.active = wp.id;
    await site()!.list(2026);
    state.configs = [local, { ...wp, siteUrl: 'https://ny.dep.example' }];
    await site()!.list(2026);
    expect(made.map((m) => m.siteUrl)).toEqual([wp.siteUrl, 'https://ny.dep.example']);
  });

  it('says the site is unavailable when the password cannot be unsealed, and asks again next time', async () => {
    const { state, site } = setup(err('backend_secret_unavailable', 'cannot decrypt'));
    state.active = wp.id;
    const listed = await site()!.list(2026);
    expect(listed.ok ? null : listed.error.code).toBe('meter_site_unavailable');
    state.password = ok('nytt');
    expect((await site()!.list(2026)).ok).toBe(true);
  });
});
