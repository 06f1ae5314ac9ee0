import sanitizeHtml from 'sanitize-html';
import type { Document, ImageUse, PressContact } from '../../../../shared/domain/document';
import { escapeHtml } from '../../../../shared/editor/escapeHtml';
import { figureHtml } from '../../../../shared/editor/figureHtml';
import { bodyToHtml } from '../../../../shared/editor/serializeHtml';
import { DOCUMENT_LABELS } from '../../../../shared/i18n/documentLabels';

/** The class of the contact block in the content, so it can be found again when reading back. */
export const CONTACTS_CLASS = 'melding-contacts';

/**
 * Marks a post as made from a Melding document on a site without the companion plugin: an HTML
 * comment (kept by WordPress's filters, invisible on the page) that `search=` finds in drafts and
 * pending posts too, where a contributor's slug is cleared.
 */
export function idMarker(documentId: string): string {
  return `<!-- melding:${documentId} -->`;
}
export const ID_MARKER = /<!-- melding:([0-9a-f-]{36}) -->/;

/**
 * What publishing writes, and nothing else: the tags and attributes `bodyToHtml` and `figureHtml`
 * produce and the contact block. Everything is built escaped already; this is the second lock,
 * in case a future serialiser change lets something through.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'a', 'br', 'figure', 'img', 'figcaption', 'span', 'section'],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'], ol: ['start'], span: ['class'], section: ['class'] },
  allowedClasses: { span: ['credit'], section: [CONTACTS_CLASS] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

export function sanitize(html: string): string {
  // sanitize-html drops every comment; keep only our id marker.
  const marker = html.match(ID_MARKER)?.[0] ?? '';
  const clean = sanitizeHtml(html.replace(ID_MARKER, ''), SANITIZE);
  return marker ? `${clean}${marker}` : clean;
}

/** The contact block, in the document's målform, as the preview shows it. */
export function contactsHtml(contacts: readonly PressContact[], maalform: Document['maalform']): string {
  if (contacts.length === 0) return '';
  const labels = DOCUMENT_LABELS[maalform];
  const items = contacts.map((c) => {
    const role = maalform === 'nn' ? c.roleNn : c.roleNb;
    const parts = [`<strong>${escapeHtml(c.name)}</strong>`];
    if (role) parts.push(`, ${escapeHtml(role)}`);
    if (c.phone) parts.push(`<br>${escapeHtml(labels.phone)}: ${escapeHtml(c.phone)}`);
    if (c.email) parts.push(`<br>${escapeHtml(labels.email)}: <a href="mailto:${escapeHtml(c.email)}" rel="noopener noreferrer">${escapeHtml(c.email)}</a>`);
    return `<li>${parts.join('')}</li>`;
  });
  return `<section class="${CONTACTS_CLASS}"><h2>${escapeHtml(labels.contacts)}</h2><ul>${items.join('')}</ul></section>`;
}

/**
 * The post content: the body as the preview serialises it, figures pointing at the uploaded
 * images, then the contact block; sanitised; with the id marker where there is no plugin.
 */
export function contentHtml(doc: Pick<Document, 'id' | 'body' | 'images' | 'contacts' | 'maalform'>, srcFor: (use: ImageUse) => string | null, withMarker: boolean): string {
  const uses = new Map(doc.images.map((use) => [use.id, use]));
  const body = bodyToHtml(doc.body, {
    figure: (id) => {
      const use = uses.get(id);
      const src = use ? srcFor(use) : null;
      return use && src ? figureHtml(use, src, doc.maalform) : null;
    },
  });
  const html = sanitize(`${body}${contactsHtml(doc.contacts, doc.maalform)}`);
  return withMarker ? `${html}${idMarker(doc.id)}` : html;
}
