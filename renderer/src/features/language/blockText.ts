import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/**
 * The plain text of one top-level block as the language service reads it, and the way back from
 * an offset in that text to a position in the document. Text nodes keep their offsets; a hard
 * break or the seam between two paragraphs of a list reads as a line break, so words never run
 * together across them.
 */
export interface BlockText {
  readonly text: string;
  /** The document position of the character at `offset` (end exclusive: `offset === text.length` is allowed). */
  posAt(offset: number): number;
}

interface Segment {
  readonly offset: number;
  readonly pos: number;
  readonly length: number;
}

/** `node` is a top-level block that starts at document position `start`. */
export function blockText(node: ProseMirrorNode, start: number): BlockText {
  let text = '';
  const segments: Segment[] = [];
  let textblocks = 0;
  node.descendants((child, relative) => {
    const pos = start + 1 + relative;
    if (child.isTextblock) {
      if (textblocks++ > 0) text += '\n';
      return true;
    }
    if (child.isText) {
      segments.push({ offset: text.length, pos, length: child.text?.length ?? 0 });
      text += child.text ?? '';
    } else if (child.isLeaf && child.isInline) {
      // A hard break: one position, one character.
      segments.push({ offset: text.length, pos, length: 1 });
      text += '\n';
    }
    return true;
  });
  return {
    text,
    posAt(offset) {
      // The last segment that starts at or before the offset; offsets inside a seam snap to its end.
      let low = 0;
      let high = segments.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if ((segments[mid] as Segment).offset <= offset) {
          found = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      if (found < 0) return start + 1;
      const segment = segments[found] as Segment;
      return segment.pos + Math.min(offset - segment.offset, segment.length);
    },
  };
}
