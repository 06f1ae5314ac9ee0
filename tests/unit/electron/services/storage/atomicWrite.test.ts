import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWrite } from '../../../../../electron/services/storage/atomicWrite';
import { CorruptFileError, DurableJsonFile } from '../../../../../electron/services/storage/durableJsonFile';

describe('atomicWrite', () => {
  it('replaces the file and leaves no temp files behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'melding-atomic-'));
    const path = join(dir, 'doc.json');
    await atomicWrite(path, 'one');
    await atomicWrite(path, 'two');
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('leaves the old content in place when the write fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'melding-atomic-'));
    const path = join(dir, 'doc.json');
    await atomicWrite(path, 'safe');
    await expect(atomicWrite(join(dir, 'missing-folder', 'doc.json'), 'x')).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('safe');
  });
});

describe('DurableJsonFile', () => {
  it('reads null for a missing file and round-trips data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'melding-json-'));
    const file = new DurableJsonFile<{ a: number }>(join(dir, 'x.json'));
    expect(await file.read()).toBeNull();
    await file.write({ a: 1 });
    expect(await file.read()).toEqual({ a: 1 });
  });

  it('reports empty and malformed files as corrupt rather than as missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'melding-json-'));
    for (const content of ['', '   \n', '{"a":', '\u0000\u0000']) {
      await writeFile(join(dir, 'x.json'), content);
      await expect(new DurableJsonFile(join(dir, 'x.json')).read()).rejects.toBeInstanceOf(CorruptFileError);
    }
  });
});
