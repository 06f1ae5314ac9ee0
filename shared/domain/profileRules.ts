/**
 * Checks on a profile as the user typed it. Zod-free: the profile dialog shows the same issues
 * the service refuses with (profile_invalid).
 */
import { ROLES, type Role } from './vocabulary';

export const PROFILE_ISSUES = ['name_required', 'name_too_long', 'email_invalid', 'roles_required'] as const;
export type ProfileIssue = (typeof PROFILE_ISSUES)[number];

export interface ProfileDraft {
  readonly id: string | null;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
}

export interface ValidProfileDraft {
  readonly id: string | null;
  readonly name: string;
  readonly email: string;
  /** Without duplicates, in the order of ROLES. */
  readonly roles: Role[];
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const NAME_MAX = 200;
const EMAIL_MAX = 200;

/** Trims, de-duplicates roles, and answers the issues per field (none: the draft is valid). */
export function validateProfile(
  draft: ProfileDraft,
): { readonly ok: true; readonly value: ValidProfileDraft } | { readonly ok: false; readonly issues: Partial<Record<'name' | 'email' | 'roles', ProfileIssue>> } {
  const name = draft.name.trim().replace(/\s+/g, ' ');
  const email = draft.email.trim();
  const roles = ROLES.filter((role) => draft.roles.includes(role));
  const issues: Partial<Record<'name' | 'email' | 'roles', ProfileIssue>> = {};
  if (name === '') issues.name = 'name_required';
  else if (name.length > NAME_MAX) issues.name = 'name_too_long';
  if (email !== '' && (email.length > EMAIL_MAX || !EMAIL.test(email))) issues.email = 'email_invalid';
  if (roles.length === 0) issues.roles = 'roles_required';
  if (Object.keys(issues).length > 0) return { ok: false, issues };
  return { ok: true, value: { id: draft.id, name, email, roles } };
}
