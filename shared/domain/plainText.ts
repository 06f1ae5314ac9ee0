import type { RichDoc, RichNode } from './document';

/** The plain text of a rich body, blocks separated by blank lines (for search, counts, diffs). */
export function plainText(node: RichDoc | RichNode): string {
  const blocks: string[] = [];
  const walk = (n: RichNode, out: string[]): void => {
    if (n.text !== undefined) out.push(n.text);
    else if (n.type === 'hardBreak') out.push('\n');
    for (const child of n.content ?? []) {
      if (isBlock(child)) {
        const inner: string[] = [];
        walk(child, inner);
        const text = inner.join('');
        if (text.trim() !== '' && !(child.content ?? []).some(isBlock)) blocks.push(text);
      } else walk(child, out);
    }
  };
  const top: string[] = [];
  walk(node as RichNode, top);
  if (top.join('').trim() !== '') blocks.unshift(top.join(''));
  return blocks.join('\n\n');
}

const INLINE = new Set(['text', 'hardBreak', 'image', 'mention']);
function isBlock(node: RichNode): boolean {
  return !INLINE.has(node.type);
}
