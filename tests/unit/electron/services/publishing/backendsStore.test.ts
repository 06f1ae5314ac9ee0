import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodePlatform } from '../../../../../electron/devhost/nodePlatform';
import { EventBus } from '../../../../../electron/services/eventBus';
import { silentLogger } from '../../../../../electron/services/logger';
import { BackendsStore, type BackendFactories } from '../../../../../electron/services/publishing/backendsStore';
import type { PublishingBackend } from '../../../../../electron/services/publishing/publishingBackend';
import { SettingsService, type Notice } from '../../../../../electron/services/settingsService';
import { localSiteGrant } from '../../../../../shared/domain/backendGrant';
import type { ConnectionReport, WordPressDraft } from '../../../../../shared/domain/publishing';
import { err, ok, type Result } from '../../../../../shared/ipc/result';

const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';
const NOW = new Date('2026-11-23T12:00:00Z');

function report(backendId: string, overrides: Partial<ConnectionReport['grant']> = {}): ConnectionReport {
  return {
    grant: {
      backendId,
      kind: 'wordpress',
      userName: 'redaktor',
      displayName: 'Rita Redaktør',
      roles: ['editor'],
      capabilities: { submit: true, approve: true, publish: true, uploadMedia: true, unpublish: true },
      checkedAt: NOW.toISOString(),
      ...overrides,
    },
    companion: { installed: true, version: '1.0.0' },
    limits: [],
  };
}

/** A WordPress stand-in that accepts one password: what the store does with it is under test. */
function factories(built: { config: unknown; password?: string }[] = []): BackendFactories {
  return {
    localSite: (config) => {
      built.push({ config });
      return { id: config.id, kind: 'local-site', testConnection: async () => ok({ grant: { ...localSiteGrant(NOW), roles: [] }, companion: { installed: false, version: null }, limits: [] }), run: async () => err('internal', 'not here') };
    },
    wordpress: (config, password) => {
      built.push({ config, password });
      const backend: PublishingBackend = {
        id: config.id,
        kind: 'wordpress',
        testConnection: async (): Promise<Result<ConnectionReport>> => (password === PASSWORD ? ok(report(config.id)) : err('backend_auth_failed', '401')),
        run: async () => err('internal', 'not here'),
      };
      return backend;
    },
  };
}

async function open(dir?: string, built: { config: unknown; password?: string }[] = []) {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'melding-backends-')));
  const bus = new EventBus();
  const events: [string, unknown][] = [];
  bus.subscribe((event, payload) => events.push([event, payload]));
  const notices: Notice[] = [];
  const platform = new NodePlatform(dataDir, '1', silentLogger);
  const settings = await SettingsService.open(dataDir, bus, silentLogger, notices);
  const store = await BackendsStore.open({ platform, settings, bus, logger: silentLogger, now: () => NOW, newId: randomUUID, factories: factories(built) }, notices);
  return { store, settings, dataDir, events, notices, built, platform };
}

const draft = (overrides: Partial<WordPressDraft> = {}): WordPressDraft => ({
  id: null,
  label: 'Departementet',
  siteUrl: 'https://www.departementet.example',
  userName: 'redaktor',
  password: PASSWORD,
  withdrawMode: 'draft',
  ...overrides,
});

async function allFileText(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) text += (await readFile(join(entry.parentPath, entry.name))).toString('latin1');
  }
  return text;
}

describe('BackendsStore', () => {
  it('starts with the local site, first and active, with its folder in the data folder', async () => {
    const { store, dataDir } = await open();
    const { backends, activeId } = store.list();
    expect(activeId).toBe('local-site');
    expect(backends.map((b) => b.config.kind)).toEqual(['local-site']);
    expect(backends[0]?.config).toMatchObject({ id: 'local-site', folder: join(dataDir, 'site') });
    expect(store.grantFor('local-site')?.capabilities.publish).toBe(true);
  });

  it('names the origins of the configured WordPress sites, and only those, as links that may be opened', async () => {
    const { store } = await open();
    expect(store.siteOrigins()).toEqual([]);
    const saved = await store.saveWordPress({ ...draft(), siteUrl: 'http://127.0.0.1:8081/wp/' });
    expect(saved.ok).toBe(true);
    expect(store.siteOrigins()).toEqual(['http://127.0.0.1:8081']);
  });

  it('seals the password: it is in no file of the data folder, and a reopened store builds the backend with it', async () => {
    const { store, dataDir } = await open();
    const saved = await store.saveWordPress(draft());
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value.hasPassword).toBe(true);
    expect(saved.value.config).toMatchObject({ kind: 'wordpress', siteUrl: 'https://www.departementet.example', userName: 'redaktor' });
    expect(JSON.stringify(saved.value)).not.toContain(PASSWORD);
    const files = await allFileText(dataDir);
    expect(files).toContain('departementet.example');
    expect(files).not.toContain(PASSWORD);
    expect(files).not.toContain(Buffer.from(PASSWORD).toString('base64'));

    const built: { config: unknown; password?: string }[] = [];
    const again = await open(dataDir, built);
    expect(again.store.list().backends.map((b) => b.config.id)).toEqual(['local-site', saved.value.config.id]);
    const backend = await again.store.backendFor(saved.value.config.id);
    expect(backend.ok).toBe(true);
    expect(built.at(-1)?.password).toBe(PASSWORD);
    // Built once and reused.
    await again.store.backendFor(saved.value.config.id);
    expect(built).toHaveLength(1);
  });

  it('answers backend_secret_unavailable when the password cannot be decrypted (another key)', async () => {
    const { store, dataDir } = await open();
    const saved = await store.saveWordPress(draft());
    if (!saved.ok) throw new Error('not saved');
    await writeFile(join(dataDir, 'secret.key'), Buffer.alloc(32, 7));
    const again = await open(dataDir);
    const backend = await again.store.backendFor(saved.value.config.id);
    expect(backend.ok ? null : backend.error.code).toBe('backend_secret_unavailable');
    expect((await again.store.password(saved.value.config.id)).ok).toBe(false);
  });

  it('sets a damaged backends.json aside with a notice and starts with the local site', async () => {
    const { dataDir } = await open();
    await writeFile(join(dataDir, 'backends.json'), '{"schemaVersion":1,"backends":[{"config":');
    const again = await open(dataDir);
    expect(again.notices.map((n) => n.code)).toEqual(['backends_reset']);
    expect(again.store.list().backends.map((b) => b.config.id)).toEqual(['local-site']);
    expect((await readdir(dataDir)).some((f) => f.startsWith('backends.json.') && f !== 'backends.json')).toBe(true);
  });

  it('sets a damaged backend-secrets.json aside with a notice; the site then asks for its password again', async () => {
    const { store, dataDir } = await open();
    const saved = await store.saveWordPress(draft());
    if (!saved.ok) throw new Error('not saved');
    await writeFile(join(dataDir, 'backend-secrets.json'), 'not json');
    const again = await open(dataDir);
    expect(again.notices.map((n) => n.code)).toEqual(['backend_secrets_reset']);
    expect(again.store.list().backends[1]).toMatchObject({ config: { id: saved.value.config.id }, hasPassword: false });
    const backend = await again.store.backendFor(saved.value.config.id);
    expect(backend.ok ? null : backend.error.code).toBe('backend_secret_unavailable');
    // Typing it again puts it right.
    expect((await again.store.saveWordPress(draft({ id: saved.value.config.id }))).ok).toBe(true);
    expect((await again.store.backendFor(saved.value.config.id)).ok).toBe(true);
  });

  it.each([
    ['an address that is not one', { siteUrl: 'ikke en adresse' }],
    ['ftp', { siteUrl: 'ftp://www.departementet.example' }],
    ['plain http to another machine', { siteUrl: 'http://www.departementet.example' }],
    ['credentials in the address', { siteUrl: 'https://admin:pw@www.departementet.example' }],
    ['an empty user name', { userName: '   ' }],
    ['a new backend without a password', { password: null }],
    ['an empty password', { password: '  ' }],
    ['the local site', { id: 'local-site' }],
  ])('refuses %s with backend_invalid and stores nothing', async (_name, overrides) => {
    const { store, events } = await open();
    const saved = await store.saveWordPress(draft(overrides as Partial<WordPressDraft>));
    expect(saved.ok ? null : saved.error.code).toBe('backend_invalid');
    expect(store.list().backends).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it.each([
    ['https://www.departementet.example/', 'https://www.departementet.example'],
    ['  https://www.departementet.example/wp-json/  ', 'https://www.departementet.example'],
    ['https://www.departementet.example/wp-json/wp/v2/posts', 'https://www.departementet.example'],
    ['https://www.departementet.example/nyheter/wp-admin/', 'https://www.departementet.example/nyheter'],
    ['www.departementet.example', 'https://www.departementet.example'],
    ['http://127.0.0.1:8082/', 'http://127.0.0.1:8082'],
    ['http://localhost:8080/wp-login.php', 'http://localhost:8080'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('stores %s as %s', async (typed, stored) => {
    const { store } = await open();
    const saved = await store.saveWordPress(draft({ siteUrl: typed }));
    expect(saved.ok ? saved.value.config : saved.error).toMatchObject({ siteUrl: stored });
  });

  it('keeps the stored password when editing without one, and forgets the last test when the address, user or password changes', async () => {
    const { store } = await open();
    const saved = await store.saveWordPress(draft());
    if (!saved.ok) throw new Error('not saved');
    const id = saved.value.config.id;
    expect((await store.test(id, null)).ok).toBe(true);
    expect(store.list().backends[1]?.lastReport?.grant.displayName).toBe('Rita Redaktør');
    expect(store.grantFor(id)?.roles).toEqual(['editor']);

    // A new name or withdraw choice keeps the report.
    const renamed = await store.saveWordPress(draft({ id, label: 'Nytt namn', password: null, withdrawMode: 'trash' }));
    expect(renamed.ok && renamed.value.lastReport?.grant.backendId).toBe(id);
    expect(renamed.ok && renamed.value.config).toMatchObject({ label: 'Nytt namn', withdrawMode: 'trash' });

    for (const change of [{ siteUrl: 'https://www.departementet.example/nyheiter' }, { userName: 'en-annen' }, { password: 'nytt passord' }]) {
      await store.saveWordPress(draft({ id }));
      expect((await store.test(id, null)).ok).toBe(true);
      expect(store.grantFor(id)).not.toBeNull();
      const changed = await store.saveWordPress(draft({ id, password: null, ...change }));
      expect(changed.ok && changed.value.lastReport).toBeNull();
      expect(store.grantFor(id)).toBeNull();
    }
    await store.saveWordPress(draft({ id }));
    // The original password still works after edits without one.
    const edited = await store.saveWordPress(draft({ id, password: null }));
    expect(edited.ok).toBe(true);
    expect((await store.test(id, null)).ok).toBe(true);
  });

  it('never sends a stored password to another site: a new origin needs the password typed again', async () => {
    const { store, built } = await open();
    const saved = await store.saveWordPress(draft());
    if (!saved.ok) throw new Error('not saved');
    const id = saved.value.config.id;
    const elsewhere = { id, password: null, siteUrl: 'https://www.departementet.example.evil.no' };
    const tested = await store.test(id, draft(elsewhere));
    expect(tested.ok ? null : tested.error.code).toBe('backend_password_needed');
    const moved = await store.saveWordPress(draft(elsewhere));
    expect(moved.ok ? null : moved.error.code).toBe('backend_password_needed');
    expect(store.config(id)).toMatchObject({ siteUrl: 'https://www.departementet.example' });
    expect(built.filter((b) => (b.config as { siteUrl?: string }).siteUrl?.includes('evil'))).toEqual([]);
    // With the password typed again, the move is the user's choice.
    expect((await store.saveWordPress(draft({ ...elsewhere, password: PASSWORD }))).ok).toBe(true);
  });

  it('tests a draft before saving, and saving exactly those values keeps the report', async () => {
    const { store, events } = await open();
    const wrong = await store.test('new', draft({ password: 'feil passord' }));
    expect(wrong.ok ? null : wrong.error.code).toBe('backend_auth_failed');
    const tested = await store.test('new', draft());
    expect(tested.ok && tested.value.grant.roles).toEqual(['editor']);
    expect(events).toEqual([]);
    const saved = await store.saveWordPress(draft({ siteUrl: 'https://www.departementet.example/wp-admin' }));
    if (!saved.ok) throw new Error('not saved');
    expect(saved.value.lastReport?.grant.backendId).toBe(saved.value.config.id);
    expect(store.grantFor(saved.value.config.id)?.displayName).toBe('Rita Redaktør');
    // A draft of a saved backend without a password is tested with the stored one.
    const stored = await store.test(saved.value.config.id, draft({ id: saved.value.config.id, password: null }));
    expect(stored.ok).toBe(true);
  });

  it('a failed test answers the backend error and keeps the last good report', async () => {
    const { store } = await open();
    const saved = await store.saveWordPress(draft());
    if (!saved.ok) throw new Error('not saved');
    const id = saved.value.config.id;
    await store.test(id, null);
    const failed = await store.test(id, draft({ id, password: 'feil' }));
    expect(failed.ok ? null : failed.error.code).toBe('backend_auth_failed');
    expect(store.grantFor(id)?.roles).toEqual(['editor']);
  });

  it('activates a backend; removing the active one makes the local site active; the local site stays', async () => {
    const { store, settings, events, dataDir } = await open();
    const saved = await store.saveWordPress(draft());
    if (!saved.ok) throw new Error('not saved');
    const id = saved.value.config.id;
    const activated = await store.activate(id);
    expect(activated.ok && activated.value.activeBackendId).toBe(id);
    expect(store.activeId()).toBe(id);
    expect(events.at(-1)).toEqual(['backends:changed', expect.objectContaining({ activeId: id })]);
    expect((await store.activate('wp-finnes-ikke')).ok).toBe(false);

    const local = await store.remove('local-site');
    expect(local.ok ? null : local.error.code).toBe('backend_invalid');
    expect((await store.remove(id)).ok).toBe(true);
    expect(settings.get().activeBackendId).toBe('local-site');
    expect(store.list().backends.map((b) => b.config.id)).toEqual(['local-site']);
    expect((await store.backendFor(id)).ok).toBe(false);
    expect(await readFile(join(dataDir, 'backend-secrets.json'), 'utf8')).not.toContain(id);
    const removedAgain = await store.remove(id);
    expect(removedAgain.ok ? null : removedAgain.error.code).toBe('backend_not_configured');
  });

  it('grantFor: the local site grants everything; WordPress what the last test found, or null', async () => {
    const { store } = await open();
    expect(store.grantFor('local-site')).toMatchObject({ kind: 'local-site', capabilities: { publish: true, approve: true } });
    const saved = await store.saveWordPress(draft());
    if (!saved.ok) throw new Error('not saved');
    expect(store.grantFor(saved.value.config.id)).toBeNull();
    await store.test(saved.value.config.id, null);
    expect(store.grantFor(saved.value.config.id)).toMatchObject({ kind: 'wordpress', displayName: 'Rita Redaktør' });
    expect(store.grantFor('wp-ukjent')).toBeNull();
  });

  it('drops a cached backend when its settings change', async () => {
    const built: { config: unknown; password?: string }[] = [];
    const { store } = await open(undefined, built);
    const saved = await store.saveWordPress(draft());
    if (!saved.ok) throw new Error('not saved');
    const first = await store.backendFor(saved.value.config.id);
    await store.saveWordPress(draft({ id: saved.value.config.id, password: 'nytt' }));
    const second = await store.backendFor(saved.value.config.id);
    expect(first.ok && second.ok && first.value !== second.value).toBe(true);
    expect(built.at(-1)?.password).toBe('nytt');
  });
});
