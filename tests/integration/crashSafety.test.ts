/**
 * Crash safety of the library store: a writer process runs the real Library in autosave loops
 * and is killed with SIGKILL at a random moment, many times over the same folder. After every
 * kill, everything on disk must parse, the folder must reopen, every acknowledged edit must be
 * there, and after the background pass the index must agree with the documents. Each check
 * reopens a copy, so the next writer meets the folder exactly as the kill left it. A SIGKILL
 * cannot tear a write the way a power cut can, so after some rounds the test also leaves a
 * torn append at the end of the journal.
 *
 * CRASH_ROUNDS sets the number of kills (60), CRASH_SEED replays a run (the seed is printed).
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../electron/services/eventBus';
import { Library } from '../../electron/services/library/library';
import { LibraryIndex } from '../../electron/services/library/libraryIndex';
import type { Logger } from '../../electron/services/logger';
import type { Notice } from '../../electron/services/settingsService';
import { DocumentSchema, type Document } from '../../shared/domain/document';
import { toSummary, type DocumentSummary } from '../../shared/domain/documentSummary';
import { copyLibraryFolder } from './support/copyLibraryFolder';
import { contentOf, counterOf, CRASH_DOC_IDS, crashEdit } from './support/crashEdit';
import { expectedStates, type DocState } from './support/expectedStates';
import { inspectDataFolder } from './support/inspectDataFolder';
import { seededRandom } from './support/seededRandom';
import type { WriterLine } from './support/writerLine';
import { WriterProcess, type KillPlan } from './support/writerProcess';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 60);
const SEED = process.env.CRASH_SEED !== undefined ? Number(process.env.CRASH_SEED) : Math.floor(Math.random() * 2 ** 32);
/** Share of rounds killed within the first 20 ms of Library.open (and its background index pass). */
const KILL_IN_OPEN_SHARE = 0.15;
/** Share of rounds after which a torn append is left at the end of the journal, as a power cut would. */
const TORN_TAIL_SHARE = 0.2;
const REPO = resolve(import.meta.dirname, '../..');

interface StoredDocument {
  readonly doc: Document;
  readonly state: DocState;
}

/** Reads a document file directly; it must be one of the writer's edits, exactly. */
async function readStored(dir: string, id: string, context: string): Promise<StoredDocument | null> {
  let text: string;
  try {
    text = await readFile(join(dir, 'documents', `${id}.json`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const doc = DocumentSchema.parse(JSON.parse(text));
  const counter = counterOf(doc);
  expect(counter, `${context}: ${id} has a title the writer never saved: ${doc.title}`).not.toBeNull();
  expect(contentOf(doc), `${context}: ${id} is not exactly edit ${counter}`).toEqual(crashEdit(counter as number));
  return { doc, state: { revision: doc.revision, counter: counter as number, trashed: doc.deletedAt !== null } };
}

function recordingLogger(into: string[]): Logger {
  return {
    info() {},
    warn: (event, fields) => into.push(`warn ${event} ${JSON.stringify(fields ?? {})}`),
    error: (event, fields) => into.push(`error ${event} ${JSON.stringify(fields ?? {})}`),
  };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const byId = (a: DocumentSummary, b: DocumentSummary) => a.id.localeCompare(b.id);

/**
 * (2) and (4): the folder opens, every document reads back as it is on disk, and once the
 * background pass is done the index holds exactly the documents' summaries (also as written
 * to index.json by close()).
 */
async function checkReopen(dir: string, stored: ReadonlyMap<string, StoredDocument | null>, context: string): Promise<void> {
  const logged: string[] = [];
  const notices: Notice[] = [];
  const library = await Library.open(
    { dir, bus: new EventBus(), logger: recordingLogger(logged), now: () => new Date(), newId: randomUUID, author: () => ({ name: 'Kontroll', email: '' }) },
    notices,
  );
  try {
    await until(() => library.bodySearchReady, 10_000, `${context}: the background index pass`);
    for (const id of CRASH_DOC_IDS) {
      const found = stored.get(id) ?? null;
      if (!found) {
        expect(library.summary(id), `${context}: the index lists ${id}, which has no file`).toBeUndefined();
        continue;
      }
      const got = await library.get(id);
      expect(got.ok ? got.value : got, `${context}: get(${id}) after reopening`).toEqual({ document: found.doc, recoveredFrom: null });
      expect(library.summary(id), `${context}: index summary of ${id} after the background pass`).toEqual(toSummary(found.doc));
    }
  } finally {
    await library.close();
  }
  expect(notices.filter((n) => n.code !== 'library_index_rebuilt'), `${context}: notices on reopening`).toEqual([]);
  expect(logged.filter((l) => !l.startsWith('warn library.index_rebuilt ')), `${context}: log on reopening`).toEqual([]);
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { entries: DocumentSummary[] };
  const want = [...stored.values()].flatMap((s) => (s ? [toSummary(s.doc)] : [])).sort(byId);
  expect(index.entries.sort(byId), `${context}: index.json after close`).toEqual(want);
}

/** Leaves the start of a journal line without its newline at the end of the journal. */
async function tearJournalTail(dir: string, random: () => number): Promise<void> {
  const path = join(dir, 'index.journal');
  let line = JSON.stringify({ op: 'put', s: { id: CRASH_DOC_IDS[0], title: 'Krasjtest' } });
  try {
    line = (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '').at(-1) ?? line;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await appendFile(path, line.slice(0, 1 + Math.floor(random() * (line.length - 1))));
}

interface RoundStats {
  inOpen: number;
  inFlight: number;
  landedUnacked: number;
  midWrite: number;
  tmpFiles: number;
  acks: number;
  tornTails: number;
}

/** What the test knows between rounds: the state verified on disk, and the last ACK ever seen. */
interface Knowledge {
  readonly verified: Map<string, DocState | null>;
  readonly acked: Map<string, DocState>;
  readonly seenTmp: Set<string>;
}

/** (1) Every JSON file parses; of the journal only an unfinished last line may be broken. */
async function checkFilesParse(dir: string, knowledge: Knowledge, stats: RoundStats, context: string): Promise<void> {
  const report = await inspectDataFolder(dir);
  expect(report.unparsable, `${context}: files that do not parse`).toEqual([]);
  expect(report.brokenJournalLines, `${context}: index.journal lines that do not parse (only the last may be torn)`).toEqual([]);
  expect(await readdir(dir), `${context}: documents were set aside as damaged`).not.toContain('damaged');
  const newTmp = report.tmpFiles.filter((f) => !knowledge.seenTmp.has(f));
  for (const f of newTmp) knowledge.seenTmp.add(f);
  if (newTmp.length > 0) stats.midWrite++;
  stats.tmpFiles += newTmp.length;
}

/** (3) Every acknowledged edit is on disk; past it, at most the operation that was in flight. */
async function checkAcknowledged(dir: string, lines: readonly WriterLine[], knowledge: Knowledge, stats: RoundStats, context: string): Promise<Map<string, StoredDocument | null>> {
  const stored = new Map<string, StoredDocument | null>();
  let inFlight = false;
  for (const id of CRASH_DOC_IDS) {
    const expected = expectedStates(knowledge.verified.get(id) ?? null, id, lines);
    expect(expected.inconsistencies, `${context}: writer lines for ${id}`).toEqual([]);
    const found = await readStored(dir, id, context);
    const state = found?.state ?? null;
    if (expected.lastAck) knowledge.acked.set(id, expected.lastAck);
    const acked = knowledge.acked.get(id);
    if (acked) {
      expect(state, `${context}: ${id} is gone after ACK of revision ${acked.revision}`).not.toBeNull();
      expect(state?.revision, `${context}: ${id} went back from the acknowledged revision`).toBeGreaterThanOrEqual(acked.revision);
      if (state?.revision === acked.revision) expect(state, `${context}: ${id} at the acknowledged revision holds another edit`).toEqual(acked);
    }
    const allowed = expected.pending ? [expected.confirmed, expected.pending] : [expected.confirmed];
    expect(allowed, `${context}: ${id} on disk is neither the last acknowledged state nor the operation in flight`).toContainEqual(state);
    if (expected.pending) {
      inFlight = true;
      const changes = JSON.stringify(expected.pending) !== JSON.stringify(expected.confirmed);
      if (changes && JSON.stringify(state) === JSON.stringify(expected.pending)) stats.landedUnacked++;
    }
    knowledge.verified.set(id, state);
    stored.set(id, found);
  }
  if (inFlight) stats.inFlight++;
  return stored;
}

/**
 * The index as the next open will read it (index.json plus the journal), before any repair:
 * it may lag a document whose write was in flight, but never lose an acknowledged revision.
 */
async function checkRawIndex(dir: string, stored: ReadonlyMap<string, StoredDocument | null>, knowledge: Knowledge, context: string): Promise<void> {
  const raw = await LibraryIndex.open(dir);
  expect(raw.state, `${context}: index.json`).not.toBe('corrupt');
  for (const id of CRASH_DOC_IDS) {
    const entry = raw.index.entries.get(id);
    const onDisk = stored.get(id);
    if (!onDisk) expect(entry, `${context}: index.json + journal list ${id}, which has no file`).toBeUndefined();
    else if (entry) expect(entry.revision, `${context}: index.json + journal are ahead of ${id}`).toBeLessThanOrEqual(onDisk.state.revision);
    const acked = knowledge.acked.get(id);
    if (acked) expect(entry?.revision ?? -1, `${context}: index.json + journal lost the acknowledged revision ${acked.revision} of ${id}`).toBeGreaterThanOrEqual(acked.revision);
  }
}

describe('library crash safety', () => {
  let work = '';
  let writerScript = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'melding-crash-'));
    const outDir = join(work, 'writer');
    // Node 20 cannot run TypeScript: bundle the writer with everything it imports, once per run.
    await build({
      configFile: false,
      root: REPO,
      logLevel: 'warn',
      publicDir: false,
      ssr: { noExternal: true },
      build: {
        ssr: join(REPO, 'tests/integration/support/crashWriter.ts'),
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'node20',
        rolldownOptions: { output: { format: 'es', entryFileNames: 'crashWriter.mjs' } },
      },
    });
    writerScript = join(outDir, 'crashWriter.mjs');
  }, 60_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it(`keeps every acknowledged save through ${ROUNDS} SIGKILLs`, async () => {
    console.log(`crash test: seed ${SEED} (replay with CRASH_SEED=${SEED} CRASH_ROUNDS=${ROUNDS})`);
    const started = Date.now();
    const random = seededRandom(SEED);
    const dataDir = join(work, 'library');
    const copyDir = join(work, 'check');
    await mkdir(dataDir, { recursive: true });
    const knowledge: Knowledge = { verified: new Map(CRASH_DOC_IDS.map((id) => [id, null])), acked: new Map(), seenTmp: new Set() };
    const stats: RoundStats = { inOpen: 0, inFlight: 0, landedUnacked: 0, midWrite: 0, tmpFiles: 0, acks: 0, tornTails: 0 };
    let stored = new Map<string, StoredDocument | null>();
    let tmpLeftAfterReopen = 0;
    const startWriter = (round: number) => new WriterProcess(writerScript, [dataDir, String(Math.floor(random() * 2 ** 32)), String(round * 1_000_000)]);
    let next: WriterProcess | null = startWriter(1);
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const kill: KillPlan = random() < KILL_IN_OPEN_SHARE ? { from: 'OPENING', lifeMs: Math.floor(random() * 21) } : { from: 'READY', lifeMs: 20 + Math.floor(random() * 381) };
        const context = `seed ${SEED}, round ${round} (killed ${kill.lifeMs} ms after ${kill.from})`;
        const writer: WriterProcess = next ?? startWriter(round);
        // The next writer boots while this round runs and is checked; it waits for GO before touching the folder.
        next = round < ROUNDS ? startWriter(round + 1) : null;
        const run = await writer.run(kill);
        expect(run.signal, `${context}: the writer stopped by itself (exit code ${run.code}):\n${run.stderr}`).toBe('SIGKILL');
        const logged = run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warn library.index_rebuilt '));
        expect(logged, `${context}: the writer logged`).toEqual([]);
        if (!run.lines.some((l) => l.kind === 'ready')) stats.inOpen++;
        stats.acks += run.lines.filter((l) => l.kind === 'ack').length;

        await checkFilesParse(dataDir, knowledge, stats, context);
        stored = await checkAcknowledged(dataDir, run.lines, knowledge, stats, context);
        // (2) and (4) on a copy, so the next writer meets the folder exactly as the kill left it.
        await copyLibraryFolder(dataDir, copyDir);
        await checkRawIndex(copyDir, stored, knowledge, context);
        await checkReopen(copyDir, stored, context);
        tmpLeftAfterReopen = (await inspectDataFolder(copyDir)).tmpFiles.length;

        if (random() < TORN_TAIL_SHARE) {
          await tearJournalTail(dataDir, random);
          stats.tornTails++;
        }
      }
    } finally {
      await next?.dispose();
    }

    // The original folder itself, as the last kill (and perhaps a torn journal tail) left it.
    await checkReopen(dataDir, stored, `seed ${SEED}, final reopen`);
    const finalTmp = (await inspectDataFolder(dataDir)).tmpFiles.length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      [
        `crash test: ${ROUNDS} rounds, ${ROUNDS} SIGKILLs, seed ${SEED}, ${seconds} s, ${stats.acks} acknowledged operations`,
        `  killed inside Library.open: ${stats.inOpen}; with an operation in flight: ${stats.inFlight} (in ${stats.landedUnacked} documents its write had reached the disk, unacknowledged)`,
        `  killed mid-write (new atomicWrite temp files): ${stats.midWrite} rounds, ${stats.tmpFiles} files`,
        `  temp files left after Library.open + close: ${tmpLeftAfterReopen} of ${knowledge.seenTmp.size} after the last round, ${finalTmp} in the final folder (${finalTmp > 0 ? 'the library does not clean them up' : 'cleaned up'})`,
        `  simulated torn journal tails (power cut mid-append): ${stats.tornTails}`,
      ].join('\n'),
    );
  }, ROUNDS * 2_000 + 60_000);
});
