import type { DocumentType, Maalform } from '../domain/vocabulary';

/**
 * Words printed in a document itself (preview, published page): they follow the document's
 * målform, not the language of the app. A Nynorsk news item says "Nyheit" even when the writer
 * runs Melding in English.
 */
export interface DocumentLabels {
  readonly types: Readonly<Record<DocumentType, string>>;
  readonly contacts: string;
  readonly embargo: string;
  readonly at: string;
  /** After a sperrefrist in the editor: the time is Oslo's, whatever the machine's zone. */
  readonly norwegianTime: string;
  readonly phone: string;
  readonly email: string;
  readonly photo: string;
  /** The one image shown above the text (hovedbilde / hovudbilete). */
  readonly featuredImage: string;
}

export const DOCUMENT_LABELS: Readonly<Record<Maalform, DocumentLabels>> = {
  nb: {
    types: { pressemelding: 'Pressemelding', nyhet: 'Nyhet', artikkel: 'Artikkel' },
    contacts: 'Pressekontakter',
    embargo: 'Sperrefrist',
    at: 'kl.',
    norwegianTime: 'norsk tid',
    phone: 'Telefon',
    email: 'E-post',
    photo: 'Foto',
    featuredImage: 'Hovedbilde',
  },
  nn: {
    types: { pressemelding: 'Pressemelding', nyhet: 'Nyheit', artikkel: 'Artikkel' },
    contacts: 'Pressekontaktar',
    embargo: 'Sperrefrist',
    at: 'kl.',
    norwegianTime: 'norsk tid',
    phone: 'Telefon',
    email: 'E-post',
    photo: 'Foto',
    featuredImage: 'Hovudbilete',
  },
};
