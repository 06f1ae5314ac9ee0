import { isAllowedHref } from '../../../../shared/editor/isAllowedHref';
import { cleanText } from '../../../../shared/editor/paste/cleanText';
import { isMsoListMarker, msoListPlace, parseInlineStyle, styleBold, styleHidden, styleItalic, type InlineStyle } from '../../../../shared/editor/paste/inlineStyle';
import { isOrderedMarker } from '../../../../shared/editor/paste/listMarker';
import { PASTE_LIMITS } from '../../../../shared/editor/paste/pasteLimits';
import { nestWordLists, type WordListParagraph } from './nestWordLists';

/** Elements dropped with everything inside them: code, metadata, media, controls, navigation. */
const DROP = new Set([
  'script', 'style', 'template', 'xml', 'meta', 'link', 'title', 'head', 'base', 'noscript', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'video', 'audio', 'img', 'picture', 'source', 'track', 'map', 'area',
  'input', 'button', 'select', 'textarea', 'option', 'nav', 'dialog', 'hr', 'del', 'colgroup', 'col', 'wbr',
]);
/** Namespaced Office elements that are never text: VML drawings, Word XML, `<o:p>` spacers. */
const DROP_PREFIX = /^(?:v|w|m|o|x|wp|a|dt):/;
/** Word's comment furniture; comment text is not part of what was written. */
const DROP_CLASS = /\b(?:msocomanchor|msocomtxt|msocommentreference|msocomoff)\b/i;

const HEADINGS: Readonly<Record<string, 'h2' | 'h3'>> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h3', h5: 'h3', h6: 'h3' };
const KEEP_BLOCK: Readonly<Record<string, string>> = { p: 'p', ul: 'ul', ol: 'ol', li: 'li', blockquote: 'blockquote', pre: 'p', ...HEADINGS };
/** Structural elements whose content is kept, each as its own block (table cells stay apart). */
const CONTAINER = new Set([
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'address', 'center', 'details', 'summary', 'fieldset', 'legend',
  'form', 'body', 'html', 'hgroup', 'menu',
]);

interface Marks {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly href: string | null;
}

interface Frame {
  next: ChildNode | null;
  readonly out: Element;
  readonly marks: Marks;
  readonly depth: number;
  readonly pre: boolean;
  /** Inside Word's `<![if !supportLists]>` … `<![endif]>`: the list marker, not content. */
  skipping: boolean;
}

function markerText(paragraph: Element): string {
  // The marker is the text of the mso-list:Ignore span, or of what the supportLists comment hides.
  let text = '';
  let inConditional = false;
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, 0x1 | 0x4 | 0x80);
  for (let node = walker.nextNode(), seen = 0; node && seen < 200; node = walker.nextNode(), seen++) {
    if (node.nodeType === 8) {
      const data = (node as Comment).data.trim().toLowerCase();
      if (data.startsWith('[if !supportlists]')) inConditional = true;
      else if (data.startsWith('[endif]') && inConditional) return text;
    } else if (node.nodeType === 1 && isMsoListMarker(parseInlineStyle((node as Element).getAttribute('style')))) {
      return node.textContent ?? '';
    } else if (node.nodeType === 3 && inConditional) text += (node as Text).data;
  }
  return text;
}

function isEmptyBlock(el: Element): boolean {
  return !el.querySelector('br') && (el.textContent ?? '').trim() === '';
}

function keepPmSlice(value: string | null): string | null {
  // ProseMirror's own copy marks its open depths; keep that only when it names our node types.
  const match = value ? /^(\d{1,2}) (\d{1,2})(?: (\[.{0,500}\]))?$/.exec(value) : null;
  if (!match) return null;
  if (!match[3]) return value;
  try {
    const context: unknown = JSON.parse(match[3]);
    const known = new Set(['doc', 'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote']);
    return Array.isArray(context) && context.every((item, i) => (i % 2 === 0 ? typeof item === 'string' && known.has(item) : item === null || typeof item === 'object')) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Cleans clipboard HTML (Word, LibreOffice, Google Docs, web pages, e-mail) down to what a press
 * release body can hold: paragraphs, h2/h3 (h1 becomes h2, h4–h6 become h3), lists (Word's
 * `mso-list` paragraphs become real nested lists), blockquotes, line breaks, bold, italic and
 * http(s)/mailto links. Everything else — styles, classes, scripts, event handlers, images,
 * comments, Office XML — is dropped. The walk is iterative and nesting beyond
 * `PASTE_LIMITS.nestingDepth` is flattened, so a deeply nested "HTML bomb" cannot overflow the stack.
 */
export function cleanPastedHtml(html: string): string {
  const source = new DOMParser().parseFromString(html, 'text/html');
  const out = document.implementation.createHTMLDocument('');
  const root = out.body;
  const wordParagraphs: WordListParagraph[] = [];
  let pmSlice = keepPmSlice(source.querySelector('[data-pm-slice]')?.getAttribute('data-pm-slice') ?? null);

  const stack: Frame[] = [{ next: source.body.firstChild, out: root, marks: { bold: false, italic: false, href: null }, depth: 0, pre: false, skipping: false }];
  while (stack.length) {
    const frame = stack[stack.length - 1] as Frame;
    const node = frame.next;
    if (!node) {
      stack.pop();
      continue;
    }
    frame.next = node.nextSibling;

    if (node.nodeType === 8) {
      const data = (node as Comment).data.trim().toLowerCase();
      if (data.startsWith('[if !supportlists]')) frame.skipping = true;
      else if (data.startsWith('[endif]')) frame.skipping = false;
      continue;
    }
    if (frame.skipping) continue;
    if (node.nodeType === 3) {
      appendText(out, frame, (node as Text).data);
      continue;
    }
    if (node.nodeType !== 1) continue;

    const el = node as Element;
    const tag = el.localName.toLowerCase();
    const style = parseInlineStyle(el.getAttribute('style'));
    if (dropped(el, tag, style)) continue;

    const marks = nextMarks(tag, el, style, frame.marks);
    const depth = frame.depth + 1;
    const flatten = depth > PASTE_LIMITS.nestingDepth;
    if (tag === 'br') {
      frame.out.appendChild(out.createElement('br'));
      continue;
    }

    let target = frame.out;
    const kept = KEEP_BLOCK[tag];
    if (!flatten && (kept || CONTAINER.has(tag))) {
      const place = tag === 'p' ? msoListPlace(style) : null;
      target = out.createElement(place ? 'p' : (kept ?? 'div'));
      frame.out.appendChild(target);
      if (place) wordParagraphs.push({ element: target, level: place.level, list: place.list, ordered: isOrderedMarker(markerText(el)) });
      if (pmSlice && el.hasAttribute('data-pm-slice')) {
        target.setAttribute('data-pm-slice', pmSlice);
        pmSlice = null;
      }
    }
    stack.push({ next: el.firstChild, out: target, marks, depth, pre: frame.pre || tag === 'pre', skipping: false });
  }

  nestWordLists(out, wordParagraphs);
  hoistHeadingsFromLists(root);
  moveStrayLists(root);
  removeEmptyBlocks(root);
  return root.innerHTML;
}

function dropped(el: Element, tag: string, style: InlineStyle): boolean {
  if (DROP.has(tag) || DROP_PREFIX.test(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || styleHidden(style)) return true;
  if (isMsoListMarker(style)) return true;
  const element = style.get('mso-element');
  if (element && element.startsWith('comment')) return true;
  if (style.get('mso-special-character') === 'comment') return true;
  const cls = el.getAttribute('class');
  return cls !== null && DROP_CLASS.test(cls);
}

function nextMarks(tag: string, el: Element, style: InlineStyle, marks: Marks): Marks {
  let { bold, italic, href } = marks;
  if (tag === 'b' || tag === 'strong') bold = true;
  if (tag === 'i' || tag === 'em' || tag === 'cite' || tag === 'dfn') italic = true;
  bold = styleBold(style) ?? bold;
  italic = styleItalic(style) ?? italic;
  if (tag === 'a') {
    const raw = el.getAttribute('href')?.trim() ?? '';
    href = isAllowedHref(raw) ? raw : null;
  }
  return bold === marks.bold && italic === marks.italic && href === marks.href ? marks : { bold, italic, href };
}

function appendText(out: globalThis.Document, frame: Frame, data: string): void {
  const text = cleanText(data);
  if (!text) return;
  // Whitespace between blocks is left to ProseMirror, which drops it outside inline content; between
  // inline elements at the top level (links pasted from a list of links) it separates words.
  let parent: Element = frame.out;
  const wrap = (tag: string) => {
    const el = out.createElement(tag);
    parent.appendChild(el);
    parent = el;
  };
  if (frame.marks.bold && !/^h[23]$/.test(frame.out.localName)) wrap('strong');
  if (frame.marks.italic) wrap('em');
  if (frame.marks.href) {
    wrap('a');
    parent.setAttribute('href', frame.marks.href);
  }
  if (!frame.pre) {
    parent.appendChild(out.createTextNode(text));
    return;
  }
  text.split('\n').forEach((line, i) => {
    if (i > 0) parent.appendChild(out.createElement('br'));
    if (line) parent.appendChild(out.createTextNode(line));
  });
}

/** `<ul><li>a</li><ul>…</ul></ul>` (Google Docs, some mail) nests the inner list in the item before it. */
function moveStrayLists(root: Element): void {
  for (const list of Array.from(root.querySelectorAll('ul > ul, ul > ol, ol > ul, ol > ol'))) {
    const previous = list.previousElementSibling;
    if (previous?.localName === 'li') previous.appendChild(list);
    else {
      const item = list.ownerDocument.createElement('li');
      list.replaceWith(item);
      item.appendChild(list);
    }
  }
}

/**
 * Word's outline numbering exports a numbered heading as `<ol><li><h1>…</h1></li></ol>` (nested
 * once per level). A list whose only text is one heading is that heading.
 */
function hoistHeadingsFromLists(root: Element): void {
  for (const heading of Array.from(root.querySelectorAll('li h2, li h3'))) {
    let list: Element | null = null;
    for (let el = heading.parentElement; el && el !== root; el = el.parentElement) if (el.localName === 'ul' || el.localName === 'ol') list = el;
    if (list && (list.textContent ?? '').trim() === (heading.textContent ?? '').trim()) list.replaceWith(heading);
  }
}

/** Word's spacer paragraphs (`<p><o:p>&nbsp;</o:p></p>`) and emptied containers carry nothing. */
function removeEmptyBlocks(root: Element): void {
  const blocks = Array.from(root.querySelectorAll('p, h2, h3, li, blockquote, div, ul, ol')).reverse();
  for (const block of blocks) if (isEmptyBlock(block)) block.remove();
}
