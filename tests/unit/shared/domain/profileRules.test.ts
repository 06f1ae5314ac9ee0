import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../../../shared/domain/profileRules';

describe('validateProfile', () => {
  it('trims, collapses spaces and orders and de-duplicates roles', () => {
    expect(validateProfile({ id: null, name: '  Kari   Nordmann ', email: ' kari@dep.no ', roles: ['publiserer', 'skribent', 'publiserer'] })).toEqual({
      ok: true,
      value: { id: null, name: 'Kari Nordmann', email: 'kari@dep.no', roles: ['skribent', 'publiserer'] },
    });
  });

  it('accepts an empty e-mail address', () => {
    expect(validateProfile({ id: 'p1', name: 'Kari', email: '', roles: ['redaktor'] }).ok).toBe(true);
  });

  it('names each problem', () => {
    expect(validateProfile({ id: null, name: ' ', email: 'kari@', roles: [] })).toEqual({
      ok: false,
      issues: { name: 'name_required', email: 'email_invalid', roles: 'roles_required' },
    });
    expect(validateProfile({ id: null, name: 'x'.repeat(201), email: '', roles: ['skribent'] })).toEqual({ ok: false, issues: { name: 'name_too_long' } });
  });
});
