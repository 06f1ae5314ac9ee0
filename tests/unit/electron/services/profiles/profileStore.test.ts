import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../../electron/services/eventBus';
import { silentLogger } from '../../../../../electron/services/logger';
import { localGrantSource } from '../../../../../electron/services/profiles/currentGrant';
import { ProfileStore } from '../../../../../electron/services/profiles/profileStore';
import { SettingsService, type Notice } from '../../../../../electron/services/settingsService';

async function open(dir?: string) {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'melding-profiles-')));
  const bus = new EventBus();
  const events: [string, unknown][] = [];
  bus.subscribe((event, payload) => events.push([event, payload]));
  const notices: Notice[] = [];
  const settings = await SettingsService.open(dataDir, bus, silentLogger, notices);
  const profiles = await ProfileStore.open(dataDir, { bus, logger: silentLogger, newId: randomUUID, settings, systemUserName: () => 'kari' }, notices);
  return { dataDir, profiles, settings, events, notices };
}

describe('ProfileStore', () => {
  it('makes a first profile from the system user with every role and makes it active', async () => {
    const { dataDir, profiles, settings } = await open();
    const [first] = profiles.list();
    expect(first).toEqual({ id: expect.any(String), name: 'kari', email: '', roles: ['skribent', 'redaktor', 'publiserer'] });
    expect(settings.get().activeProfileId).toBe(first?.id);
    expect(profiles.actor()).toEqual({ profileId: first?.id, name: 'kari', email: '' });
    const onDisk = JSON.parse(await readFile(join(dataDir, 'profiles.json'), 'utf8'));
    expect(onDisk.profiles).toHaveLength(1);
    // Opening again does not make another.
    expect((await open(dataDir)).profiles.list()).toHaveLength(1);
  });

  it('creates, updates and activates profiles, announcing each change', async () => {
    const { profiles, settings, events } = await open();
    const created = await profiles.save({ id: null, name: ' Ola  Redaktør ', email: 'ola@dep.no', roles: ['redaktor'] });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ name: 'Ola Redaktør', roles: ['redaktor'] });
    const updated = await profiles.save({ ...created.value, roles: ['redaktor', 'publiserer'] });
    expect(updated.ok && updated.value.roles).toEqual(['redaktor', 'publiserer']);
    const activated = await profiles.activate(created.value.id);
    expect(activated.ok && activated.value.activeProfileId).toBe(created.value.id);
    expect(settings.get().activeProfileId).toBe(created.value.id);
    expect(profiles.active().name).toBe('Ola Redaktør');
    expect(events.at(-1)).toEqual(['profiles:changed', { profiles: profiles.list(), activeId: created.value.id }]);
    expect(events.some(([e]) => e === 'settings:changed')).toBe(true);
  });

  it('refuses an invalid profile, an unknown one and removing the active one', async () => {
    const { profiles } = await open();
    const invalid = await profiles.save({ id: null, name: '', email: 'nope', roles: [] });
    expect(invalid.ok ? null : invalid.error.code).toBe('profile_invalid');
    const unknown = await profiles.save({ id: 'gone', name: 'X', email: '', roles: ['skribent'] });
    expect(unknown.ok ? null : unknown.error.code).toBe('profile_not_found');
    const activeId = profiles.active().id;
    const removeActive = await profiles.remove(activeId);
    expect(removeActive.ok ? null : removeActive.error.code).toBe('profile_active');
    const removeUnknown = await profiles.remove('gone');
    expect(removeUnknown.ok ? null : removeUnknown.error.code).toBe('profile_not_found');
    const activateUnknown = await profiles.activate('gone');
    expect(activateUnknown.ok ? null : activateUnknown.error.code).toBe('profile_not_found');
    expect(profiles.list()).toHaveLength(1);
  });

  it('removes a profile that is not active', async () => {
    const { dataDir, profiles } = await open();
    const other = await profiles.save({ id: null, name: 'Per', email: '', roles: ['publiserer'] });
    if (!other.ok) throw new Error(other.error.message);
    expect((await profiles.remove(other.value.id)).ok).toBe(true);
    expect((await open(dataDir)).profiles.list().map((p) => p.name)).toEqual(['kari']);
  });

  it('falls back to the first profile when the active one is gone from the file', async () => {
    const { dataDir, profiles, settings } = await open();
    const first = profiles.active();
    await settings.update({ activeProfileId: 'vanished' });
    const reopened = await open(dataDir);
    expect(reopened.settings.get().activeProfileId).toBe(first.id);
  });

  it('sets an unreadable file aside, says so, and starts with a fresh profile', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'melding-profiles-'));
    await writeFile(join(dataDir, 'profiles.json'), '{"schemaVersion":1,"profiles":[{"id":""}]}');
    const { profiles, notices } = await open(dataDir);
    expect(notices.map((n) => n.code)).toContain('profiles_reset');
    expect(profiles.list()).toHaveLength(1);
    expect((await readdir(dataDir)).filter((name) => name.startsWith('profiles.json.corrupt-'))).toHaveLength(1);
  });
});

describe('localGrantSource', () => {
  it('grants everything on the local site and knows no other backend', () => {
    const grants = localGrantSource(() => new Date('2026-11-23T10:00:00Z'));
    expect(grants('local-site')?.capabilities).toEqual({ submit: true, approve: true, publish: true, uploadMedia: true, unpublish: true });
    expect(grants('wordpress-1')).toBeNull();
  });
});
