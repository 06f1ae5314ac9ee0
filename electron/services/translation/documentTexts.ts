import type { DocumentContent, Maalform, RichDoc, RichNode } from '../../../shared/domain/document';
import type { TranslatedField, UnknownWord } from '../../../shared/domain/translation';
import { decodeInline, decodePlain, encodeInline, encodePlain, type EncodedText } from './apertiumMarkup';

/** One text of a document that goes to Apertium, and where its translation goes back. */
export interface TextPiece {
  readonly field: TranslatedField;
  /** See UnknownWord.index. */
  readonly index: number;
  readonly encoded: EncodedText;
  /** Body pieces: the textblock whose content is replaced. */
  readonly node?: RichNode;
}

/** Blocks whose content is inline text (the rest hold blocks, or are atoms such as figures). */
function isTextblock(node: RichNode): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || (node.content?.length ? node.content.every((c) => c.type === 'text' || c.type === 'hardBreak') : false);
}

/** Every textblock of a body in document order (the order the editor's `descendants` walks). */
function textblocks(body: RichDoc): RichNode[] {
  const found: RichNode[] = [];
  const walk = (nodes: readonly RichNode[] | undefined) => {
    for (const node of nodes ?? []) {
      if (isTextblock(node)) found.push(node);
      else walk(node.content);
    }
  };
  walk(body.content);
  return found;
}

const hasText = (s: string) => s.trim() !== '';

/**
 * The document's texts to translate into `target`: title, ingress, every textblock of the body,
 * each image's caption and alt text, and each contact's role in the source målform (where the
 * role in the target målform is still empty). Works on a copy: `apply` fills that copy in.
 */
export function collectTexts(content: DocumentContent, target: Maalform): { draft: DocumentContent; pieces: TextPiece[] } {
  const draft = structuredClone(content);
  const pieces: TextPiece[] = [];
  if (hasText(draft.title)) pieces.push({ field: 'title', index: 0, encoded: encodePlain(draft.title) });
  if (hasText(draft.ingress)) pieces.push({ field: 'ingress', index: 0, encoded: encodePlain(draft.ingress) });
  textblocks(draft.body).forEach((node, index) => {
    if ((node.content ?? []).some((c) => c.type === 'text' && hasText(c.text ?? ''))) pieces.push({ field: 'body', index, encoded: encodeInline(node.content ?? []), node });
  });
  draft.images.forEach((image, index) => {
    if (hasText(image.caption)) pieces.push({ field: 'caption', index, encoded: encodePlain(image.caption) });
    if (hasText(image.alt)) pieces.push({ field: 'alt', index, encoded: encodePlain(image.alt) });
  });
  draft.contacts.forEach((contact, index) => {
    const from = target === 'nn' ? contact.roleNb : contact.roleNn;
    const to = target === 'nn' ? contact.roleNn : contact.roleNb;
    if (hasText(from) && !hasText(to)) pieces.push({ field: 'contactRole', index, encoded: encodePlain(from) });
  });
  return { draft, pieces };
}

/**
 * Puts the translations (Apertium's HTML, one per piece, same order) into the draft, which then
 * is the document in `target`, and answers the words Apertium did not know.
 */
export function applyTranslations(draft: DocumentContent, pieces: readonly TextPiece[], translated: readonly string[], target: Maalform): UnknownWord[] {
  const unknownWords: UnknownWord[] = [];
  pieces.forEach((piece, i) => {
    const html = translated[i] as string;
    const note = (unknown: readonly { from: number; to: number; word: string }[]) => {
      for (const u of unknown) unknownWords.push({ field: piece.field, index: piece.index, ...u });
    };
    if (piece.field === 'body' && piece.node) {
      const decoded = decodeInline(html, piece.encoded);
      piece.node.content = decoded.content;
      note(decoded.unknown);
      return;
    }
    const { text, unknown } = decodePlain(html, piece.encoded);
    note(unknown);
    switch (piece.field) {
      case 'title':
        draft.title = text;
        break;
      case 'ingress':
        draft.ingress = text;
        break;
      case 'caption':
        (draft.images[piece.index] as { caption: string }).caption = text;
        break;
      case 'alt':
        (draft.images[piece.index] as { alt: string }).alt = text;
        break;
      case 'contactRole': {
        const contact = draft.contacts[piece.index] as { roleNb: string; roleNn: string };
        if (target === 'nn') contact.roleNn = text;
        else contact.roleNb = text;
        break;
      }
      default:
        break;
    }
  });
  draft.maalform = target;
  return unknownWords;
}

/** The Apertium direction for a translation into `target`. */
export function pairFor(target: Maalform, nynorskInfinitive: 'a' | 'e'): string {
  if (target === 'nb') return 'nno-nob';
  return nynorskInfinitive === 'e' ? 'nob-nno_e' : 'nob-nno';
}
