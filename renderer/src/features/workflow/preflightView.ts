import type { ImageUse } from '../../../../shared/domain/document';
import type { PreflightCheck, PreflightField, PreflightItem } from '../../../../shared/domain/preflight';

/** The fields in the order the document form shows them, top to bottom. */
const FORM_ORDER: readonly PreflightField[] = ['title', 'ingress', 'maalform', 'body', 'images', 'contacts', 'embargo'];

/** One line of the checklist as the dialog shows it. */
export interface ChecklistLine {
  readonly item: PreflightItem;
  /** 1-based position of the image the item is about, for "Bilde 2 mangler …"; 0 when not an image item. */
  readonly imageNumber: number;
}

export interface ChecklistView {
  readonly blocking: readonly ChecklistLine[];
  readonly warnings: readonly ChecklistLine[];
  /** The checks that passed, once each (three images with alt text are one "Alternative tekster"). */
  readonly passed: readonly PreflightCheck[];
  /** Whether spelling is the one thing still blocking, so accepting the marked words lets the step go on. */
  readonly onlySpellingBlocks: boolean;
}

/**
 * Groups the pre-flight items for the dialog: what blocks, what warns, what passed. Failing
 * items follow the form from top to bottom, so working down the list walks down the document;
 * image items are numbered by the image's place in the document.
 */
export function checklistView(items: readonly PreflightItem[], images: readonly Pick<ImageUse, 'id'>[]): ChecklistView {
  const line = (item: PreflightItem): ChecklistLine => {
    const index = item.target.imageUseId ? images.findIndex((image) => image.id === item.target.imageUseId) : -1;
    return { item, imageNumber: index + 1 };
  };
  const place = (item: PreflightItem) => FORM_ORDER.indexOf(item.target.field);
  const failing = items.filter((item) => !item.ok).sort((a, b) => place(a) - place(b));
  const blocking = failing.filter((item) => item.severity === 'blocking').map(line);
  const warnings = failing.filter((item) => item.severity === 'warning').map(line);
  const failed = new Set(failing.map((item) => item.check));
  const passed = [...new Set(items.filter((item) => item.ok && !failed.has(item.check)).map((item) => item.check))];
  return { blocking, warnings, passed, onlySpellingBlocks: blocking.length > 0 && blocking.every((l) => l.item.check === 'spelling') };
}

/** Whether the step may go ahead: nothing blocks, or only spelling and the user accepted the words. */
export function stepMayProceed(view: ChecklistView, acceptSpelling: boolean): boolean {
  return view.blocking.length === 0 || (view.onlySpellingBlocks && acceptSpelling);
}
