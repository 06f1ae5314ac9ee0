import { EMPTY_BODY, type Document, type DocumentContent, type RichNode } from '../../../shared/domain/document';

/** Fixed ids, so every writer run finds the documents the earlier (killed) runs made. */
export const CRASH_DOC_IDS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'] as const;

/** The counter of a brand-new document, which has no edit yet. */
export const NO_EDIT = -1;

const FILLER = 'Kommunen opplyser at arbeidet med den nye brua går etter planen, og at vegen blir opna for trafikk i løpet av hausten. ';

/**
 * The whole content the writer saves for edit number `counter`: every field names the counter,
 * so a file on disk tells exactly which edit it holds. The body grows and shrinks with the
 * counter (1–40 paragraphs, up to about 20 kB) so writes vary in size and take time.
 */
export function crashEdit(counter: number): DocumentContent {
  if (counter === NO_EDIT) {
    return { type: 'pressemelding', maalform: 'nb', title: '', ingress: '', body: structuredClone(EMPTY_BODY), contacts: [], images: [], tags: [], embargoAt: null, internalNote: '' };
  }
  const paragraphs: RichNode[] = [];
  for (let p = 0; p <= counter % 40; p++) {
    paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text: `Avsnitt ${p} av endring ${counter}. ${FILLER.repeat(1 + ((counter + p) % 4))}` }] });
  }
  return {
    type: 'pressemelding',
    maalform: 'nb',
    title: `Krasjtest ${counter}`,
    ingress: `Ingress for endring ${counter}.`,
    body: { type: 'doc', content: paragraphs },
    contacts: [],
    images: [],
    tags: [`runde-${counter % 7}`],
    embargoAt: null,
    internalNote: `Notat ${counter}`,
  };
}

/** Which edit a stored document holds, read from its title; null when it is none of the writer's. */
export function counterOf(doc: Document): number | null {
  if (doc.title === '') return NO_EDIT;
  const match = /^Krasjtest (\d+)$/.exec(doc.title);
  return match ? Number(match[1]) : null;
}

/** The editable part of a document, to compare with `crashEdit`. */
export function contentOf(doc: Document): DocumentContent {
  const { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote } = doc;
  return { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote };
}
