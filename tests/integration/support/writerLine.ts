/** What the crash writer does to a document: each `try` is followed by `ack` only once it resolved ok. */
export type WriterOp = 'create' | 'save' | 'trash' | 'untrash' | 'snapshot';

/**
 * One line of the crash writer's stdout.
 * - `TRY <op> <docId> <baseRevision> <counter>`: the operation is about to start.
 * - `ACK <docId> <revision> <counter> <live|bin>`: it resolved ok; this is the acknowledgement.
 * - `OPENING`: Library.open is about to start; `READY`: it is open and the loops are starting.
 */
export type WriterLine =
  | { kind: 'opening' }
  | { kind: 'ready' }
  | { kind: 'try'; op: WriterOp; id: string; baseRevision: number; counter: number }
  | { kind: 'ack'; id: string; revision: number; counter: number; trashed: boolean };

const OPS: readonly WriterOp[] = ['create', 'save', 'trash', 'untrash', 'snapshot'];

export function formatWriterLine(line: WriterLine): string {
  switch (line.kind) {
    case 'opening':
      return 'OPENING\n';
    case 'ready':
      return 'READY\n';
    case 'try':
      return `TRY ${line.op} ${line.id} ${line.baseRevision} ${line.counter}\n`;
    case 'ack':
      return `ACK ${line.id} ${line.revision} ${line.counter} ${line.trashed ? 'bin' : 'live'}\n`;
  }
}

/** Parses one complete line; throws on anything else, since the writer prints nothing else. */
export function parseWriterLine(text: string): WriterLine {
  const parts = text.split(' ');
  if (parts[0] === 'OPENING' && parts.length === 1) return { kind: 'opening' };
  if (parts[0] === 'READY' && parts.length === 1) return { kind: 'ready' };
  if (parts[0] === 'TRY' && parts.length === 5 && OPS.includes(parts[1] as WriterOp)) {
    return { kind: 'try', op: parts[1] as WriterOp, id: parts[2] as string, baseRevision: Number(parts[3]), counter: Number(parts[4]) };
  }
  if (parts[0] === 'ACK' && parts.length === 5 && (parts[4] === 'live' || parts[4] === 'bin')) {
    return { kind: 'ack', id: parts[1] as string, revision: Number(parts[2]), counter: Number(parts[3]), trashed: parts[4] === 'bin' };
  }
  throw new Error(`Unexpected writer line: ${JSON.stringify(text)}`);
}
