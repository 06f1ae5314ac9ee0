import type { MediaInfo } from '../../../shared/domain/media';
import { ok, type Result } from '../../../shared/ipc/result';
import type { Library } from '../library/library';
import type { Logger } from '../logger';
import type { MediaStore } from './mediaStore';

/**
 * Explicit, safe clean-up of the media store: the user is shown what no document (bin
 * included) and no stored revision uses, confirms, and only then is anything deleted — each id
 * checked again under the library's exclusive lock, so a save that started using a photo
 * in the meantime keeps it. A photo added in the last minutes is kept too: the editor may hold
 * it before its first autosave. Nothing is ever removed automatically.
 */
export class MediaCleanup {
  constructor(
    private readonly store: MediaStore,
    private readonly library: Library,
    private readonly logger: Logger,
  ) {}

  async unused(): Promise<Result<{ items: MediaInfo[]; bytes: number }>> {
    const used = await this.library.exclusive(() => this.library.referencedMediaIds());
    const items = (await this.store.list()).filter((m) => !used.has(m.id) && !this.store.isFresh(m.id)).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
    return ok({ items, bytes: items.reduce((sum, m) => sum + entryBytes(m), 0) });
  }

  async removeUnused(ids: readonly string[]): Promise<Result<{ removed: number; bytes: number }>> {
    return this.library.exclusive(async () => {
      const used = await this.library.referencedMediaIds();
      let removed = 0;
      let bytes = 0;
      for (const id of new Set(ids)) {
        if (used.has(id) || this.store.isFresh(id)) continue;
        const info = await this.store.get(id);
        if (!info.ok) continue;
        if (await this.store.remove(id)) {
          removed++;
          bytes += entryBytes(info.value);
        }
      }
      this.logger.info('media.removed_unused', { asked: ids.length, removed, bytes });
      return ok({ removed, bytes });
    });
  }
}

/** What deleting an entry frees: the original and its renditions. */
function entryBytes(media: MediaInfo): number {
  return media.bytes + media.renditions.reduce((sum, r) => sum + r.bytes, 0);
}
