import type { WordPressDraft } from '../../../../shared/domain/publishing';
import { normalizeWordPressAddress, type WordPressAddressProblem } from '../../../../shared/domain/wordPressAddress';

/** What is wrong with one field of the WordPress form: message keys under settings.publishing.form. */
export type WordPressFieldProblem = 'siteUrlRequired' | WordPressAddressProblem | 'userRequired' | 'passwordRequired';

export interface WordPressFormProblems {
  readonly siteUrl?: WordPressFieldProblem;
  readonly userName?: WordPressFieldProblem;
  readonly password?: WordPressFieldProblem;
}

/** The fields in the order the form shows them, so focus goes to the first one that needs fixing. */
export const WORDPRESS_FIELDS = ['siteUrl', 'userName', 'password'] as const;

/**
 * The same checks the service makes (it has the last word), done in the form so each field says
 * what is wrong with it in the user's language before anything is sent.
 */
export function checkWordPressForm(draft: WordPressDraft): WordPressFormProblems {
  const problems: { siteUrl?: WordPressFieldProblem; userName?: WordPressFieldProblem; password?: WordPressFieldProblem } = {};
  if (draft.siteUrl.trim() === '') problems.siteUrl = 'siteUrlRequired';
  else {
    const address = normalizeWordPressAddress(draft.siteUrl);
    if (!address.ok) problems.siteUrl = address.problem;
  }
  if (draft.userName.trim() === '') problems.userName = 'userRequired';
  // Editing: an empty field keeps the stored password. New: one is needed.
  if (draft.id === null && (draft.password ?? '').trim() === '') problems.password = 'passwordRequired';
  return problems;
}

/** The form's password field as the draft carries it: empty while editing keeps the stored one. */
export function passwordForDraft(typed: string, editing: boolean): string | null {
  return editing && typed.trim() === '' ? null : typed;
}
