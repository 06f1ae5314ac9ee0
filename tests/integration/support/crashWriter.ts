/**
 * The program the crash test kills: opens the real Library on the folder given on argv and
 * saves edits to a few documents as fast as it can, until it is killed. It prints a line
 * before each operation and one after it resolved ok (see writerLine.ts), with a synchronous
 * write to fd 1, so a line the test reads was printed before the process went on.
 *
 * Usage: node crashWriter.mjs <library folder> <seed> <first counter>, then `GO` on stdin.
 */
import { writeSync } from 'node:fs';
import { EventBus } from '../../../electron/services/eventBus';
import { Library } from '../../../electron/services/library/library';
import type { Logger } from '../../../electron/services/logger';
import type { Notice } from '../../../electron/services/settingsService';
import { CRASH_DOC_IDS, counterOf, crashEdit, NO_EDIT } from './crashEdit';
import { seededRandom } from './seededRandom';
import { formatWriterLine, type WriterLine } from './writerLine';

interface DocState {
  revision: number;
  counter: number;
  trashed: boolean;
}

/** Blocking writes (process.stdout on a pipe is asynchronous on POSIX, and a kill would drop its buffer). */
function writeFd(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

function emit(line: WriterLine): void {
  writeFd(1, formatWriterLine(line));
}

function fail(message: string): never {
  writeFd(2, `crashWriter: ${message}\n`);
  process.exit(3);
}

const stderrLogger: Logger = {
  info() {},
  warn: (event, fields) => writeFd(2, `warn ${event} ${JSON.stringify(fields ?? {})}\n`),
  error: (event, fields) => writeFd(2, `error ${event} ${JSON.stringify(fields ?? {})}\n`),
};

async function openOrCreate(library: Library, id: string, setNextId: (id: string) => void): Promise<DocState> {
  const loaded = await library.get(id);
  if (loaded.ok) {
    const doc = loaded.value.document;
    const counter = counterOf(doc);
    if (counter === null || loaded.value.recoveredFrom !== null) fail(`document ${id} is not the writer's (title ${JSON.stringify(doc.title)}, recovered ${loaded.value.recoveredFrom})`);
    return { revision: doc.revision, counter, trashed: doc.deletedAt !== null };
  }
  if (loaded.error.code !== 'document_not_found') fail(`get ${id}: ${loaded.error.code} ${loaded.error.message}`);
  emit({ kind: 'try', op: 'create', id, baseRevision: 0, counter: NO_EDIT });
  setNextId(id); // create() asks for its id synchronously, before it yields
  const created = await library.create({ type: 'pressemelding', maalform: 'nb' });
  if (!created.ok) fail(`create ${id}: ${created.error.code} ${created.error.message}`);
  if (created.value.id !== id) fail(`created ${created.value.id}, wanted ${id}`);
  emit({ kind: 'ack', id, revision: created.value.revision, counter: NO_EDIT, trashed: false });
  return { revision: created.value.revision, counter: NO_EDIT, trashed: false };
}

async function editForever(library: Library, id: string, start: DocState, random: () => number, nextCounter: () => number): Promise<never> {
  let state = start;
  for (;;) {
    const roll = random();
    if (state.trashed || roll < 0.05) {
      const op = state.trashed ? 'untrash' : 'trash';
      emit({ kind: 'try', op, id, baseRevision: state.revision, counter: state.counter });
      const result = op === 'trash' ? await library.trash(id) : await library.untrash(id);
      if (!result.ok) fail(`${op} ${id}: ${result.error.code} ${result.error.message}`);
      state = { ...state, revision: result.value.revision, trashed: result.value.deletedAt !== null };
    } else if (roll < 0.12) {
      emit({ kind: 'try', op: 'snapshot', id, baseRevision: state.revision, counter: state.counter });
      const result = await library.snapshot(id, 'manual');
      if (!result.ok) fail(`snapshot ${id}: ${result.error.code} ${result.error.message}`);
      if (result.value.docRevision !== state.revision) fail(`snapshot of ${id} at ${result.value.docRevision}, expected ${state.revision}`);
    } else {
      const counter = nextCounter();
      emit({ kind: 'try', op: 'save', id, baseRevision: state.revision, counter });
      const result = await library.save(id, state.revision, crashEdit(counter));
      if (!result.ok) fail(`save ${id}@${state.revision}: ${result.error.code} ${result.error.message}`);
      if (result.value.revision !== state.revision + 1) fail(`save ${id} answered revision ${result.value.revision}, expected ${state.revision + 1}`);
      state = { revision: result.value.revision, counter, trashed: false };
    }
    emit({ kind: 'ack', id, revision: state.revision, counter: state.counter, trashed: state.trashed });
  }
}

/** The test spawns the writer ahead of its round; it touches nothing until told to go. */
function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('GO\n')) resolve();
    });
    process.stdin.on('end', () => process.exit(0));
  });
}

async function main(): Promise<void> {
  const [dir, seedText, counterText] = process.argv.slice(2);
  if (!dir || !seedText || !counterText) fail('usage: crashWriter <library folder> <seed> <first counter>');
  const random = seededRandom(Number(seedText));
  let counter = Number(counterText);
  let nextId = '';
  const notices: Notice[] = [];
  await waitForGo();
  emit({ kind: 'opening' });
  const library = await Library.open(
    {
      dir,
      bus: new EventBus(),
      logger: stderrLogger,
      now: () => new Date(),
      newId: () => nextId,
      author: () => ({ name: 'Krasjtest', email: 'krasj@example.invalid' }),
      // Often enough that periodic snapshots run inside a 20–400 ms life.
      snapshotEveryMs: 100,
    },
    notices,
  );
  for (const notice of notices) writeFd(2, `notice ${notice.code} ${notice.detail}\n`);
  emit({ kind: 'ready' });
  await Promise.all(
    CRASH_DOC_IDS.map(async (id) => {
      const start = await openOrCreate(library, id, (next) => (nextId = next));
      await editForever(library, id, start, random, () => counter++);
    }),
  );
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
