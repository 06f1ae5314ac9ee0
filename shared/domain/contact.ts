import { z } from 'zod';
import type { PressContact } from './document';

/**
 * Why a contact entry was refused. The renderer shows `contacts.validation.<code>` in the UI
 * language; the codes travel as zod issue messages so one schema serves both sides.
 */
export const CONTACT_ISSUES = ['name_required', 'name_too_long', 'role_too_long', 'phone_invalid', 'email_invalid', 'contact_required'] as const;
export type ContactIssue = (typeof CONTACT_ISSUES)[number];

/** Digits, spaces and an optional leading +, with at least five digits: "+47 22 24 00 01", "22240001". */
const PHONE = /^\+?[0-9 ]+$/;
/** A pragmatic e-mail shape: something@domain.tld, no spaces. Deliverability is not ours to judge. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const Role = z.string().trim().max(200, 'role_too_long');

/** What the user fills in for a register entry; `id` is null for a new person. */
export const ContactDraftSchema = z
  .object({
    id: z.string().min(1).max(64).nullable(),
    name: z.string().trim().min(1, 'name_required').max(200, 'name_too_long'),
    roleNb: Role,
    roleNn: Role,
    phone: z
      .string()
      .trim()
      .max(50, 'phone_invalid')
      .refine((v) => v === '' || (PHONE.test(v) && v.replace(/\D/g, '').length >= 5), 'phone_invalid'),
    email: z
      .string()
      .trim()
      .max(200, 'email_invalid')
      .refine((v) => v === '' || EMAIL.test(v), 'email_invalid'),
  })
  .strict()
  .refine((c) => c.phone !== '' || c.email !== '', { message: 'contact_required', path: ['phone'] });
export type ContactDraft = z.input<typeof ContactDraftSchema>;

/** A person in the contact register, as stored in `contacts.json`. */
export const ContactSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    roleNb: z.string().max(200),
    roleNn: z.string().max(200),
    phone: z.string().max(50),
    email: z.string().max(200),
  })
  .strict();
export type Contact = z.infer<typeof ContactSchema>;

export const CONTACT_FIELDS = ['name', 'roleNb', 'roleNn', 'phone', 'email'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Field → the first issue found there; empty when the draft is valid. */
export type ContactIssues = Partial<Record<ContactField, ContactIssue>>;

/** Checks a draft without throwing: the cleaned contact fields, or what is wrong where. */
export function validateContact(draft: ContactDraft): { ok: true; value: Omit<Contact, 'id'> & { id: string | null } } | { ok: false; issues: ContactIssues } {
  const parsed = ContactDraftSchema.safeParse(draft);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues: ContactIssues = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    const code = issue.message as ContactIssue;
    if (typeof field === 'string' && (CONTACT_FIELDS as readonly string[]).includes(field) && (CONTACT_ISSUES as readonly string[]).includes(code)) {
      issues[field as ContactField] ??= code;
    }
  }
  return { ok: false, issues };
}

/** The copy a document keeps of a register entry. */
export function toPressContact(contact: Contact): PressContact {
  return { contactId: contact.id, name: contact.name, roleNb: contact.roleNb, roleNn: contact.roleNn, phone: contact.phone, email: contact.email };
}

/** True when the document's copy no longer matches the register entry it came from. */
export function differsFromRegister(copy: PressContact, entry: Contact): boolean {
  return copy.name !== entry.name || copy.roleNb !== entry.roleNb || copy.roleNn !== entry.roleNn || copy.phone !== entry.phone || copy.email !== entry.email;
}

/** Case- and accent-insensitive match of a query against name and both roles. */
export function contactMatches(contact: Pick<Contact, 'name' | 'roleNb' | 'roleNn'>, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nb');
  const words = fold(query).split(/\s+/).filter(Boolean);
  const hay = fold(`${contact.name} ${contact.roleNb} ${contact.roleNn}`);
  return words.every((w) => hay.includes(w));
}
