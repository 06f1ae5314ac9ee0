import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { plainText, type Document } from '../../../shared/domain/document';
import { migrateDocument } from '../../../shared/domain/documentMigrations';
import { RevisionInfoSchema, type RevisionInfo, type RevisionKind } from '../../../shared/domain/revision';
import { atomicWrite } from '../storage/atomicWrite';

interface SnapshotFile {
  info: RevisionInfo;
  document: Document;
}

/**
 * Whole-document snapshots, one file each, under revisions/<documentId>/. A snapshot is never
 * changed after it is written; the list is read from the files themselves, so there is no
 * second index that could disagree with them.
 */
export class RevisionStore {
  constructor(private readonly root: string) {}

  private dir(id: string): string {
    return join(this.root, id);
  }

  async snapshot(doc: Document, kind: RevisionKind, at: Date): Promise<RevisionInfo> {
    const dir = this.dir(doc.id);
    await mkdir(dir, { recursive: true });
    // Writes to one document's history are serial, so a temp file here now is a crash's leftover.
    for (const name of await readdir(dir)) if (name.startsWith('.') && name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
    const existing = await this.sequenceNumbers(doc.id);
    const next = (existing.at(-1) ?? 0) + 1;
    const info: RevisionInfo = {
      id: String(next).padStart(6, '0'),
      docRevision: doc.revision,
      kind,
      at: at.toISOString(),
      authorName: doc.author.name,
      chars: doc.title.length + doc.ingress.length + plainText(doc.body).length,
      title: doc.title,
    };
    const file: SnapshotFile = { info, document: doc };
    await atomicWrite(join(dir, `${info.id}.json`), JSON.stringify(file));
    return info;
  }

  /** Newest first. Unreadable snapshot files are skipped (and kept on disk). */
  async list(id: string): Promise<RevisionInfo[]> {
    const out: RevisionInfo[] = [];
    for (const n of (await this.sequenceNumbers(id)).reverse()) {
      const file = await this.readFile(id, n);
      if (file) out.push(file.info);
    }
    return out;
  }

  async read(id: string, revisionId: string): Promise<Document | null> {
    if (!/^\d{6}$/.test(revisionId)) return null;
    return (await this.readFile(id, Number(revisionId)))?.document ?? null;
  }

  /** The newest snapshot that still reads and validates: what a damaged document is rebuilt from. */
  async latestGood(id: string): Promise<{ info: RevisionInfo; document: Document } | null> {
    for (const n of (await this.sequenceNumbers(id)).reverse()) {
      const file = await this.readFile(id, n);
      if (file) return file;
    }
    return null;
  }

  async latestInfo(id: string): Promise<RevisionInfo | null> {
    return (await this.latestGood(id))?.info ?? null;
  }

  async removeAll(id: string): Promise<void> {
    await rm(this.dir(id), { recursive: true, force: true });
  }

  private async sequenceNumbers(id: string): Promise<number[]> {
    let names: string[];
    try {
      names = await readdir(this.dir(id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .map((n) => /^(\d{6})\.json$/.exec(n)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  private async readFile(id: string, n: number): Promise<SnapshotFile | null> {
    try {
      const raw = JSON.parse(await readFile(join(this.dir(id), `${String(n).padStart(6, '0')}.json`), 'utf8')) as { info?: unknown; document?: unknown };
      const info = RevisionInfoSchema.safeParse(raw.info);
      const migrated = migrateDocument(raw.document);
      if (!info.success || migrated.kind !== 'ok') return null;
      return { info: info.data, document: migrated.document };
    } catch {
      return null;
    }
  }
}
