import type { Contact } from './contact';
import type { PressContact } from './document';

/**
 * Why a contact entry was refused. The renderer shows `contacts.validation.<code>` in the UI
 * language; the service answers `contact_invalid` with the same codes per field.
 */
export const CONTACT_ISSUES = ['name_required', 'name_too_long', 'role_too_long', 'phone_invalid', 'email_invalid', 'contact_required'] as const;
export type ContactIssue = (typeof CONTACT_ISSUES)[number];

export const CONTACT_FIELDS = ['name', 'roleNb', 'roleNn', 'phone', 'email'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** What the user fills in for a register entry; `id` is null for a new person. */
export interface ContactDraft {
  readonly id: string | null;
  readonly name: string;
  readonly roleNb: string;
  readonly roleNn: string;
  readonly phone: string;
  readonly email: string;
}

/** Field → the first issue found there; empty when the draft is valid. */
export type ContactIssues = Partial<Record<ContactField, ContactIssue>>;

/** Digits, spaces and an optional leading +, with at least five digits: "+47 22 24 00 01", "22240001". */
const PHONE = /^\+?[0-9 ]+$/;
/** A pragmatic e-mail shape: something@domain.tld, no spaces. Deliverability is not ours to judge. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const NAME_MAX = 200;
const ROLE_MAX = 200;
const PHONE_MAX = 50;
const EMAIL_MAX = 200;

/**
 * Checks a draft: the trimmed entry, or what is wrong in which field (every field at once, so
 * a form can mark them all). Pure, and the same on both sides of the contract.
 */
export function validateContact(draft: ContactDraft): { ok: true; value: ContactDraft } | { ok: false; issues: ContactIssues } {
  const value: ContactDraft = {
    id: draft.id,
    name: draft.name.trim(),
    roleNb: draft.roleNb.trim(),
    roleNn: draft.roleNn.trim(),
    phone: draft.phone.trim(),
    email: draft.email.trim(),
  };
  const issues: ContactIssues = {};
  if (value.name === '') issues.name = 'name_required';
  else if (value.name.length > NAME_MAX) issues.name = 'name_too_long';
  if (value.roleNb.length > ROLE_MAX) issues.roleNb = 'role_too_long';
  if (value.roleNn.length > ROLE_MAX) issues.roleNn = 'role_too_long';
  if (value.phone !== '' && (value.phone.length > PHONE_MAX || !PHONE.test(value.phone) || value.phone.replace(/\D/g, '').length < 5)) issues.phone = 'phone_invalid';
  if (value.email !== '' && (value.email.length > EMAIL_MAX || !EMAIL.test(value.email))) issues.email = 'email_invalid';
  // The press must be able to reach the person somehow.
  if (value.phone === '' && value.email === '') issues.phone = 'contact_required';
  return Object.keys(issues).length === 0 ? { ok: true, value } : { ok: false, issues };
}

/** The copy a document keeps of a register entry. */
export function toPressContact(contact: Contact): PressContact {
  return { contactId: contact.id, name: contact.name, roleNb: contact.roleNb, roleNn: contact.roleNn, phone: contact.phone, email: contact.email };
}

/** True when the document's copy no longer matches the register entry it came from. */
export function differsFromRegister(copy: PressContact, entry: Contact): boolean {
  return copy.name !== entry.name || copy.roleNb !== entry.roleNb || copy.roleNn !== entry.roleNn || copy.phone !== entry.phone || copy.email !== entry.email;
}

/** Case- and accent-insensitive match of every typed word against name and both roles. */
export function contactMatches(contact: Pick<Contact, 'name' | 'roleNb' | 'roleNn'>, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nb');
  const words = fold(query).split(/\s+/).filter(Boolean);
  const haystack = fold(`${contact.name} ${contact.roleNb} ${contact.roleNn}`);
  return words.every((w) => haystack.includes(w));
}
