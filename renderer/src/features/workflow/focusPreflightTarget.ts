import type { PreflightItem } from '../../../../shared/domain/preflight';

/** The image card field each image check is about. */
const IMAGE_FIELD: Partial<Record<PreflightItem['check'], string>> = { imageAlt: 'alt', imageCaption: 'caption', imageCredit: 'credit' };

/**
 * Where a checklist link leads inside the document form `root`: the field to fix. For an image,
 * its card's alt text, caption or credit; for contacts, the contact search; for the sperrefrist,
 * its date (or the switch that turns it on); for the målform and spelling, the body text.
 */
export function preflightTargetElement(root: ParentNode, item: Pick<PreflightItem, 'check' | 'target'>): HTMLElement | null {
  const q = (selector: string) => root.querySelector<HTMLElement>(selector);
  switch (item.target.field) {
    case 'title':
      return q('.title-input');
    case 'ingress':
      return q('.ingress-input');
    case 'body':
    case 'maalform':
      return q('.prose-editor');
    case 'contacts':
      return q('.contacts-field .contacts-add input') ?? q('.contacts-field button');
    case 'embargo':
      return q('.embargo-field .embargo-date') ?? q('.embargo-field input');
    case 'images': {
      const id = item.target.imageUseId;
      const cards = [...root.querySelectorAll<HTMLElement>('[data-image-use-card]')];
      const card = (id ? cards.find((c) => c.dataset.imageUseCard === id) : cards[0]) ?? null;
      const field = IMAGE_FIELD[item.check];
      const input = card && field ? card.querySelector<HTMLElement>(`[data-image-field="${field}"]`) : null;
      // A decorative image's alt field is disabled: its checkbox is the thing to change then.
      if (input && !(input as HTMLTextAreaElement).disabled) return input;
      return card?.querySelector<HTMLElement>('input, textarea') ?? card;
    }
    default:
      return null;
  }
}

/** Moves focus to the problem and brings it into view. Returns false when it is not on screen. */
export function focusPreflightTarget(root: ParentNode, item: Pick<PreflightItem, 'check' | 'target'>): boolean {
  const element = preflightTargetElement(root, item);
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}
