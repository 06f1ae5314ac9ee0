import type { BlockStats } from '../../../../shared/domain/language';

/** Words that belong to one målform only, needed before we say anything. */
export const MIN_OTHER_FORM_WORDS = 8;
/** ...and they must outnumber the document's own forms at least this many times. */
export const OTHER_FORM_RATIO = 2;

/**
 * Whether the text reads as the other målform: enough one-form evidence, and the other form
 * clearly ahead. A Nynorsk text quoting a Bokmål paragraph keeps its own forms in the lead and
 * is not flagged; a pasted Bokmål press release in a Nynorsk document is.
 */
export function readsAsOtherForm(stats: Pick<BlockStats, 'thisForm' | 'otherForm'>): boolean {
  return stats.otherForm >= MIN_OTHER_FORM_WORDS && stats.otherForm >= OTHER_FORM_RATIO * stats.thisForm;
}

/** Adds up figures (body, title, ingress). */
export function addStats(...all: readonly BlockStats[]): BlockStats {
  return all.reduce((sum, s) => ({ words: sum.words + s.words, thisForm: sum.thisForm + s.thisForm, otherForm: sum.otherForm + s.otherForm }), { words: 0, thisForm: 0, otherForm: 0 });
}
