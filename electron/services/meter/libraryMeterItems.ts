import type { DocumentSummary } from '../../../shared/domain/documentSummary';
import type { MeterDraft, MeterItem } from '../../../shared/domain/maalformMeter';
import type { Document } from '../../../shared/domain/document';
import type { Result } from '../../../shared/ipc/result';

/** The part of the library the meter reads. */
export interface MeterLibrary {
  allSummaries(): Iterable<DocumentSummary>;
  read(id: string): Promise<Result<Document>>;
}

interface Known {
  readonly stamp: string;
  readonly publishedAt: string | null;
  readonly remoteKey: string | undefined;
}

/**
 * The library's published items and drafts for the meter. A document counts as published when it
 * has a publication time (`publishedAt`; an edited published document keeps it while it waits
 * for approval, as it stays on the site) and is not in the bin; a draft is every other document
 * outside the bin that is not unpublished. The summaries do not carry the publication time, so
 * each document is read once and remembered by revision and status: the first look at a big library reads
 * every file, later ones only what changed.
 */
export class LibraryMeterItems {
  readonly #known = new Map<string, Known>();

  constructor(private readonly library: MeterLibrary) {}

  async collect(): Promise<{ items: MeterItem[]; drafts: MeterDraft[] }> {
    const live = [...this.library.allSummaries()].filter((s) => s.deletedAt === null);
    const liveIds = new Set(live.map((s) => s.id));
    for (const id of this.#known.keys()) if (!liveIds.has(id)) this.#known.delete(id);
    // Files are read a few at a time: the first count of a big library is bound by file reads.
    const unknown = live.filter((s) => this.#known.get(s.id)?.stamp !== stampOf(s));
    for (let i = 0; i < unknown.length; i += READ_BATCH) await Promise.all(unknown.slice(i, i + READ_BATCH).map((s) => this.know(s)));
    const items: MeterItem[] = [];
    const drafts: MeterDraft[] = [];
    for (const summary of live) {
      const known = this.#known.get(summary.id);
      if (!known || known.stamp !== stampOf(summary)) continue;
      if (known.publishedAt !== null) {
        items.push({ id: summary.id, source: 'library', publishedAt: known.publishedAt, maalform: summary.maalform, type: summary.type, remoteKey: known.remoteKey });
      } else if (summary.status !== 'avpublisert' && summary.status !== 'publisert') {
        drafts.push({ id: summary.id, maalform: summary.maalform, type: summary.type });
      }
    }
    return { items, drafts };
  }

  private async know(summary: DocumentSummary): Promise<void> {
    const read = await this.library.read(summary.id);
    if (!read.ok) return;
    const doc = read.value;
    const known: Known = {
      stamp: stampOf(summary),
      publishedAt: doc.publishedAt,
      remoteKey: doc.remote ? `${doc.remote.backend}:${doc.remote.remoteId}` : undefined,
    };
    this.#known.set(summary.id, known);
  }
}

const READ_BATCH = 16;

/** Revision, status and change time: a workflow step may change the status alone. */
function stampOf(summary: DocumentSummary): string {
  return `${summary.revision}|${summary.status}|${summary.updatedAt}`;
}
