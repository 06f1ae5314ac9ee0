import { describe, expect, it } from 'vitest';
import { checkWordPressForm, passwordForDraft } from '../../../../renderer/src/features/settings/wordPressFormCheck';
import type { WordPressDraft } from '../../../../shared/domain/publishing';

const draft = (overrides: Partial<WordPressDraft> = {}): WordPressDraft => ({
  id: null,
  label: '',
  siteUrl: 'https://www.dep.example',
  userName: 'kari',
  password: 'abcd efgh',
  withdrawMode: 'draft',
  ...overrides,
});

describe('checkWordPressForm', () => {
  it('accepts a complete new site, and an edit without a new password', () => {
    expect(checkWordPressForm(draft())).toEqual({});
    expect(checkWordPressForm(draft({ id: 'wp-abcd1234', password: null }))).toEqual({});
  });

  it.each([
    [{ siteUrl: '  ' }, { siteUrl: 'siteUrlRequired' }],
    [{ siteUrl: 'http://www.dep.example' }, { siteUrl: 'insecure' }],
    [{ siteUrl: 'ftp://www.dep.example' }, { siteUrl: 'scheme' }],
    [{ siteUrl: 'https://kari:pw@www.dep.example' }, { siteUrl: 'credentials' }],
    [{ siteUrl: 'https://exa mple' }, { siteUrl: 'not_url' }],
    [{ userName: ' ' }, { userName: 'userRequired' }],
    [{ password: '' }, { password: 'passwordRequired' }],
    [{ password: null }, { password: 'passwordRequired' }],
  ])('names the field and the problem: %o', (overrides, expected) => {
    expect(checkWordPressForm(draft(overrides))).toEqual(expected);
  });

  it('allows plain http to this machine', () => {
    expect(checkWordPressForm(draft({ siteUrl: 'http://127.0.0.1:8082/wp-admin/' }))).toEqual({});
  });
});

describe('passwordForDraft', () => {
  it('keeps the stored password when the field is left empty while editing', () => {
    expect(passwordForDraft('', true)).toBeNull();
    expect(passwordForDraft('  ', true)).toBeNull();
    expect(passwordForDraft('', false)).toBe('');
    expect(passwordForDraft('ny', true)).toBe('ny');
  });
});
