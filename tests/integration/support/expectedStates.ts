import { NO_EDIT } from './crashEdit';
import type { WriterLine } from './writerLine';

/** What the test tracks of one document: its revision, which edit it holds, and whether it is in the bin. */
export interface DocState {
  readonly revision: number;
  readonly counter: number;
  readonly trashed: boolean;
}

export interface ExpectedStates {
  /** The newest state the writer was told is stored: its last ACK, or the state it started from. */
  readonly confirmed: DocState | null;
  /** What the operation in flight when the writer was killed would store, if it got that far. */
  readonly pending: DocState | null;
  /** The last ACK in this run, if any. */
  readonly lastAck: DocState | null;
  /** Lines that do not follow from the ones before them (the writer and the store disagree). */
  readonly inconsistencies: readonly string[];
}

/**
 * Replays one document's writer lines from the state verified after the previous kill. After
 * a kill the stored document must be `confirmed` or, if the operation in flight reached the
 * disk, `pending`; anything else is a lost acknowledged edit or a store that made one up.
 */
export function expectedStates(baseline: DocState | null, id: string, lines: readonly WriterLine[]): ExpectedStates {
  let confirmed = baseline;
  let pending: DocState | null = null;
  let lastAck: DocState | null = null;
  const inconsistencies: string[] = [];
  for (const line of lines) {
    if (line.kind === 'opening' || line.kind === 'ready' || line.id !== id) continue;
    if (line.kind === 'try') {
      if (line.op === 'create' ? confirmed !== null : confirmed?.revision !== line.baseRevision) {
        inconsistencies.push(`${line.op} from revision ${line.baseRevision}, but the last known state is ${JSON.stringify(confirmed)}`);
      }
      const base = confirmed ?? { revision: line.baseRevision, counter: NO_EDIT, trashed: false };
      switch (line.op) {
        case 'create':
          pending = { revision: 0, counter: NO_EDIT, trashed: false };
          break;
        case 'save':
          pending = { revision: line.baseRevision + 1, counter: line.counter, trashed: false };
          break;
        case 'trash':
        case 'untrash':
          pending = { revision: line.baseRevision + 1, counter: base.counter, trashed: line.op === 'trash' };
          break;
        case 'snapshot':
          pending = base;
          break;
      }
    } else {
      const acked: DocState = { revision: line.revision, counter: line.counter, trashed: line.trashed };
      if (JSON.stringify(acked) !== JSON.stringify(pending)) inconsistencies.push(`ACK ${JSON.stringify(acked)} does not match the operation tried (${JSON.stringify(pending)})`);
      confirmed = acked;
      lastAck = acked;
      pending = null;
    }
  }
  return { confirmed, pending, lastAck, inconsistencies };
}
