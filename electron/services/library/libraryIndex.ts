import { open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { DocumentSummary } from '../../../shared/domain/documentSummary';
import { CorruptFileError, DurableJsonFile } from '../storage/durableJsonFile';

/** 2: summaries carry publishedAt, submittedBy and approvedBy (the workflow queues). */
const INDEX_FORMAT = 2;
/** Journal lines after which the index is rewritten and the journal emptied. */
const COMPACT_AFTER = 2_000;

interface IndexFile {
  format: number;
  entries: DocumentSummary[];
}

type JournalLine = { op: 'put'; s: DocumentSummary } | { op: 'del'; id: string };

/** outdated: written by an older Melding in an older summary format; rebuilt without a word to the user. */
export type IndexOpenState = 'ok' | 'missing' | 'corrupt' | 'outdated';

/**
 * The library's list of summaries: `index.json` (written with lowdb, atomically) plus an
 * append-only `index.journal`. A save appends one line instead of rewriting the whole index —
 * at 20,000 documents that is the difference between a fraction of a millisecond and tens of
 * milliseconds per keystroke-save. The index is a cache: it can always be rebuilt from the
 * documents, so a torn last journal line (power cut mid-append) is simply ignored.
 */
export class LibraryIndex {
  readonly entries = new Map<string, DocumentSummary>();
  #journal: FileHandle | null = null;
  #journalLines = 0;
  #writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: Low<IndexFile>,
    private readonly journalPath: string,
  ) {}

  static async open(dir: string): Promise<{ index: LibraryIndex; state: IndexOpenState }> {
    const adapter = new DurableJsonFile<IndexFile>(join(dir, 'index.json'), { pretty: false });
    const db = new Low<IndexFile>(adapter, { format: INDEX_FORMAT, entries: [] });
    const index = new LibraryIndex(db, join(dir, 'index.journal'));
    let state: IndexOpenState = 'ok';
    try {
      const data = await adapter.read();
      if (data === null) state = 'missing';
      else if (typeof data.format === 'number' && data.format < INDEX_FORMAT) state = 'outdated';
      else if (data.format !== INDEX_FORMAT || !Array.isArray(data.entries)) state = 'corrupt';
      else db.data = data;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      state = 'corrupt';
    }
    if (state === 'corrupt' || state === 'outdated') db.data = { format: INDEX_FORMAT, entries: [] };
    // The index is a cache Melding wrote itself: a structural check per entry, not a full
    // schema parse (zod over 20,000 entries costs more than reading the file).
    for (const entry of db.data.entries) {
      if (looksLikeSummary(entry)) index.entries.set(entry.id, entry);
      else state = 'corrupt';
    }
    // An old index's journal holds old summaries too: the rebuild replaces both.
    if (state === 'ok' || state === 'missing') index.#journalLines = await index.replayJournal();
    return { index, state };
  }

  private async replayJournal(): Promise<number> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.journalPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    // Cut an unfinished last line (a torn append) off before anything is appended: the next
    // line would otherwise be glued to it and skipped with it on the next replay.
    const complete = bytes.lastIndexOf(0x0a) + 1;
    if (complete < bytes.length) await truncateDurably(this.journalPath, complete);
    const text = bytes.subarray(0, complete).toString('utf8');
    let lines = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let parsed: JournalLine;
      try {
        parsed = JSON.parse(line) as JournalLine;
      } catch {
        continue; // a torn append; the document files are the truth
      }
      lines++;
      if (parsed.op === 'del') this.entries.delete(parsed.id);
      else if (parsed.op === 'put') {
        if (looksLikeSummary(parsed.s)) this.entries.set(parsed.s.id, parsed.s);
      }
    }
    return lines;
  }

  /** Records a document's new summary: in memory at once, on disk with one appended line. */
  put(summary: DocumentSummary): Promise<void> {
    this.entries.set(summary.id, summary);
    return this.append({ op: 'put', s: summary });
  }

  remove(id: string): Promise<void> {
    this.entries.delete(id);
    return this.append({ op: 'del', id });
  }

  /** Replaces everything (after a rebuild from the documents) and writes a fresh index. */
  async replaceAll(summaries: Iterable<DocumentSummary>): Promise<void> {
    this.entries.clear();
    for (const s of summaries) this.entries.set(s.id, s);
    await this.compact();
  }

  /** Writes index.json from memory and empties the journal. */
  compact(): Promise<void> {
    const run = this.#writing.then(async () => {
      this.db.data = { format: INDEX_FORMAT, entries: [...this.entries.values()] };
      await this.db.write();
      await this.#journal?.close();
      this.#journal = null;
      await rm(this.journalPath, { force: true });
      this.#journalLines = 0;
    });
    this.#writing = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.compact();
  }

  private append(line: JournalLine): Promise<void> {
    const run = this.#writing.then(async () => {
      this.#journal ??= await open(this.journalPath, 'a', 0o600);
      await this.#journal.write(`${JSON.stringify(line)}\n`);
      await this.#journal.datasync();
      this.#journalLines++;
    });
    this.#writing = run.catch(() => undefined);
    return run.then(() => {
      if (this.#journalLines >= COMPACT_AFTER) void this.compact().catch(() => undefined);
    });
  }
}

async function truncateDurably(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const STRING_FIELDS = ['id', 'type', 'maalform', 'status', 'title', 'excerpt', 'authorName', 'createdAt', 'updatedAt'] as const;

function looksLikeSummary(value: unknown): value is DocumentSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  for (const field of STRING_FIELDS) if (typeof v[field] !== 'string') return false;
  return (
    typeof v.revision === 'number' &&
    typeof v.words === 'number' &&
    (v.deletedAt === null || typeof v.deletedAt === 'string') &&
    (v.embargoAt === null || typeof v.embargoAt === 'string') &&
    (v.publishedAt === null || typeof v.publishedAt === 'string') &&
    (v.submittedBy === null || typeof v.submittedBy === 'string') &&
    (v.approvedBy === null || typeof v.approvedBy === 'string')
  );
}
