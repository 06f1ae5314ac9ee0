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
  /** Revision, status and change time: a workflow step may change the status alone. */
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
    const items: MeterItem[] = [];
    const drafts: MeterDraft[] = [];
    const live = new Set<string>();
    for (const summary of [...this.library.allSummaries()]) {
      if (summary.deletedAt !== null) continue;
      live.add(summary.id);
      const known = await this.know(summary);
      if (!known) continue;
      if (known.publishedAt !== null) {
        items.push({ id: summary.id, source: 'library', publishedAt: known.publishedAt, maalform: summary.maalform, type: summary.type, remoteKey: known.remoteKey });
      } else if (summary.status !== 'avpublisert' && summary.status !== 'publisert') {
        drafts.push({ id: summary.id, maalform: summary.maalform, type: summary.type });
      }
    }
    for (const id of this.#known.keys()) if (!live.has(id)) this.#known.delete(id);
    return { items, drafts };
  }

  private async know(summary: DocumentSummary): Promise<Known | null> {
    const cached = this.#known.get(summary.id);
    const stamp = `${summary.revision}|${summary.status}|${summary.updatedAt}`;
    if (cached && cached.stamp === stamp) return cached;
    const read = await this.library.read(summary.id);
    if (!read.ok) return null;
    const doc = read.value;
    const known: Known = {
      stamp,
      publishedAt: doc.publishedAt,
      remoteKey: doc.remote ? `${doc.remote.backend}:${doc.remote.remoteId}` : undefined,
    };
    this.#known.set(summary.id, known);
    return known;
  }
}
