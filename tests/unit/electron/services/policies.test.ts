import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../../electron/services/dataDir';
import { isAllowedExternalUrl } from '../../../../electron/services/externalLink';
import { APP_ORIGIN, judgeSender, originOf } from '../../../../electron/services/senderPolicy';

describe('judgeSender', () => {
  it('trusts only the top frame of the app origin', () => {
    expect(judgeSender({ url: 'app://melding/index.html', isMainFrame: true }, APP_ORIGIN)).toEqual({ trusted: true });
    expect(judgeSender({ url: 'app://melding/index.html', isMainFrame: false }, APP_ORIGIN).trusted).toBe(false);
    expect(judgeSender({ url: 'https://melding/index.html', isMainFrame: true }, APP_ORIGIN).trusted).toBe(false);
    expect(judgeSender({ url: 'app://evil/index.html', isMainFrame: true }, APP_ORIGIN).trusted).toBe(false);
    expect(judgeSender({ url: 'file:///tmp/index.html', isMainFrame: true }, APP_ORIGIN).trusted).toBe(false);
    expect(judgeSender({ url: 'not a url', isMainFrame: true }, APP_ORIGIN).trusted).toBe(false);
    expect(judgeSender(null, APP_ORIGIN).trusted).toBe(false);
  });

  it('trusts the dev server origin when told to, port included', () => {
    const dev = originOf('http://localhost:5173');
    expect(judgeSender({ url: 'http://localhost:5173/', isMainFrame: true }, dev).trusted).toBe(true);
    expect(judgeSender({ url: 'http://localhost:5174/', isMainFrame: true }, dev).trusted).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://www.regjeringen.no/no/aktuelt/', 'https://sprakradet.no'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
  it.each(['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.no', 'app://melding/x', 'https://user:pw@example.com', 'smb://server/share', '', 'https://'])(
    'refuses %s',
    (url) => {
      expect(isAllowedExternalUrl(url)).toBe(false);
    },
  );
});

describe('isAllowedExternalUrl with configured sites', () => {
  // Settings take plain http only for this machine; the check does not depend on that.
  const sites = ['http://intranett.dep.local', 'http://127.0.0.1:8081'];
  it('allows plain http to a site the user configured, at its origin only', () => {
    expect(isAllowedExternalUrl('http://intranett.dep.local/2026/11/nye-legar/', sites)).toBe(true);
    expect(isAllowedExternalUrl('http://127.0.0.1:8081/?p=12', sites)).toBe(true);
    expect(isAllowedExternalUrl('http://127.0.0.1:8082/?p=12', sites)).toBe(false);
    expect(isAllowedExternalUrl('http://intranett.dep.local.evil.no/', sites)).toBe(false);
    expect(isAllowedExternalUrl('http://user:pw@intranett.dep.local/', sites)).toBe(false);
    expect(isAllowedExternalUrl('http://example.com', sites)).toBe(false);
  });
});

describe('resolveDataDir', () => {
  const base = { env: {}, platform: 'linux' as const, homedir: '/home/kari' };
  it('prefers --data-dir, then MELDING_DATA_DIR, then the userData folder', () => {
    expect(resolveDataDir({ ...base, argv: ['--data-dir', '/x/y'] })).toBe('/x/y');
    expect(resolveDataDir({ ...base, argv: ['--data-dir=/x/z'] })).toBe('/x/z');
    expect(resolveDataDir({ ...base, argv: [], env: { MELDING_DATA_DIR: '/srv/m' } })).toBe('/srv/m');
    expect(resolveDataDir({ ...base, argv: [] })).toBe('/home/kari/.config/Melding');
    expect(resolveDataDir({ ...base, argv: [], env: { XDG_CONFIG_HOME: '/cfg' } })).toBe('/cfg/Melding');
    expect(resolveDataDir({ ...base, argv: [], platform: 'darwin' })).toBe('/home/kari/Library/Application Support/Melding');
  });

  it('makes a relative or ~ path absolute, as Electron requires', () => {
    expect(resolveDataDir({ ...base, argv: ['--data-dir', '~/melding'] })).toBe('/home/kari/melding');
    expect(resolveDataDir({ ...base, argv: ['--data-dir', 'lib'] })).toBe(resolve('lib'));
  });
});
