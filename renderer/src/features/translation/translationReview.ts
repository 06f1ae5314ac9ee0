import type { UnknownWord } from '../../../../shared/domain/translation';

/** The words to check after a translation, for the revision the translation stored. */
export interface TranslationReview {
  readonly revision: number;
  readonly words: readonly UnknownWord[];
}

/**
 * Held in memory only, never stored: the review outlives the editor's reload after the
 * translation (a new editor instance) but not the app, like the language check's marks.
 */
const reviews = new Map<string, TranslationReview>();

export function setTranslationReview(documentId: string, review: TranslationReview): void {
  reviews.set(documentId, review);
}

/** The review for this document, if it was made for the revision the editor opened. */
export function translationReviewFor(documentId: string, revision: number): TranslationReview | null {
  const review = reviews.get(documentId);
  return review && review.revision === revision ? review : null;
}

export function clearTranslationReview(documentId: string): void {
  reviews.delete(documentId);
}
