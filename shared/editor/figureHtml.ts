import type { ImageUse } from '../domain/document';
import type { Maalform } from '../domain/vocabulary';
import { DOCUMENT_LABELS } from '../i18n/documentLabels';
import { escapeHtml } from './escapeHtml';

/**
 * An image use as published: `<figure><img src alt><figcaption>caption <span class="credit">Foto:
 * credit</span></figcaption></figure>`, the credit label in the document's målform. Used for the
 * featured image and, through `bodyToHtml`'s `figure` callback, for figures in the body, by the
 * preview and by publishing alike, so what is previewed is what is published. Everything is
 * escaped; a decorative image gets `alt=""` (screen readers skip it) whatever its alt text says,
 * and without caption or credit there is no figcaption.
 */
export function figureHtml(use: ImageUse, src: string, maalform: Maalform): string {
  const alt = use.decorative ? '' : use.alt.trim();
  const caption = use.caption.trim();
  const credit = use.credit.trim();
  const parts = [`<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`];
  if (caption || credit) {
    parts.push('<figcaption>', escapeHtml(caption));
    if (credit) parts.push(`${caption ? ' ' : ''}<span class="credit">${escapeHtml(DOCUMENT_LABELS[maalform].photo)}: ${escapeHtml(credit)}</span>`);
    parts.push('</figcaption>');
  }
  parts.push('</figure>');
  return parts.join('');
}
