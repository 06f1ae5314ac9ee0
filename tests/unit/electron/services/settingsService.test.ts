import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../electron/services/eventBus';
import { silentLogger } from '../../../../electron/services/logger';
import { SettingsService, type Notice } from '../../../../electron/services/settingsService';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/settings';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'melding-settings-'));
}

describe('SettingsService', () => {
  it('starts with defaults and remembers a change across a reopen', async () => {
    const dir = await tempDir();
    const first = await SettingsService.open(dir, new EventBus(), silentLogger, []);
    expect(first.get().uiLanguage).toBeNull();
    const result = await first.update({ uiLanguage: 'nn' });
    expect(result).toMatchObject({ ok: true, value: { uiLanguage: 'nn' } });

    const second = await SettingsService.open(dir, new EventBus(), silentLogger, []);
    expect(second.get().uiLanguage).toBe('nn');
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, uiLanguage: 'nn' });
  });

  it('emits settings:changed after a successful save', async () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe((event, payload) => seen.push([event, payload]));
    const service = await SettingsService.open(await tempDir(), bus, silentLogger, []);
    await service.update({ uiLanguage: 'en' });
    expect(seen).toEqual([['settings:changed', { ...DEFAULT_SETTINGS, uiLanguage: 'en' }]]);
  });

  it.each([
    ['zero bytes', ''],
    ['truncated JSON', '{"schemaVersion": 1, "uiLang'],
    ['wrong shape', '{"schemaVersion": 1, "uiLanguage": "klingon"}'],
  ])('sets a corrupt file (%s) aside, uses defaults and tells the user', async (_name, content) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), content);
    const notices: Notice[] = [];
    const service = await SettingsService.open(dir, new EventBus(), silentLogger, notices, () => new Date('2026-11-23T10:00:00Z'));
    expect(service.get().uiLanguage).toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.code).toBe('settings_reset');
    const files = await readdir(dir);
    const asideName = files.find((f) => f.startsWith('settings.json.corrupt-'));
    expect(asideName).toBeDefined();
    expect(await readFile(join(dir, asideName as string), 'utf8')).toBe(content);
    expect(files).not.toContain('settings.json');
    // The next save writes a good file again.
    await service.update({ uiLanguage: 'nb' });
    expect((await SettingsService.open(dir, new EventBus(), silentLogger, [])).get().uiLanguage).toBe('nb');
  });

  it('keeps the old value and answers storage_failed when the file cannot be replaced', async () => {
    // A folder where settings.json should be makes the final rename fail, for root too.
    const dir = await tempDir();
    const service = await SettingsService.open(dir, new EventBus(), silentLogger, []);
    await mkdir(join(dir, 'settings.json', 'occupied'), { recursive: true });
    const result = await service.update({ uiLanguage: 'nn' });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    expect(service.get().uiLanguage).toBeNull();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('SettingsService ordering', () => {
  it('writes quick successive changes to disk in the order they were made', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'melding-settings-'));
    const service = await SettingsService.open(dir, new EventBus(), silentLogger, []);
    const answers = await Promise.all([service.update({ uiLanguage: 'nn' }), service.update({ uiLanguage: 'en' }), service.update({ uiLanguage: 'nn' })]);
    expect(answers.map((a) => (a.ok ? a.value.uiLanguage : a.error.code))).toEqual(['nn', 'en', 'nn']);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ uiLanguage: 'nn' });
    const reopened = await SettingsService.open(dir, new EventBus(), silentLogger, []);
    expect(reopened.get().uiLanguage).toBe('nn');
  });
});
