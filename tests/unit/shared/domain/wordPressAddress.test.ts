import { describe, expect, it } from 'vitest';
import { isLoopbackHost, normalizeWordPressAddress } from '../../../../shared/domain/wordPressAddress';

describe('normalizeWordPressAddress', () => {
  it.each([
    ['https://www.dep.example', 'https://www.dep.example'],
    ['https://www.dep.example///', 'https://www.dep.example'],
    ['HTTPS://WWW.DEP.EXAMPLE/wp-json', 'https://www.dep.example'],
    ['https://www.dep.example/wp-json/wp/v2/users/me?context=edit', 'https://www.dep.example'],
    ['https://www.dep.example/aktuelt/wp-admin/post-new.php', 'https://www.dep.example/aktuelt'],
    ['https://www.dep.example/?p=12#top', 'https://www.dep.example'],
    ['www.dep.example', 'https://www.dep.example'],
    ['localhost:8080', 'https://localhost:8080'],
    ['http://127.0.0.1:8082/', 'http://127.0.0.1:8082'],
    ['http://127.3.4.5', 'http://127.3.4.5'],
    ['http://[::1]:8080/wp-login.php', 'http://[::1]:8080'],
    ['https://www.dep.example:8443/nyheter', 'https://www.dep.example:8443/nyheter'],
  ])('%s → %s', (typed, siteUrl) => {
    expect(normalizeWordPressAddress(typed)).toEqual({ ok: true, siteUrl });
  });

  it.each([
    ['', 'not_url'],
    ['ikke en adresse', 'not_url'],
    ['ftp://www.dep.example', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['http://www.dep.example', 'insecure'],
    ['http://10.0.0.5', 'insecure'],
    ['http://127.0.0.1.evil.example', 'insecure'],
    ['https://kari:hemmelig@www.dep.example', 'credentials'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(normalizeWordPressAddress(typed)).toEqual({ ok: false, problem });
  });

  it('knows this machine by name and address only', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost.dep.example')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});
