import type { Document } from '../../../shared/domain/document';
import { toSummary, type DocumentSummary } from '../../../shared/domain/documentSummary';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { MediaStore } from '../media/mediaStore';
import type { Library } from './library';
import { readMeldingFile, writeMeldingFile, type MeldingMedia } from './meldingFile';

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
    private readonly media: MediaStore,
    private readonly deps: { now: () => Date; newId: () => string; appVersion: string },
  ) {}

  async exportDocument(id: string): Promise<Result<{ fileName: string; bytes: Uint8Array }>> {
    const loaded = await this.library.get(id);
    if (!loaded.ok) return loaded;
    const document = loaded.value.document;
    // The originals travel, not the renditions: the receiver makes its own with its own checks.
    const media: { mediaId: string; mimeType: string; bytes: Uint8Array }[] = [];
    for (const mediaId of new Set(document.images.map((image) => image.mediaId))) {
      const original = await this.media.original(mediaId);
      if (!original.ok) return err('media_unavailable', `image ${mediaId} is not in the media store: ${original.error.message}`);
      media.push({ mediaId, mimeType: original.value.info.mime, bytes: original.value.bytes });
    }
    const bytes = await writeMeldingFile({ document, media, exportedAt: this.deps.now(), appVersion: this.deps.appVersion });
    return ok({ fileName: `${fileNameFor(document)}.melding`, bytes });
  }

  async importFile(bytes: Uint8Array, resolution: ImportResolution): Promise<Result<ImportOutcome>> {
    const read = await readMeldingFile(bytes);
    if (!read.ok) return read;
    const incoming = read.value.document;
    const existingSummary = this.library.summary(incoming.id);
    const media = read.value.media;
    if (!existingSummary) {
      const stored = await this.storeMedia(media);
      if (!stored.ok) return stored;
      const put = await this.library.put(incoming, 'import');
      return put.ok ? ok({ outcome: 'imported', document: put.value }) : put;
    }
    const existing = await this.library.get(incoming.id);
    if (!existing.ok) return existing;
    const current = existing.value.document;
    if (sameText(current, incoming)) return ok({ outcome: 'unchanged', document: current });
    if (resolution === 'ask') return ok({ outcome: 'conflict', existing: existingSummary, incoming: toSummary(incoming) });
    const stored = await this.storeMedia(media);
    if (!stored.ok) return stored;
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

  /**
   * Puts the file's images through the same checks as a photo the user adds (type by content,
   * size, pixels, decoding) and into the store, before the document that uses them. Images
   * already stored are found by their content address and not stored again.
   */
  private async storeMedia(media: readonly MeldingMedia[]): Promise<Result<null>> {
    for (const m of media) {
      const ingested = await this.media.ingest(`${m.mediaId.slice(0, 12)}`, m.bytes);
      if (!ingested.ok) return err('import_invalid_media', `image ${m.mediaId} was refused: ${ingested.error.code} (${ingested.error.message})`);
      if (ingested.value.media.id !== m.mediaId) return err('import_invalid_media', `image ${m.mediaId} was stored as ${ingested.value.media.id}`);
    }
    return ok(null);
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
