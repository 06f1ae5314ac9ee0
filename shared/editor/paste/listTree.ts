/** One flat list paragraph, as Word writes lists: its level (1-based) and whether it is numbered. */
export interface FlatListItem<T> {
  readonly level: number;
  readonly ordered: boolean;
  readonly value: T;
}

/** A list: numbered or not, and its items, each with the lists nested under it. */
export interface ListTree<T> {
  readonly ordered: boolean;
  readonly items: { readonly value: T; readonly children: ListTree<T>[] }[];
}

/**
 * Turns Word's flat list paragraphs (each with a level) into nested lists. A jump of several
 * levels nests one level at a time under the last item; a level above the first is treated as
 * the first. Iterative, so a hostile run of levels cannot overflow the stack.
 */
export function buildListTree<T>(flat: readonly FlatListItem<T>[], maxDepth = 9): ListTree<T>[] {
  const roots: ListTree<T>[] = [];
  // stack[i] is the open list at depth i + 1.
  const stack: ListTree<T>[] = [];
  for (const item of flat) {
    const level = Math.max(1, Math.min(item.level, maxDepth, stack.length + 1));
    stack.length = Math.min(stack.length, level);
    let list = stack[level - 1];
    if (list && list.ordered !== item.ordered && level === 1) {
      // A bulleted run followed by a numbered one at the top: two lists, as in the source.
      stack.length = 0;
      list = undefined;
    }
    if (!list) {
      list = { ordered: item.ordered, items: [] };
      const parent = stack[level - 2];
      const parentItem = parent?.items[parent.items.length - 1];
      if (parentItem) parentItem.children.push(list);
      else roots.push(list);
      stack[level - 1] = list;
    }
    list.items.push({ value: item.value, children: [] });
  }
  return roots;
}
