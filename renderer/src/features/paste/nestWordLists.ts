import { buildListTree, type ListTree } from '../../../../shared/editor/paste/listTree';
import { PASTE_LIMITS } from '../../../../shared/editor/paste/pasteLimits';

/** A paragraph Word marked as a list item (`mso-list:l0 level2 lfo1`), already cleaned. */
export interface WordListParagraph {
  readonly element: Element;
  readonly level: number;
  readonly list: string;
  readonly ordered: boolean;
}

function render(doc: globalThis.Document, tree: ListTree<Element>): Element {
  // Iterative: each entry is a list to fill and the element it becomes.
  const rootList = doc.createElement(tree.ordered ? 'ol' : 'ul');
  const queue: [ListTree<Element>, Element][] = [[tree, rootList]];
  while (queue.length) {
    const [list, element] = queue.pop() as [ListTree<Element>, Element];
    for (const item of list.items) {
      const li = doc.createElement('li');
      li.appendChild(item.value);
      element.appendChild(li);
      for (const child of item.children) {
        const nested = doc.createElement(child.ordered ? 'ol' : 'ul');
        li.appendChild(nested);
        queue.push([child, nested]);
      }
    }
  }
  return rootList;
}

/**
 * Replaces each run of Word list paragraphs (siblings, in order) with real nested `ul`/`ol`
 * lists. Word writes every list item as a `<p>` with its level in `mso-list`; a run ends at the
 * first paragraph that is not a list item.
 */
export function nestWordLists(doc: globalThis.Document, paragraphs: readonly WordListParagraph[]): void {
  let run: WordListParagraph[] = [];
  const flush = () => {
    const first = run[0];
    if (!first) return;
    const anchor = first.element.ownerDocument.createComment('list');
    first.element.before(anchor);
    const trees = buildListTree(run.map((p) => ({ level: p.level, ordered: p.ordered, value: p.element })), PASTE_LIMITS.listDepth);
    for (const p of run) p.element.remove();
    for (const tree of trees) anchor.before(render(doc, tree));
    anchor.remove();
    run = [];
  };
  for (const paragraph of paragraphs) {
    const last = run[run.length - 1];
    if (last && !(paragraph.element.parentNode === last.element.parentNode && nextElement(last.element) === paragraph.element)) flush();
    run.push(paragraph);
  }
  flush();
}

function nextElement(el: Element): Element | null {
  // Whitespace text between Word's paragraphs does not break a list.
  let node = el.nextSibling;
  while (node && node.nodeType === 3 && !(node.textContent ?? '').trim()) node = node.nextSibling;
  return node?.nodeType === 1 ? (node as Element) : null;
}
