import type { RichDoc } from '../domain/document';
import { escapeHtml } from './escapeHtml';
import { isAllowedHref } from './isAllowedHref';
import { LINK_REL } from './Link';
import { parseBody } from './schema';

/** How `bodyToHtml` renders what the body only references. */
export interface BodyToHtmlOptions {
  /**
   * The HTML of the figure for an ImageUse id, or null to leave it out (unknown id, image not
   * published). The string is inserted as it is: build it with `escapeHtml`.
   */
  figure: (imageUseId: string) => string | null;
}

/** A node as it may arrive: anything, checked field by field (the lenient path sees invalid input). */
interface LooseNode {
  type?: unknown;
  attrs?: unknown;
  content?: unknown;
  marks?: unknown;
  text?: unknown;
}

/** Where a node is being written: among blocks, inside a list, or inside a paragraph-like block. */
type Context = 'block' | 'list' | 'inline';

/** Deeper than this is not a press release; the rest is kept as plain text. */
const MAX_DEPTH = 64;

/** Marks from outermost to innermost, so adjacent text nodes share one `<a>` around their formatting. */
const MARK_ORDER = ['link', 'bold', 'italic'] as const;
type MarkName = (typeof MARK_ORDER)[number];
const MARK_TAG: Record<Exclude<MarkName, 'link'>, string> = { bold: 'strong', italic: 'em' };

const INLINE_TYPES = new Set(['text', 'hardBreak']);
const TEXTBLOCK_TAG: Record<string, string> = { paragraph: 'p' };
const WRAPPER_TAG: Record<string, string> = { blockquote: 'blockquote', bulletList: 'ul', orderedList: 'ol' };

/**
 * The body as HTML for the preview and for publishing, without a DOM or an Editor. The same JSON
 * always gives the same HTML. Safe by construction: only the body's own node and mark types are
 * written (unknown ones are dropped, their text kept), text and attribute values are escaped,
 * links other than http(s)/mailto become plain text and every link gets `rel="noopener noreferrer"`,
 * headings are h2 or h3, and no class or style attribute is ever written. Never throws: a body that
 * does not fit the schema is rendered leniently, keeping its text.
 */
export function bodyToHtml(body: RichDoc, options: BodyToHtmlOptions): string {
  const checked = parseBody(body);
  const root: unknown = checked ? checked.toJSON() : body;
  try {
    return new HtmlWriter(options).document(root);
  } catch {
    // Only a throwing `figure` callback or a hostile getter can get here; keep the words.
    return new HtmlWriter({ figure: () => null }).document(root);
  }
}

class HtmlWriter {
  private readonly out: string[] = [];
  /** Marks currently open inside the current textblock, outermost first, each with its closing tag. */
  private openMarks: { key: string; close: string }[] = [];

  constructor(private readonly options: BodyToHtmlOptions) {}

  document(root: unknown): string {
    const node = asNode(root);
    if (node) this.children(node, 'block', 0);
    return this.out.join('');
  }

  private children(node: LooseNode, context: Context, depth: number): void {
    if (!Array.isArray(node.content)) return;
    if (context === 'inline') {
      for (const child of node.content) this.node(child, 'inline', depth + 1);
      return;
    }
    // Inline content met among blocks (lenient path) is gathered into paragraphs.
    let loose: unknown[] = [];
    const flush = (): void => {
      if (loose.length === 0) return;
      this.textblock('p', { content: loose }, context, depth);
      loose = [];
    };
    for (const child of node.content) {
      const type = asNode(child)?.type;
      if (typeof type === 'string' && INLINE_TYPES.has(type)) loose.push(child);
      else {
        flush();
        this.node(child, context, depth + 1);
      }
    }
    flush();
  }

  private node(value: unknown, context: Context, depth: number): void {
    const node = asNode(value);
    if (!node) return;
    if (depth > MAX_DEPTH) {
      this.inlineText(plainTextOf(node), context);
      return;
    }
    const type = typeof node.type === 'string' ? node.type : '';
    if (type === 'text') this.text(node, context);
    else if (type === 'hardBreak') {
      if (context === 'inline') {
        this.closeMarks();
        this.out.push('<br>');
      }
    } else if (context === 'inline') {
      // A block inside a paragraph (lenient path): keep its words, drop its structure.
      this.children(node, 'inline', depth);
    } else if (TEXTBLOCK_TAG[type] !== undefined) this.textblock(TEXTBLOCK_TAG[type], node, context, depth);
    else if (type === 'heading') this.textblock(headingTag(node.attrs), node, context, depth);
    else if (type === 'listItem') this.element('li', '', node, 'block', context, depth);
    else if (WRAPPER_TAG[type] !== undefined) {
      const inner: Context = type === 'blockquote' ? 'block' : 'list';
      const attrs = type === 'orderedList' ? orderedListAttrs(node.attrs) : '';
      this.element(WRAPPER_TAG[type], attrs, node, inner, context, depth);
    } else if (type === 'figure') this.figure(node, context);
    else this.children(node, context, depth); // Unknown block: its content, without it.
  }

  /** An element holding blocks; inside a list anything but an item is made one. */
  private element(tag: string, attrs: string, node: LooseNode, inner: Context, context: Context, depth: number): void {
    const wrap = context === 'list' && tag !== 'li';
    if (wrap) this.out.push('<li>');
    if (context !== 'list' && tag === 'li') {
      this.children(node, context, depth); // An item outside a list: its blocks alone.
    } else {
      this.out.push(`<${tag}${attrs}>`);
      this.children(node, inner, depth);
      this.out.push(`</${tag}>`);
    }
    if (wrap) this.out.push('</li>');
  }

  private textblock(tag: string, node: LooseNode, context: Context, depth: number): void {
    const wrap = context === 'list';
    this.out.push(wrap ? `<li><${tag}>` : `<${tag}>`);
    this.children(node, 'inline', depth);
    this.closeMarks();
    this.out.push(wrap ? `</${tag}></li>` : `</${tag}>`);
  }

  private figure(node: LooseNode, context: Context): void {
    const id = isRecord(node.attrs) ? node.attrs.imageUseId : undefined;
    if (typeof id !== 'string' || id === '') return;
    const html = this.options.figure(id);
    if (typeof html !== 'string' || html === '') return;
    this.out.push(context === 'list' ? `<li>${html}</li>` : html);
  }

  private text(node: LooseNode, context: Context): void {
    if (typeof node.text !== 'string' || node.text === '') return;
    if (context !== 'inline') {
      this.inlineText(node.text, context);
      return;
    }
    this.setMarks(wantedMarks(node.marks));
    this.out.push(escapeHtml(node.text));
  }

  /** Text that has to stand on its own (too deep, or no textblock around it). */
  private inlineText(text: string, context: Context): void {
    if (text === '') return;
    if (context === 'inline') {
      this.closeMarks();
      this.out.push(escapeHtml(text));
    } else this.out.push(context === 'list' ? `<li><p>${escapeHtml(text)}</p></li>` : `<p>${escapeHtml(text)}</p>`);
  }

  /** Keeps the marks the next text shares with the previous one open, closes and opens the rest. */
  private setMarks(wanted: { key: string; open: string; close: string }[]): void {
    let keep = 0;
    while (keep < this.openMarks.length && keep < wanted.length && this.openMarks[keep]?.key === wanted[keep]?.key) keep++;
    this.closeMarks(keep);
    for (const mark of wanted.slice(keep)) {
      this.out.push(mark.open);
      this.openMarks.push({ key: mark.key, close: mark.close });
    }
  }

  private closeMarks(keep = 0): void {
    while (this.openMarks.length > keep) this.out.push(this.openMarks.pop()?.close ?? '');
  }
}

/** The marks of a text node as tags, in MARK_ORDER, each once; unknown marks and bad links are dropped. */
function wantedMarks(marks: unknown): { key: string; open: string; close: string }[] {
  if (!Array.isArray(marks)) return [];
  const wanted: { key: string; open: string; close: string }[] = [];
  for (const name of MARK_ORDER) {
    const mark = marks.map(asNode).find((m) => m?.type === name);
    if (!mark) continue;
    if (name === 'link') {
      const href = isRecord(mark.attrs) ? mark.attrs.href : undefined;
      if (!isAllowedHref(href)) continue;
      wanted.push({ key: `link:${href}`, open: `<a href="${escapeHtml(href)}" rel="${LINK_REL}">`, close: '</a>' });
    } else wanted.push({ key: name, open: `<${MARK_TAG[name]}>`, close: `</${MARK_TAG[name]}>` });
  }
  return wanted;
}

/** h2 or h3 whatever the JSON says: the title is the page's only h1, and the body goes no deeper. */
function headingTag(attrs: unknown): 'h2' | 'h3' {
  const level = isRecord(attrs) ? Number(attrs.level) : NaN;
  return level >= 3 ? 'h3' : 'h2';
}

function orderedListAttrs(attrs: unknown): string {
  const start = isRecord(attrs) ? attrs.start : undefined;
  return typeof start === 'number' && Number.isSafeInteger(start) && start !== 1 ? ` start="${start}"` : '';
}

/** All the text under a node, without recursion (it is used where the nesting is already too deep). */
function plainTextOf(root: LooseNode): string {
  const parts: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = asNode(stack.pop());
    if (!node) continue;
    if (typeof node.text === 'string') parts.push(node.text);
    if (Array.isArray(node.content)) for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]);
  }
  return parts.join(' ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asNode(value: unknown): LooseNode | null {
  return isRecord(value) ? value : null;
}
