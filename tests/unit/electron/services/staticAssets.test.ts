import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticAsset } from '../../../../electron/services/staticAssets';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'melding-static-'));
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'data.bin'), 'x');
  await writeFile(outside, 'secret');
  await symlink(outside, join(root, 'assets', 'link.txt'));
});

describe('resolveStaticAsset', () => {
  it('serves index.html for / and files inside the folder with their type', async () => {
    expect((await resolveStaticAsset(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await resolveStaticAsset(root, '/assets/app.js'))?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/link.txt',
    '/assets/app.js%00.html',
    '/%E0%A4%A',
    '/missing.js',
    '/assets',
    '/assets/data.bin',
  ])('refuses %s', async (path) => {
    expect(await resolveStaticAsset(root, path)).toBeNull();
  });
});
