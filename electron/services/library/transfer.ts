import type { Document } from '../../../shared/domain/document';
import { toSummary, type DocumentSummary } from '../../../shared/domain/documentSummary';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { Library } from './library';
import { readMeldingFile, writeMeldingFile } from './meldingFile';

export type ImportResolution = 'ask' | 'keep-both' | 'replace';

export type ImportOutcome =
  | { outcome: 'imported'; document: Document }
  | { outcome: 'unchanged'; document: Document }
  | { outcome: 'conflict'; existing: DocumentSummary; incoming: DocumentSummary };

/**
 * Hands documents between machines as `.melding` files. Import never overwrites silently: the
 * same id with other content is a question for the user (keep both, or replace — after a
 * snapshot of what is replaced, so that too can be undone).
 */
export class Transfer {
  constructor(
    private readonly library: Library,
    private readonly deps: { now: () => Date; newId: () => string; appVersion: string },
  ) {}

  async exportDocument(id: string): Promise<Result<{ fileName: string; bytes: Uint8Array }>> {
    const loaded = await this.library.get(id);
    if (!loaded.ok) return loaded;
    const document = loaded.value.document;
    if (document.images.length > 0) return err('media_unavailable', 'Images cannot be exported until the media store exists');
    const bytes = await writeMeldingFile({ document, media: [], exportedAt: this.deps.now(), appVersion: this.deps.appVersion });
    return ok({ fileName: `${fileNameFor(document)}.melding`, bytes });
  }

  async importFile(bytes: Uint8Array, resolution: ImportResolution): Promise<Result<ImportOutcome>> {
    const read = await readMeldingFile(bytes);
    if (!read.ok) return read;
    const incoming = read.value.document;
    const existingSummary = this.library.summary(incoming.id);
    if (!existingSummary) {
      const put = await this.library.put(incoming, 'import');
      return put.ok ? ok({ outcome: 'imported', document: put.value }) : put;
    }
    const existing = await this.library.get(incoming.id);
    if (!existing.ok) return existing;
    const current = existing.value.document;
    if (sameText(current, incoming)) return ok({ outcome: 'unchanged', document: current });
    if (resolution === 'ask') return ok({ outcome: 'conflict', existing: existingSummary, incoming: toSummary(incoming) });
    if (resolution === 'keep-both') {
      const at = this.deps.now().toISOString();
      const copy: Document = { ...incoming, id: this.deps.newId(), revision: 0, createdAt: at, updatedAt: at, remote: null, deletedAt: null };
      const put = await this.library.put(copy, 'import');
      return put.ok ? ok({ outcome: 'imported', document: put.value }) : put;
    }
    const snap = await this.library.snapshot(current.id, 'before-import');
    if (!snap.ok) return snap;
    const replaced: Document = { ...incoming, revision: current.revision + 1, updatedAt: this.deps.now().toISOString(), deletedAt: null };
    const put = await this.library.put(replaced, 'import');
    return put.ok ? ok({ outcome: 'imported', document: put.value }) : put;
  }
}

function sameText(a: Document, b: Document): boolean {
  const pick = (d: Document) =>
    JSON.stringify([d.type, d.maalform, d.title, d.ingress, d.body, d.contacts, d.images, d.tags, d.embargoAt, d.internalNote, d.status]);
  return pick(a) === pick(b);
}

/** A file name a person recognises, safe on every system. */
export function fileNameFor(doc: Document): string {
  const base = doc.title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/[. ]+$/, '');
  return base || `melding-${doc.id.slice(0, 8)}`;
}
