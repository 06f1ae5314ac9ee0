import { describe, expect, it } from 'vitest';
import { contactMatches, differsFromRegister, toPressContact, validateContact, type ContactDraft } from '../../../../shared/domain/contactRules';

const kari: ContactDraft = {
  id: null,
  name: '  Kari Nordmann ',
  roleNb: 'kommunikasjonsrådgiver',
  roleNn: 'kommunikasjonsrådgivar',
  phone: '+47 22 24 00 01',
  email: 'kari.nordmann@hod.dep.no',
};

describe('contact validation', () => {
  it('accepts a complete entry and trims it', () => {
    const result = validateContact(kari);
    expect(result).toEqual({ ok: true, value: { ...kari, name: 'Kari Nordmann' } });
  });

  it.each([
    ['kari@', 'email_invalid'],
    ['kari.nordmann hod.dep.no', 'email_invalid'],
    ['kari@hod', 'email_invalid'],
    ['kari@@hod.no', 'email_invalid'],
  ])('refuses the e-mail %s with %s', (email, code) => {
    expect(validateContact({ ...kari, email })).toEqual({ ok: false, issues: { email: code } });
  });

  it.each(['22 24 00 01', '+4722240001', '22240001'])('accepts the phone number %s', (phone) => {
    expect(validateContact({ ...kari, phone }).ok).toBe(true);
  });

  it.each(['tlf 22 24 00 01', '22-24-00-01', '+', '12 3', '22 24 00 01+'])('refuses the phone number %s', (phone) => {
    expect(validateContact({ ...kari, phone })).toEqual({ ok: false, issues: { phone: 'phone_invalid' } });
  });

  it('needs a name, and a phone or an e-mail', () => {
    expect(validateContact({ ...kari, name: '   ' })).toEqual({ ok: false, issues: { name: 'name_required' } });
    expect(validateContact({ ...kari, phone: '', email: '' })).toEqual({ ok: false, issues: { phone: 'contact_required' } });
    expect(validateContact({ ...kari, phone: '' }).ok).toBe(true);
    expect(validateContact({ ...kari, email: '' }).ok).toBe(true);
  });

  it('reports every field at fault at once', () => {
    expect(validateContact({ ...kari, name: '', email: 'x', phone: 'abc', roleNb: 'r'.repeat(201) })).toEqual({
      ok: false,
      issues: { name: 'name_required', email: 'email_invalid', phone: 'phone_invalid', roleNb: 'role_too_long' },
    });
  });
});

describe('contacts in documents', () => {
  const entry = { id: 'c1', name: 'Kari Nordmann', roleNb: 'rådgiver', roleNn: 'rådgivar', phone: '22240001', email: 'kari@hod.dep.no' };

  it('copies a register entry and tells when the copy is out of date', () => {
    const copy = toPressContact(entry);
    expect(copy).toEqual({ contactId: 'c1', name: 'Kari Nordmann', roleNb: 'rådgiver', roleNn: 'rådgivar', phone: '22240001', email: 'kari@hod.dep.no' });
    expect(differsFromRegister(copy, entry)).toBe(false);
    expect(differsFromRegister(copy, { ...entry, phone: '22240002' })).toBe(true);
    expect(differsFromRegister(copy, { ...entry, roleNn: 'seniorrådgivar' })).toBe(true);
  });

  it('filters by name or role in either målform, ignoring case and accents', () => {
    expect(contactMatches(entry, 'kari')).toBe(true);
    expect(contactMatches(entry, 'NORD kari')).toBe(true);
    expect(contactMatches(entry, 'radgivar')).toBe(true);
    expect(contactMatches(entry, 'rådgiver')).toBe(true);
    expect(contactMatches(entry, 'ola')).toBe(false);
    expect(contactMatches(entry, '')).toBe(true);
  });
});
