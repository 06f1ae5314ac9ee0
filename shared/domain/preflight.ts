/**
 * The checklist before a text is sent for approval (and approved) or published. Pure and
 * zod-free: the services run it before every such step, the renderer shows its items (texts
 * under `workflow.preflight.<check>`).
 */
import type { Document } from './document';
import { EMBARGO_SOON_MS } from './embargo';

/** submit: sending for approval and approving; publish: publishing and scheduling. */
export type PreflightStage = 'submit' | 'publish';

export const PREFLIGHT_CHECKS = [
  'title',
  'ingress',
  'maalform',
  'spelling',
  'imageAlt',
  'imageCaption',
  'imageCredit',
  'contacts',
  'embargoFuture',
  'embargoTime',
] as const;
export type PreflightCheck = (typeof PREFLIGHT_CHECKS)[number];

export type PreflightField = 'title' | 'ingress' | 'body' | 'images' | 'contacts' | 'embargo' | 'maalform';

export interface PreflightItem {
  /** Stable within one run: the check, and for image checks `:<imageUseId>`. */
  readonly id: string;
  readonly check: PreflightCheck;
  /** A blocking item that is not ok stops the step; a warning is shown and the step may go on. */
  readonly severity: 'blocking' | 'warning';
  readonly ok: boolean;
  /** Where the problem is, for the checklist's link. */
  readonly target: { readonly field: PreflightField; readonly imageUseId?: string };
  /** spelling / maalform: how many words are marked. */
  readonly count?: number;
}

export interface PreflightContext {
  readonly now: Date;
  /** Open spelling errors in title, ingress and body; null when the check could not run (no item then). */
  readonly spelling: { readonly open: number } | null;
  /** Words in the other målform; null when the check could not run (no item then). */
  readonly maalformIssues: number | null;
}

export type PreflightDocument = Pick<Document, 'type' | 'title' | 'ingress' | 'images' | 'contacts' | 'embargoAt'>;

/**
 * The checklist for `stage`, every item with its outcome (ok ones too: the dialog shows what
 * passed). Blocking: title, ingress, alt text of every non-decorative image, contacts for a
 * press release, open spelling errors (the service lets the user accept them), and a
 * sperrefrist in the past when sending for approval. Warnings: caption and credit, words in the
 * other målform, a sperrefrist less than 15 minutes ahead — and at publishing, a sperrefrist
 * that has passed (the text then goes out at once, which is what the sperrefrist allowed).
 */
export function preflight(doc: PreflightDocument, stage: PreflightStage, ctx: PreflightContext): PreflightItem[] {
  const items: PreflightItem[] = [];
  const add = (check: PreflightCheck, severity: PreflightItem['severity'], ok: boolean, target: PreflightItem['target'], extra: { id?: string; count?: number } = {}) =>
    items.push({ id: extra.id ?? check, check, severity, ok, target, ...(extra.count === undefined ? {} : { count: extra.count }) });

  add('title', 'blocking', doc.title.trim() !== '', { field: 'title' });
  add('ingress', 'blocking', doc.ingress.trim() !== '', { field: 'ingress' });
  if (ctx.spelling !== null) add('spelling', 'blocking', ctx.spelling.open === 0, { field: 'body' }, { count: ctx.spelling.open });
  if (ctx.maalformIssues !== null) add('maalform', 'warning', ctx.maalformIssues === 0, { field: 'maalform' }, { count: ctx.maalformIssues });
  if (doc.type === 'pressemelding') add('contacts', 'blocking', doc.contacts.some((c) => c.name.trim() !== ''), { field: 'contacts' });

  for (const image of doc.images) {
    const target = { field: 'images' as const, imageUseId: image.id };
    add('imageAlt', 'blocking', image.decorative || image.alt.trim() !== '', target, { id: `imageAlt:${image.id}` });
    // A decorative image has no caption by design; its credit is still owed to the photographer.
    if (!image.decorative) add('imageCaption', 'warning', image.caption.trim() !== '', target, { id: `imageCaption:${image.id}` });
    add('imageCredit', 'warning', image.credit.trim() !== '', target, { id: `imageCredit:${image.id}` });
  }

  if (doc.embargoAt !== null) {
    const at = Date.parse(doc.embargoAt);
    const left = Number.isNaN(at) ? Number.NaN : at - ctx.now.getTime();
    const ahead = left > 0;
    add('embargoFuture', stage === 'submit' ? 'blocking' : 'warning', ahead, { field: 'embargo' });
    // Unreadable counts as not ahead above; here only a real, near time warns.
    add('embargoTime', 'warning', !(ahead && left < EMBARGO_SOON_MS), { field: 'embargo' });
  }
  return items;
}

/** The items that stop the step. With `acceptSpelling`, marked words the user accepted do not. */
export function blockingItems(items: readonly PreflightItem[], acceptSpelling: boolean): PreflightItem[] {
  return items.filter((item) => item.severity === 'blocking' && !item.ok && !(acceptSpelling && item.check === 'spelling'));
}
