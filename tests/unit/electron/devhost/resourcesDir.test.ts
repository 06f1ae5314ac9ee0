import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodePlatform } from '../../../../electron/devhost/nodePlatform';
import { findResourcesDir } from '../../../../electron/devhost/resourcesDir';
import { silentLogger } from '../../../../electron/services/logger';

describe('findResourcesDir', () => {
  it('finds the resources folder of the enclosing checkout from a bundle folder below it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'melding-checkout-'));
    await mkdir(join(root, 'resources', 'dictionaries'), { recursive: true });
    await writeFile(join(root, 'resources', 'dictionaries', 'nb.aff'), 'SET UTF-8\n');
    await mkdir(join(root, 'out', 'devhost'), { recursive: true });
    expect(findResourcesDir({ from: join(root, 'out', 'devhost') })).toBe(join(root, 'resources'));
  });

  it('prefers an explicit folder, and answers null where there is none', async () => {
    const lonely = await mkdtemp(join(tmpdir(), 'melding-nothing-'));
    expect(findResourcesDir({ override: 'some/where', from: lonely })).toBe(join(process.cwd(), 'some/where'));
    expect(findResourcesDir({ from: lonely })).toBeNull();
  });

  it('gives the devhost platform this repository’s resources by default', () => {
    const platform = new NodePlatform('/tmp/data', '1', silentLogger);
    expect(platform.resourcesDir).toBe(join(import.meta.dirname, '../../../../resources'));
  });
});
