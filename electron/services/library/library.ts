import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newDocument, plainText, type Author, type Document, type DocumentContent, type DocumentType, type Maalform, type RemoteLink } from '../../../shared/domain/document';
import { migrateDocument } from '../../../shared/domain/documentMigrations';
import { toSummary, type DocumentSummary } from '../../../shared/domain/documentSummary';
import type { QueueViewer } from '../../../shared/domain/libraryQueue';
import { applyLibraryQuery, scanSummaries, type LibraryPage, type LibraryQuery } from '../../../shared/domain/libraryQuery';
import type { Actor } from '../../../shared/domain/profile';
import type { RevisionInfo, RevisionKind } from '../../../shared/domain/revision';
import type { WorkflowStatus } from '../../../shared/domain/vocabulary';
import { reviseAfterEdit } from '../../../shared/domain/workflow';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { EventBus } from '../eventBus';
import type { Logger } from '../logger';
import type { Notice } from '../settingsService';
import { atomicWrite } from '../storage/atomicWrite';
import { CorruptFileError, DurableJsonFile } from '../storage/durableJsonFile';
import { LibraryIndex } from './libraryIndex';
import { RevisionStore } from './revisionStore';
import { SearchIndex } from './search/searchIndex';

export interface LibraryDeps {
  /** The library folder (dataDir/library). */
  readonly dir: string;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly author: () => Author;
  /**
   * Who is editing, for the audit entry when a save revokes an approval. Defaults to the
   * author with an empty profile id.
   */
  readonly actor?: () => Actor;
  /** How long editing goes on before a periodic snapshot is taken. */
  readonly snapshotEveryMs?: number;
}

export interface SaveAck {
  readonly id: string;
  readonly revision: number;
  readonly updatedAt: string;
  /** The status after the save (til_godkjenning when the save revoked an approval). */
  readonly status: WorkflowStatus;
  /** The save changed an approved text: its approval was revoked. */
  readonly revoked: boolean;
}

export interface OpenedDocument {
  readonly document: Document;
  /** Set when the file was damaged and the document was rebuilt from a snapshot. */
  readonly recoveredFrom: string | null;
}

const DEFAULT_SNAPSHOT_EVERY_MS = 10 * 60 * 1000;
const CACHE_SIZE = 64;

/**
 * The user's documents on disk: one file per document (documents/<id>.json, written
 * atomically and durably), the summary index with its journal, revision snapshots, and the
 * full-text search index in memory. Every method answers a Result; nothing a user typed is
 * dropped on an error — the caller keeps it and tries again.
 */
export class Library {
  readonly #cache = new Map<string, Document>();
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #lastSnapshot = new Map<string, number>();
  /** Documents rebuilt from a snapshot since open, until the user has been told (on get). */
  readonly #recovered = new Map<string, string>();
  /** Documents found damaged beyond repair, with where their file was put. */
  readonly #damaged = new Map<string, string>();
  #bodyIndexed = false;
  #background: Promise<void> = Promise.resolve();
  /** Bumped on every change to the index or the search: list results are cached against it. */
  #generation = 0;
  #listCache: { key: string; generation: number; items: DocumentSummary[] } | null = null;
  #closed = false;
  /** Set while a library-wide task runs (media clean-up): every document task waits for it. */
  #barrier: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly deps: LibraryDeps,
    private readonly index: LibraryIndex,
    private readonly revisions: RevisionStore,
    private search: SearchIndex,
    private readonly notices: Notice[],
  ) {}

  private get docsDir(): string {
    return join(this.deps.dir, 'documents');
  }

  static async open(deps: LibraryDeps, notices: Notice[]): Promise<Library> {
    await mkdir(join(deps.dir, 'documents'), { recursive: true });
    await mkdir(join(deps.dir, 'revisions'), { recursive: true });
    const lockPath = join(deps.dir, 'session.lock');
    const uncleanShutdown = await readdir(deps.dir).then((names) => names.includes('session.lock'));
    if (!(await otherProcessHolds(lockPath))) {
      // Temp files left by a crash mid-write: the real files are whole (the rename never happened).
      await removeStaleTempFiles(deps.dir);
      await removeStaleTempFiles(join(deps.dir, 'documents'));
    }
    const { index, state } = await LibraryIndex.open(deps.dir);
    const library = new Library(deps, index, new RevisionStore(join(deps.dir, 'revisions')), new SearchIndex(), notices);
    if (state !== 'ok') {
      // Without a usable index the list would be empty: rebuild it now from the documents.
      const count = await library.rebuildIndex();
      // An index in an older format is an upgrade, not a loss: nothing to tell the user.
      if (state === 'corrupt' || (state === 'missing' && count > 0)) notices.push({ code: 'library_index_rebuilt', detail: String(count) });
      deps.logger.warn('library.index_rebuilt', { state, count });
    } else {
      // Index the body text, and check the index against the files, without holding up the list.
      library.#background = library.loadSearchIndex(uncleanShutdown);
    }
    await writeFile(lockPath, String(process.pid));
    return library;
  }

  /** True once every document's body text is searchable. */
  get bodySearchReady(): boolean {
    return this.#bodyIndexed;
  }

  /** A page of the query's results; `viewer` is the active profile, for the personal queues. */
  list(query: LibraryQuery, offset: number, limit: number, viewer: QueueViewer | null = null): LibraryPage {
    // Scrolling asks for page after page of the same query: filter and sort once per change.
    const key = JSON.stringify([query, query.queue === 'all' ? null : viewer]);
    let all = this.#listCache?.key === key && this.#listCache.generation === this.#generation ? this.#listCache.items : null;
    if (!all) {
      // Untrimmed: a trailing space tells the search the last word is whole, not a prefix.
      const text = query.text;
      const ranked = !text.trim()
        ? undefined
        : this.#bodyIndexed
          ? this.search.search(text, { limit: 100_000 }).map((hit) => hit.id)
          : scanSummaries(this.index.entries, text);
      all = applyLibraryQuery(this.index.entries, query, ranked, viewer);
      this.#listCache = { key, generation: this.#generation, items: all };
    }
    return { total: all.length, offset, items: all.slice(offset, offset + limit), bodySearchReady: this.#bodyIndexed };
  }

  summary(id: string): DocumentSummary | undefined {
    return this.index.entries.get(id);
  }

  /** Every summary in the index, the bin included, for library-wide views (the målform meter). */
  allSummaries(): IterableIterator<DocumentSummary> {
    return this.index.entries.values();
  }

  /**
   * Reads a stored document for a library-wide view without opening it: the cache is left as it
   * is and a pending "recovered from a snapshot" notice stays for when the user opens it.
   */
  read(id: string): Promise<Result<Document>> {
    return this.serial(id, async () => {
      const loaded = await this.load(id, { keepOutOfCache: true });
      return loaded.ok ? ok(loaded.value.document) : loaded;
    });
  }

  get(id: string): Promise<Result<OpenedDocument>> {
    return this.serial(id, async () => {
      const loaded = await this.load(id);
      if (!loaded.ok) return loaded;
      // A recovery may have happened in the background pass: say so the first time it is opened.
      const recoveredFrom = loaded.value.recoveredFrom ?? this.#recovered.get(id) ?? null;
      this.#recovered.delete(id);
      return ok({ document: loaded.value.document, recoveredFrom });
    });
  }

  async create(init: { type: DocumentType; maalform: Maalform }): Promise<Result<Document>> {
    const doc = newDocument({ id: this.deps.newId(), now: this.deps.now(), author: this.deps.author(), ...init });
    return this.serial(doc.id, async () => {
      const written = await this.write(doc);
      return written.ok ? ok(doc) : written;
    });
  }

  /** Autosave: applies the editor's content on top of `baseRevision`, or refuses if it moved on. */
  save(id: string, baseRevision: number, content: DocumentContent): Promise<Result<SaveAck>> {
    return this.serial(id, async () => {
      const loaded = await this.load(id);
      if (!loaded.ok) return loaded;
      const current = loaded.value.document;
      if (current.deletedAt) return err('document_in_bin', 'Documents in the bin cannot be edited');
      if (current.revision !== baseRevision) return err('document_conflict', `Document is at revision ${current.revision}, not ${baseRevision}`);
      if (sameContent(current, content)) return ok({ id, revision: current.revision, updatedAt: current.updatedAt, status: current.status, revoked: false });
      const now = this.deps.now();
      const edited: Document = { ...current, ...content, revision: current.revision + 1, updatedAt: now.toISOString() };
      const { document: next, revoked } = reviseAfterEdit(current, edited, this.actor(), now, this.deps.newId);
      const written = await this.write(next);
      if (!written.ok) return written;
      // The approved text stays findable in the history: the snapshot before the change is the
      // approval's own revision (taken when it was approved); this one marks the revocation.
      if (revoked) await this.takeSnapshot(next, 'status');
      else this.maybePeriodicSnapshot(next);
      return ok({ id, revision: next.revision, updatedAt: next.updatedAt, status: next.status, revoked });
    });
  }

  /**
   * A workflow step: `step` gets the current document and answers the next one (or a
   * refusal). Refused when the document moved past `baseRevision` or is in the bin. The new
   * state is written, snapshotted (kind 'status') and announced.
   */
  applyWorkflow(id: string, baseRevision: number, step: (doc: Document) => Promise<Result<Document>> | Result<Document>): Promise<Result<Document>> {
    return this.serial(id, async () => {
      const loaded = await this.load(id);
      if (!loaded.ok) return loaded;
      const current = loaded.value.document;
      if (current.deletedAt) return err('document_in_bin', 'Documents in the bin cannot change status');
      if (current.revision !== baseRevision) return err('document_conflict', `Document is at revision ${current.revision}, not ${baseRevision}`);
      const next = await step(current);
      if (!next.ok) return next;
      const written = await this.write(next.value);
      if (!written.ok) return written;
      const snap = await this.takeSnapshot(next.value, 'status');
      return snap.ok ? ok(next.value) : snap;
    });
  }

  /**
   * Records where the document now is on a backend (the publishing runner, after the backend
   * confirmed a step): the remote link and, when given, the publication time. Neither is
   * content, so the revision, the text and the approval stay as they are — an editor open on
   * the document keeps saving on its revision, and an approval is never revoked by this.
   * `publishedAt` undefined keeps the stored one.
   */
  setRemote(id: string, remote: RemoteLink | null, publishedAt?: string | null): Promise<Result<Document>> {
    return this.serial(id, async () => {
      const loaded = await this.load(id);
      if (!loaded.ok) return loaded;
      const current = loaded.value.document;
      const next: Document = { ...current, remote, ...(publishedAt === undefined ? {} : { publishedAt }) };
      if (JSON.stringify(next.remote) === JSON.stringify(current.remote) && next.publishedAt === current.publishedAt) return ok(current);
      const written = await this.write(next);
      return written.ok ? ok(next) : written;
    });
  }

  private actor(): Actor {
    if (this.deps.actor) return this.deps.actor();
    const { name, email } = this.deps.author();
    return { profileId: '', name, email };
  }

  /** A named point in the history (Ctrl+S, a workflow step). */
  snapshot(id: string, kind: RevisionKind): Promise<Result<RevisionInfo>> {
    return this.serial(id, async () => {
      const loaded = await this.load(id);
      if (!loaded.ok) return loaded;
      return this.takeSnapshot(loaded.value.document, kind);
    });
  }

  async revisionList(id: string): Promise<Result<RevisionInfo[]>> {
    if (!this.index.entries.has(id)) return err('document_not_found', `No document ${id}`);
    return ok(await this.revisions.list(id));
  }

  async revision(id: string, revisionId: string): Promise<Result<Document>> {
    const doc = await this.revisions.read(id, revisionId);
    return doc ? ok(doc) : err('revision_not_found', `No revision ${revisionId} of ${id}`);
  }

  /**
   * Makes an old snapshot the current text. The text it replaces is snapshotted first, so the
   * restore itself can be undone from the history.
   */
  restore(id: string, revisionId: string, baseRevision: number): Promise<Result<Document>> {
    return this.serial(id, async () => {
      const loaded = await this.load(id);
      if (!loaded.ok) return loaded;
      const current = loaded.value.document;
      if (current.revision !== baseRevision) return err('document_conflict', 'Document changed since the history was opened');
      const old = await this.revisions.read(id, revisionId);
      if (!old) return err('revision_not_found', `No revision ${revisionId}`);
      const before = await this.takeSnapshot(current, 'before-restore');
      if (!before.ok) return before;
      const now = this.deps.now();
      const restored: Document = { ...current, ...contentOf(old), revision: current.revision + 1, updatedAt: now.toISOString() };
      // An old text is not the approved one (unless it is identical): the approval goes.
      const next = reviseAfterEdit(current, restored, this.actor(), now, this.deps.newId).document;
      const written = await this.write(next);
      if (!written.ok) return written;
      const after = await this.takeSnapshot(next, 'restore');
      return after.ok ? ok(next) : after;
    });
  }

  async duplicate(id: string, title: string): Promise<Result<Document>> {
    const loaded = await this.get(id);
    if (!loaded.ok) return loaded;
    const source = loaded.value.document;
    const copy: Document = {
      ...newDocument({ id: this.deps.newId(), now: this.deps.now(), author: this.deps.author(), type: source.type, maalform: source.maalform }),
      ...contentOf(source),
      title,
    };
    return this.serial(copy.id, async () => {
      const written = await this.write(copy);
      return written.ok ? ok(copy) : written;
    });
  }

  trash(id: string): Promise<Result<Document>> {
    return this.setDeleted(id, this.deps.now().toISOString());
  }

  untrash(id: string): Promise<Result<Document>> {
    return this.setDeleted(id, null);
  }

  /** Deletes for good everything in the bin: the files, their history and their index entries. */
  async emptyBin(): Promise<Result<{ removed: number }>> {
    const doomed = [...this.index.entries.values()].filter((s) => s.deletedAt !== null).map((s) => s.id);
    for (const id of doomed) {
      const result = await this.serial(id, async () => {
        try {
          await rm(join(this.docsDir, `${id}.json`), { force: true });
          await this.revisions.removeAll(id);
          await this.index.remove(id);
        } catch (error) {
          return err('storage_failed', (error as Error).message);
        }
        this.search.remove(id);
        this.#cache.delete(id);
        return ok(null);
      });
      if (!result.ok) return result;
    }
    this.emitChanged(doomed);
    return ok({ removed: doomed.length });
  }

  /**
   * Stores a document that came from outside (import, samples, a pull) as it is, under its own
   * id. With `expectedRevision` it is stored only over that revision (null: only if there is no
   * such document yet), so a save made meanwhile is never overwritten: `document_conflict`.
   */
  put(doc: Document, kind: RevisionKind, expectedRevision?: number | null): Promise<Result<Document>> {
    return this.serial(doc.id, async () => {
      if (expectedRevision !== undefined) {
        const loaded = await this.load(doc.id);
        if (!loaded.ok && loaded.error.code !== 'document_not_found') return loaded;
        const found = loaded.ok ? loaded.value.document.revision : null;
        if (found !== expectedRevision) return err('document_conflict', `Document ${doc.id} is at revision ${found ?? 'none'}, not ${expectedRevision ?? 'none'}`);
      }
      const written = await this.write(doc);
      if (!written.ok) return written;
      const snap = await this.takeSnapshot(doc, kind);
      return snap.ok ? ok(doc) : snap;
    });
  }

  /** Reads every document file and writes a fresh index from them. Answers how many it found. */
  async rebuildIndex(): Promise<number> {
    const summaries: DocumentSummary[] = [];
    for (const id of await this.documentIds()) {
      const loaded = await this.serial(id, () => this.load(id, { indexMissingOk: true }));
      if (!loaded.ok) continue;
      const doc = loaded.value.document;
      summaries.push(toSummary(doc));
      this.indexText(doc);
    }
    await this.index.replaceAll(summaries);
    this.#bodyIndexed = true;
    this.#generation++;
    return summaries.length;
  }

  /**
   * Runs `task` alone: after every document task queued before it, and before any queued after.
   * Media clean-up checks and deletes under this, so no save can add a reference in between.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const before = Promise.allSettled([this.#barrier, ...this.#queues.values()]);
    const run = before.then(task);
    this.#barrier = run.catch(() => undefined);
    return run;
  }

  /**
   * Every media id any document (bin included), stored revision or set-aside damaged file
   * refers to through `images[].mediaId`. Reads the files as text: a quoted `"mediaId":"<hex>"`
   * can only be that field (inside a string a quote is escaped), and anything that merely looks
   * like a reference keeps an image rather than losing one. Call inside `exclusive` for an
   * answer no save can overtake.
   */
  async referencedMediaIds(): Promise<Set<string>> {
    const found = new Set<string>();
    const pattern = /"mediaId":"([a-f0-9]{64})"/g;
    const scan = async (dir: string): Promise<void> => {
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (!name.endsWith('.json') && !name.endsWith('.tmp')) continue;
        const text = await readFile(join(dir, name), 'utf8').catch(() => '');
        for (const m of text.matchAll(pattern)) found.add(m[1] as string);
      }
    };
    // Unsaved edits live in the renderer; saved ones are in the cache and on disk alike.
    for (const doc of this.#cache.values()) for (const image of doc.images) found.add(image.mediaId);
    await scan(this.docsDir);
    await scan(join(this.deps.dir, 'damaged'));
    const revisionsDir = join(this.deps.dir, 'revisions');
    for (const id of await readdir(revisionsDir).catch(() => [] as string[])) await scan(join(revisionsDir, id));
    return found;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#background;
    await Promise.allSettled([...this.#queues.values()]);
    await this.index.close();
    await this.saveSearchIndex();
    await rm(join(this.deps.dir, 'session.lock'), { force: true });
  }

  // --- internals -----------------------------------------------------------------------------

  private async documentIds(): Promise<string[]> {
    const names = await readdir(this.docsDir);
    return names.map((n) => /^([0-9a-f-]{36})\.json$/.exec(n)?.[1]).filter((id): id is string => id !== undefined);
  }

  /**
   * After open: adds every body to the search index and mends index entries that disagree with
   * their file (after a crash between writing a document and journaling it). Runs in slices so
   * saves and list calls keep their turn.
   */
  private async indexBodiesInBackground(uncleanShutdown: boolean): Promise<void> {
    const started = Date.now();
    let mended = 0;
    try {
      const ids = await this.documentIds();
      const known = new Set(ids);
      for (let i = 0; i < ids.length && !this.#closed; i++) {
        const id = ids[i] as string;
        // Read, compare and mend inside the document's queue: a save landing between the read
        // and the put would otherwise be overwritten in the index by the older summary.
        const changed = await this.serial(id, async () => {
          const loaded = await this.load(id, { indexMissingOk: true, keepOutOfCache: true });
          if (!loaded.ok) return false;
          const doc = loaded.value.document;
          this.indexText(doc);
          const entry = this.index.entries.get(id);
          if (entry && entry.revision === doc.revision && entry.deletedAt === doc.deletedAt) return false;
          await this.index.put(toSummary(doc));
          return true;
        });
        if (changed) mended++;
        if (i % 64 === 63) await new Promise((r) => setImmediate(r));
      }
      for (const id of [...this.index.entries.keys()]) {
        if (known.has(id)) continue;
        // Not there when the folder was listed; it may have been created since. Look again.
        const gone = await this.serial(id, async () => {
          if (await exists(join(this.docsDir, `${id}.json`))) return false;
          await this.index.remove(id);
          this.search.remove(id);
          return true;
        });
        if (gone) mended++;
      }
      this.#bodyIndexed = true;
      this.#generation++;
      this.deps.logger.info('library.background_index_done', { docs: ids.length, mended, ms: Date.now() - started, uncleanShutdown });
      if (mended > 0) this.emitChanged([]);
    } catch (error) {
      this.deps.logger.error('library.background_index_failed', { error: (error as Error).message });
    }
  }

  private get searchFile(): string {
    return join(this.deps.dir, 'search.bin');
  }

  /** Full-text entry for a document, stamped with its revision so a saved index can tell what is stale. */
  private indexText(doc: Document): void {
    this.search.add(doc.id, { title: doc.title, ingress: doc.ingress, body: plainText(doc.body) }, doc.revision);
    this.#generation++;
  }

  /**
   * After a clean shutdown, the search index saved at close is loaded (tens of milliseconds at
   * 20,000 documents, instead of reading every document again) and only what changed since is
   * re-indexed. After a crash, or without a usable file, every document is read as before —
   * that pass also mends index entries that fell behind their files.
   */
  private async loadSearchIndex(uncleanShutdown: boolean): Promise<void> {
    const bytes = uncleanShutdown ? null : await readFile(this.searchFile).catch(() => null);
    const loaded = bytes ? SearchIndex.deserialize(bytes) : null;
    if (!loaded) {
      await this.indexBodiesInBackground(uncleanShutdown);
      await this.saveSearchIndex();
      return;
    }
    const started = Date.now();
    this.search = loaded;
    this.#generation++;
    let reindexed = 0;
    try {
      for (const id of [...loaded.ids()]) if (!this.index.entries.has(id)) loaded.remove(id);
      const stale = [...this.index.entries.values()].filter((s) => loaded.stamp(s.id) !== s.revision).map((s) => s.id);
      for (const id of stale) {
        if (this.#closed) return;
        await this.serial(id, async () => {
          const doc = await this.load(id, { keepOutOfCache: true });
          if (doc.ok) this.indexText(doc.value.document);
        });
        reindexed++;
        if (reindexed % 64 === 0) await new Promise((r) => setImmediate(r));
      }
      this.#bodyIndexed = true;
      this.#generation++;
      this.deps.logger.info('library.search_index_loaded', { docs: this.index.entries.size, reindexed, ms: Date.now() - started });
    } catch (error) {
      this.deps.logger.error('library.search_index_load_failed', { error: (error as Error).message });
    }
  }

  private async saveSearchIndex(): Promise<void> {
    if (!this.#bodyIndexed) return;
    try {
      await atomicWrite(this.searchFile, this.search.serialize());
    } catch (error) {
      this.deps.logger.warn('library.search_index_save_failed', { error: (error as Error).message });
    }
  }

  /** Runs `task` after every earlier task on the same document: saves never overtake each other. */
  private serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = Promise.allSettled([this.#queues.get(id), this.#barrier]);
    const run = previous.then(task);
    const settled = run.catch(() => undefined);
    this.#queues.set(id, settled);
    void settled.then(() => {
      if (this.#queues.get(id) === settled) this.#queues.delete(id);
    });
    return run;
  }

  private async load(id: string, options: { indexMissingOk?: boolean; keepOutOfCache?: boolean } = {}): Promise<Result<OpenedDocument>> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return err('document_not_found', 'Malformed id');
    const cached = this.#cache.get(id);
    if (cached) return ok({ document: cached, recoveredFrom: null });
    const path = join(this.docsDir, `${id}.json`);
    let raw: unknown;
    try {
      raw = await new DurableJsonFile<unknown>(path).read();
    } catch (error) {
      if (error instanceof CorruptFileError) return this.recover(id, path, error.reason);
      return err('storage_failed', (error as Error).message);
    }
    if (raw === null) {
      const aside = this.#damaged.get(id);
      if (aside) return err('document_damaged', `Document ${id} is damaged and has no snapshot; the file is kept at ${aside}`);
      if (!options.indexMissingOk && this.index.entries.has(id)) {
        await this.index.remove(id).catch(() => undefined);
        this.search.remove(id);
        this.emitChanged([id]);
      }
      return err('document_not_found', `No document ${id}`);
    }
    const migrated = migrateDocument(raw);
    if (migrated.kind === 'newer') return err('document_newer_format', `Document format ${migrated.version} is newer than this Melding`);
    if (migrated.kind === 'invalid') return this.recover(id, path, migrated.reason);
    if (migrated.document.id !== id) return this.recover(id, path, 'id does not match the file name');
    if (migrated.migratedFrom !== null) await atomicWrite(path, JSON.stringify(migrated.document));
    if (!options.keepOutOfCache) this.remember(migrated.document);
    return ok({ document: migrated.document, recoveredFrom: null });
  }

  /** A damaged file: keep it aside, bring back the newest good snapshot, and say so. */
  private async recover(id: string, path: string, reason: string): Promise<Result<OpenedDocument>> {
    const damagedDir = join(this.deps.dir, 'damaged');
    await mkdir(damagedDir, { recursive: true });
    const aside = join(damagedDir, `${id}.${this.deps.now().toISOString().replace(/[:.]/g, '-')}.json`);
    await rename(path, aside).catch(() => undefined);
    this.deps.logger.warn('library.document_damaged', { id, reason, aside });
    const good = await this.revisions.latestGood(id);
    if (!good) {
      this.#damaged.set(id, aside);
      this.notify({ code: 'document_lost', detail: aside });
      return err('document_damaged', `Document ${id} is damaged (${reason}) and has no snapshot; the file is kept at ${aside}`);
    }
    const indexed = this.index.entries.get(id);
    const restored: Document = {
      ...good.document,
      // Past anything an open editor could hold, so its next save is refused and it reloads.
      revision: Math.max(good.document.revision, indexed?.revision ?? 0) + 1,
      updatedAt: this.deps.now().toISOString(),
    };
    const written = await this.write(restored);
    if (!written.ok) return written;
    await this.takeSnapshot(restored, 'recovered');
    this.#recovered.set(id, good.info.at);
    return ok({ document: restored, recoveredFrom: good.info.at });
  }

  private async write(doc: Document): Promise<Result<null>> {
    try {
      await atomicWrite(join(this.docsDir, `${doc.id}.json`), JSON.stringify(doc));
    } catch (error) {
      this.deps.logger.error('library.write_failed', { id: doc.id, error: (error as Error).message });
      return err('storage_failed', (error as Error).message);
    }
    this.remember(doc);
    // The document file is the truth; a failed journal append only costs a rebuild later.
    await this.index.put(toSummary(doc)).catch((error: unknown) => this.deps.logger.warn('library.journal_failed', { error: String(error) }));
    this.indexText(doc);
    this.emitChanged([doc.id]);
    return ok(null);
  }

  private async setDeleted(id: string, deletedAt: string | null): Promise<Result<Document>> {
    return this.serial(id, async () => {
      const loaded = await this.load(id);
      if (!loaded.ok) return loaded;
      const next: Document = { ...loaded.value.document, deletedAt, revision: loaded.value.document.revision + 1, updatedAt: this.deps.now().toISOString() };
      const written = await this.write(next);
      return written.ok ? ok(next) : written;
    });
  }

  private async takeSnapshot(doc: Document, kind: RevisionKind): Promise<Result<RevisionInfo>> {
    try {
      const info = await this.revisions.snapshot(doc, kind, this.deps.now());
      this.#lastSnapshot.set(doc.id, Date.parse(info.at));
      return ok(info);
    } catch (error) {
      return err('storage_failed', (error as Error).message);
    }
  }

  private maybePeriodicSnapshot(doc: Document): void {
    const every = this.deps.snapshotEveryMs ?? DEFAULT_SNAPSHOT_EVERY_MS;
    const nowMs = this.deps.now().getTime();
    const known = this.#lastSnapshot.get(doc.id);
    const decide = async () => {
      const last = known ?? Date.parse((await this.revisions.latestInfo(doc.id))?.at ?? '1970-01-01T00:00:00Z');
      if (known === undefined) this.#lastSnapshot.set(doc.id, last);
      if (nowMs - last >= every) await this.takeSnapshot(doc, 'periodic');
    };
    // After the save is acknowledged: a snapshot must never hold up typing.
    void this.serial(doc.id, decide).catch(() => undefined);
  }

  private remember(doc: Document): void {
    this.#cache.delete(doc.id);
    this.#cache.set(doc.id, doc);
    if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value as string);
  }

  /** Tells the user now (an event) and anyone who asks later (the notices list). */
  private notify(notice: Notice): void {
    this.notices.push(notice);
    this.deps.bus.emit('app:notice', notice);
  }

  private emitChanged(ids: string[]): void {
    this.#generation++;
    this.deps.bus.emit('library:changed', { ids });
  }
}

/** Whether the lock names a live process other than this one (two apps on one library). */
async function otherProcessHolds(lockPath: string): Promise<boolean> {
  const pid = Number(await readFile(lockPath, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function removeStaleTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith('.') && n.endsWith('.tmp')).map((n) => rm(join(dir, n), { force: true })));
}

function contentOf(doc: Document): DocumentContent {
  const { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote } = doc;
  return structuredClone({ type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote });
}

function sameContent(doc: Document, content: DocumentContent): boolean {
  return JSON.stringify(contentOf(doc)) === JSON.stringify(content);
}
