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
  let current: Run | null = null;
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      current = null;
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const kind = bullet ? 'bullet' : numbered ? 'number' : 'para';
    const body = (bullet?.[1] ?? numbered?.[1] ?? line).trim() === '' ? '' : (bullet?.[1] ?? numbered?.[1] ?? line);
    if (kind === 'para') {
      if (current?.kind === 'para') current.lines.push(body);
      else if (current && current.kind !== 'para') {
        // A wrapped line under a list item continues that item.
        const last = current.items.length - 1;
        current.items[last] = `${current.items[last] ?? ''} ${body.trim()}`;
      } else runs.push((current = { kind: 'para', lines: [body] }));
    } else if (current?.kind === kind) current.items.push(body);
    else runs.push((current = { kind, items: [body] }));
  }
  return runs.map((run): RichNode => {
    if (run.kind === 'para') return paragraph(run.lines);
    return {
      type: run.kind === 'bullet' ? 'bulletList' : 'orderedList',
      content: run.items.map((item) => ({ type: 'listItem', content: [paragraph([item])] })),
    };
  });
}
