import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PersonalDictionary } from '../../../../../electron/services/language/personalDictionary';
import { silentLogger, type Logger } from '../../../../../electron/services/logger';

async function fileIn() {
  const dir = await mkdtemp(join(tmpdir(), 'melding-personal-'));
  return join(dir, 'language', 'personal-words.json');
}

describe('PersonalDictionary', () => {
  it('keeps one sorted list per målform in a JSON file', async () => {
    const file = await fileIn();
    const dict = await PersonalDictionary.open(file, silentLogger);
    expect(await dict.add('nn', 'Øyvind-planen')).toEqual({ ok: true, value: ['Øyvind-planen'] });
    expect(await dict.add('nn', ' blimsologi ')).toEqual({ ok: true, value: ['blimsologi', 'Øyvind-planen'] });
    expect(await dict.add('nn', 'blimsologi')).toEqual({ ok: true, value: ['blimsologi', 'Øyvind-planen'] });
    // Decomposed å is stored composed, so it matches what the checker compares.
    expect(await dict.add('nb', 'ga\u030ardsbruk')).toEqual({ ok: true, value: ['gårdsbruk'] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, nb: ['gårdsbruk'], nn: ['blimsologi', 'Øyvind-planen'] });
    expect(await dict.remove('nn', 'blimsologi')).toEqual({ ok: true, value: ['Øyvind-planen'] });
    expect(await dict.remove('nn', 'finst-ikkje')).toEqual({ ok: true, value: ['Øyvind-planen'] });
  });

  it('refuses entries that are not one word', async () => {
    const dict = await PersonalDictionary.open(await fileIn(), silentLogger);
    for (const bad of ['to ord', '   ', 'tab\there', 'ny\nlinje']) expect((await dict.add('nb', bad)).ok).toBe(false);
    expect(dict.words('nb')).toEqual([]);
  });

  it('sets a damaged file aside and starts empty', async () => {
    const file = await fileIn();
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, '{"version":1,"nb":[12]');
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (event) => warnings.push(event) };
    const dict = await PersonalDictionary.open(file, logger, () => new Date('2026-11-23T10:00:00Z'));
    expect(dict.words('nb')).toEqual([]);
    expect(warnings).toEqual(['language.personal_corrupt']);
    expect((await readdir(join(file, '..'))).some((f) => f.startsWith('personal-words.json.corrupt-'))).toBe(true);
    expect((await dict.add('nb', 'ord')).ok).toBe(true);
  });
});
