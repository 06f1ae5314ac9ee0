import type { RichNode } from '../../domain/document';
import { cleanText } from './cleanText';

const BULLET = /^\s{0,3}[-*•–]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;

type Run = { kind: 'para'; lines: string[] } | { kind: 'bullet' | 'number'; items: string[] };

function inline(lines: readonly string[]): RichNode[] {
  const out: RichNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'hardBreak' });
    if (line) out.push({ type: 'text', text: line });
  });
  return out;
}

function paragraph(lines: readonly string[]): RichNode {
  const content = inline(lines);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/**
 * Plain text as body blocks: a blank line separates paragraphs, a single line break inside a
 * paragraph is kept as a line break, and runs of "- " / "* " / "• " or "1. " / "1) " lines become
 * bulleted or numbered lists. Characters the document cannot carry are removed first.
 */
export function plainTextBlocks(text: string): RichNode[] {
  const lines = cleanText(text).replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n');
  const runs: Run[] = [];
  // Whether the last run may continue: a blank line closes it.
  let open = false;
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      open = false;
      continue;
    }
    const last = open ? runs[runs.length - 1] : undefined;
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet?.[1] ?? numbered?.[1];
    open = true;
    if (item === undefined) {
      if (last?.kind === 'para') last.lines.push(line);
      // A wrapped line under a list item continues that item.
      else if (last) last.items[last.items.length - 1] = `${last.items[last.items.length - 1] ?? ''} ${line.trim()}`;
      else runs.push({ kind: 'para', lines: [line] });
      continue;
    }
    const kind = bullet ? 'bullet' : 'number';
    if (last && last.kind === kind) last.items.push(item);
    else runs.push({ kind, items: [item] });
  }
  return runs.map((run): RichNode => {
    if (run.kind === 'para') return paragraph(run.lines);
    return {
      type: run.kind === 'bullet' ? 'bulletList' : 'orderedList',
      content: run.items.map((item) => ({ type: 'listItem', content: [paragraph([item])] })),
    };
  });
}
