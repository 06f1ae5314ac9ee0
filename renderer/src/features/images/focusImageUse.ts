/** Moves focus to the caption of an image use in the images panel (from a figure in the body). */
export function focusImageUse(imageUseId: string): void {
  const card = document.querySelector<HTMLElement>(`[data-image-use-card="${CSS.escape(imageUseId)}"]`);
  const field = card?.querySelector<HTMLTextAreaElement>('[data-image-field="caption"]');
  if (!card || !field) return;
  card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  field.focus({ preventScroll: true });
}
