import type { RichNode } from '../../../shared/domain/document';

/**
 * The way text travels through Apertium and back. Only inline content goes through it: the
 * block structure (headings, lists, quotes, figures) never leaves Melding, so it cannot be
 * broken. Inside a block, bold and italic travel as `<b>`/`<i>`, a link as `<a data-m="k">`
 * (its attributes stay here, so the href is untouched), and anything Apertium must not read
 * as text — a hard break, a literal `*`, `#` or `@` (which would look like Apertium's own
 * marks for unknown words) — as an empty placeholder element. Apertium's `-f html` format
 * keeps tags as "superblanks" in place.
 */

type Mark = NonNullable<RichNode['marks']>[number];

/** One piece of text to translate, in Apertium's HTML, with what its placeholders stand for. */
export interface EncodedText {
  readonly html: string;
  /** Link marks, by `data-m`. */
  readonly links: readonly Mark[];
  /** Inline nodes (hard breaks) and literal characters, by `data-n`. */
  readonly atoms: readonly (RichNode | string)[];
}

/** A word Apertium marked as unknown, by offsets into the decoded text. */
export interface MarkedWord {
  readonly from: number;
  readonly to: number;
  readonly word: string;
}

export interface DecodedInline {
  readonly content: RichNode[];
  readonly unknown: MarkedWord[];
}

export interface DecodedPlain {
  readonly text: string;
  readonly unknown: MarkedWord[];
}

/** Characters Apertium uses as marks in its output; literal ones are sent as placeholders. */
const MARK_CHARS = /[*#@]/;
const SIMPLE_MARKS: Readonly<Record<string, string>> = { bold: 'b', italic: 'i' };
const TAG_OF_MARK = (mark: Mark): string => SIMPLE_MARKS[mark.type] ?? 'a';

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Addresses are not words: Apertium would turn "regjeringen.no" into "regjeringa.no" and mark
 * an e-mail address as unknown. Web addresses, e-mail addresses and domain names travel as
 * placeholders and come back exactly as written.
 */
const PROTECTED = /\bhttps?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|\b(?:[\p{L}\p{N}-]+\.)+(?:no|com|org|net|gov|edu|eu|int|info|io|se|dk|fi|is|uk|de)\b(?:\/[^\s<>"]*[^\s<>".,;:!?)\]])?/giu;

/** Escapes a run of text, with addresses and Apertium's mark characters as placeholders. */
function encodeRun(text: string, atoms: (RichNode | string)[], lineBreaks: boolean): string {
  let html = '';
  const placeholder = (literal: string) => {
    atoms.push(literal);
    return literal === '\n' ? `<br data-n="${atoms.length - 1}">` : `<span data-n="${atoms.length - 1}"></span>`;
  };
  const chars = (part: string) => {
    for (const ch of part) html += MARK_CHARS.test(ch) || (lineBreaks && ch === '\n') ? placeholder(ch) : escapeText(ch);
  };
  let last = 0;
  for (const m of text.matchAll(PROTECTED)) {
    chars(text.slice(last, m.index));
    html += placeholder(m[0]);
    last = m.index + m[0].length;
  }
  chars(text.slice(last));
  return html;
}

/** Encodes a block's inline content (text with marks, hard breaks). */
export function encodeInline(content: readonly RichNode[]): EncodedText {
  const links: Mark[] = [];
  const atoms: (RichNode | string)[] = [];
  let html = '';
  // The marks open now, outermost first.
  let open: Mark[] = [];
  const openTag = (mark: Mark): string => {
    const tag = TAG_OF_MARK(mark);
    if (tag !== 'a') return `<${tag}>`;
    links.push(mark);
    return `<a data-m="${links.length - 1}">`;
  };
  const closeTo = (keep: number): void => {
    while (open.length > keep) html += `</${TAG_OF_MARK(open.pop() as Mark)}>`;
  };
  const sameMark = (a: Mark, b: Mark): boolean => a.type === b.type && JSON.stringify(a.attrs ?? null) === JSON.stringify(b.attrs ?? null);
  for (const node of content) {
    const marks = node.type === 'text' ? (node.marks ?? []).filter((m) => m.type in SIMPLE_MARKS || m.type === 'link') : [];
    // Keep the longest run of open marks the node still has, in order; reopen the rest.
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep] as Mark, marks[keep] as Mark)) keep++;
    closeTo(keep);
    for (const mark of marks.slice(keep)) {
      html += openTag(mark);
      open.push(mark);
    }
    open = open.slice(0, marks.length);
    if (node.type === 'text') html += encodeRun(node.text ?? '', atoms, false);
    else {
      atoms.push(node);
      html += `<br data-n="${atoms.length - 1}">`;
    }
  }
  closeTo(0);
  // Marks other than bold, italic and link (none in the schema today) would be lost: keep them.
  return { html, links, atoms };
}

/** Encodes a plain field (title, ingress, caption, alt text, role); a line break is kept as is. */
export function encodePlain(text: string): EncodedText {
  const atoms: (RichNode | string)[] = [];
  return { html: encodeRun(text, atoms, true), links: [], atoms };
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntity(entity: string): string {
  const name = entity.slice(1, -1);
  if (name.startsWith('#x') || name.startsWith('#X')) {
    const code = Number.parseInt(name.slice(2), 16);
    return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
  }
  if (name.startsWith('#')) {
    const code = Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
  }
  return NAMED_ENTITIES[name] ?? entity;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_'’.@-]/u;
const WORD_START = /[\p{L}\p{M}\p{N}_]/u;

interface Piece {
  readonly text: string;
  readonly marks: readonly Mark[];
}

/**
 * Reads Apertium's answer for one piece back: tags become marks again (a tag Apertium moved
 * moves the mark with it; a misnested one is tolerated), placeholders their atoms, entities
 * characters, and `*word` (also `#word`, `@word`) an unknown word without its mark.
 */
function decodeToPieces(html: string, encoded: EncodedText): { pieces: (Piece | RichNode)[]; unknown: MarkedWord[] } {
  const pieces: (Piece | RichNode)[] = [];
  const active: Mark[] = [];
  const markers: number[] = [];
  let offset = 0;
  let plain = '';
  const pushText = (text: string) => {
    if (!text) return;
    const last = pieces[pieces.length - 1];
    if (last && isPiece(last) && sameMarks(last.marks, active)) pieces[pieces.length - 1] = { text: last.text + text, marks: last.marks };
    else pieces.push({ text, marks: [...active] });
    offset += text.length;
    plain += text;
  };
  const token = /<(\/?)([a-z]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>|&#?[a-z0-9]+;|[*#@](?=[\p{L}\p{M}\p{N}_])|[^<&*#@]+|[\s\S]/giuy;
  for (const m of html.matchAll(token)) {
    const whole = m[0];
    if (m[2] !== undefined) {
      const closing = m[1] === '/';
      const tag = m[2].toLowerCase();
      const attrs = m[3] ?? '';
      const n = /data-n="(\d+)"/.exec(attrs);
      const k = /data-m="(\d+)"/.exec(attrs);
      if (!closing && n) {
        const atom = encoded.atoms[Number(n[1])];
        if (typeof atom === 'string') pushText(atom);
        else if (atom) {
          pieces.push(atom);
          offset += 1;
          plain += '\n';
        }
        continue;
      }
      if (tag === 'b' || tag === 'i' || tag === 'a') {
        const type = tag === 'b' ? 'bold' : tag === 'i' ? 'italic' : 'link';
        if (closing) {
          const at = active.map((a) => a.type).lastIndexOf(type);
          if (at >= 0) active.splice(at, 1);
        } else {
          const mark = type === 'link' ? (k ? encoded.links[Number(k[1])] : undefined) : { type };
          if (mark && !active.some((a) => a.type === mark.type)) active.push(mark);
        }
      }
      // Any other tag (none is sent) is dropped rather than shown as text.
      continue;
    }
    if (whole.startsWith('&') && whole.endsWith(';') && whole.length > 2) pushText(decodeEntity(whole));
    else if (whole.length === 1 && MARK_CHARS.test(whole)) markers.push(offset);
    else pushText(whole);
  }
  const unknown: MarkedWord[] = [];
  for (const from of markers) {
    if (!WORD_START.test(plain[from] ?? '')) continue;
    let to = from;
    while (to < plain.length && WORD_CHAR.test(plain[to] as string)) to++;
    // A word ends before trailing punctuation ("helse." is "helse").
    while (to > from + 1 && /[.'’@-]/.test(plain[to - 1] as string)) to--;
    unknown.push({ from, to, word: plain.slice(from, to) });
  }
  return { pieces, unknown };
}

function isPiece(p: Piece | RichNode): p is Piece {
  return !('type' in p);
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((m, i) => JSON.stringify(m) === JSON.stringify(b[i]));
}

/** Decodes a translated block back to inline content (text nodes with marks, hard breaks). */
export function decodeInline(html: string, encoded: EncodedText): DecodedInline {
  const { pieces, unknown } = decodeToPieces(html, encoded);
  const content: RichNode[] = pieces.map((p) =>
    isPiece(p) ? (p.marks.length > 0 ? { type: 'text', text: p.text, marks: p.marks.map((m) => structuredClone(m)) } : { type: 'text', text: p.text }) : structuredClone(p),
  );
  return { content, unknown };
}

/** Decodes a translated plain field. */
export function decodePlain(html: string, encoded: EncodedText): DecodedPlain {
  const { pieces, unknown } = decodeToPieces(html, encoded);
  const text = pieces.map((p) => (isPiece(p) ? p.text : '\n')).join('');
  return { text, unknown };
}

/** Wraps pieces for one Apertium call: each in its own block, numbered from `first`. */
export function wrapPieces(htmls: readonly string[], first = 0): string {
  return htmls.map((html, i) => `<div data-s="${first + i}">${html}</div>`).join('\n');
}

/** Splits one Apertium answer back into its pieces; null if any is missing or doubled. */
export function unwrapPieces(output: string, first: number, count: number): string[] | null {
  const found: (string | undefined)[] = Array.from({ length: count }, () => undefined);
  for (const m of output.matchAll(/<div data-s="(\d+)">([\s\S]*?)<\/div>/g)) {
    const i = Number(m[1]) - first;
    if (i < 0 || i >= count || found[i] !== undefined) return null;
    found[i] = m[2] as string;
  }
  return found.every((f) => f !== undefined) ? (found as string[]) : null;
}

/** How many pieces of a streamed answer are complete (for progress). */
export function countClosedPieces(output: string): number {
  return output.split('</div>').length - 1;
}
