import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodePlatform } from '../../../../electron/devhost/nodePlatform';
import { silentLogger } from '../../../../electron/services/logger';

describe('NodePlatform secrets', () => {
  it('seals a secret so the file holds no plain text, and opens it again in a new process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'melding-secret-'));
    const sealed = await new NodePlatform(dir, '1', silentLogger).encryptSecret('abcd EFGH 1234 ijkl');
    expect(Buffer.from(sealed).toString('utf8')).not.toContain('abcd EFGH');
    expect(await new NodePlatform(dir, '1', silentLogger).decryptSecret(sealed)).toBe('abcd EFGH 1234 ijkl');
    const key = await stat(join(dir, 'secret.key'));
    expect(key.mode & 0o777).toBe(0o600);
    expect((await readFile(join(dir, 'secret.key'))).length).toBe(32);
  });

  it('refuses a tampered secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'melding-secret-'));
    const platform = new NodePlatform(dir, '1', silentLogger);
    const sealed = Buffer.from(await platform.encryptSecret('passord'));
    sealed.writeUInt8((sealed.at(-1) ?? 0) ^ 0xff, sealed.length - 1);
    await expect(platform.decryptSecret(sealed)).rejects.toThrow();
  });
});

describe('NodePlatform file picking', () => {
  it('has no native dialog: the browser chooses files in the devhost', async () => {
    const platform = new NodePlatform(await mkdtemp(join(tmpdir(), 'melding-pick-')), '1', silentLogger);
    expect(await platform.pickFiles({ title: 'x', multiple: true, filters: [] })).toBeNull();
  });
});

describe('NodePlatform openPath', () => {
  it('answers false without a desktop to hand the file to (no DISPLAY)', async () => {
    const display = process.env.DISPLAY;
    delete process.env.DISPLAY;
    try {
      const platform = new NodePlatform(await mkdtemp(join(tmpdir(), 'melding-open-')), '1', silentLogger);
      expect(await platform.openPath('/tmp/site/index.html')).toBe(false);
    } finally {
      if (display !== undefined) process.env.DISPLAY = display;
    }
  });
});
