import { join } from 'node:path';
import type { Low } from 'lowdb';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/domain/settings';
import { err, ok, type Result } from '../../shared/ipc/result';
import type { EventBus } from './eventBus';
import type { Logger } from './logger';
import { openJsonStore } from './storage/openJsonStore';

export interface Notice {
  readonly code: string;
  readonly detail: string;
}

/**
 * The user's preferences in `settings.json`. A file that cannot be read is set aside and the
 * defaults are used, with a notice for the user; it never stops the app.
 */
export class SettingsService {
  #writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Low<Settings>,
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  static async open(dataDir: string, bus: EventBus, logger: Logger, notices: Notice[], now = () => new Date()): Promise<SettingsService> {
    const { db, setAsideTo, reason } = await openJsonStore(join(dataDir, 'settings.json'), SettingsSchema, () => structuredClone(DEFAULT_SETTINGS), now);
    if (setAsideTo) {
      logger.warn('settings.corrupt', { movedTo: setAsideTo, reason });
      notices.push({ code: 'settings_reset', detail: setAsideTo });
    }
    return new SettingsService(db, bus, logger);
  }

  get(): Settings {
    return structuredClone(this.db.data);
  }

  /**
   * Applies a patch and writes the file. Updates run one after another: two quick changes (arrow
   * keys through the language choice) must reach the disk in the order they were made, or the
   * file could end with the older one while the window shows the newer.
   */
  update(patch: SettingsPatch): Promise<Result<Settings>> {
    const run = this.#writing.then(async (): Promise<Result<Settings>> => {
      const next = SettingsSchema.parse({ ...this.db.data, ...patch });
      const previous = this.db.data;
      this.db.data = next;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        this.logger.error('settings.write_failed', { error: (error as Error).message });
        return err('storage_failed', `Could not save settings: ${(error as Error).message}`);
      }
      this.bus.emit('settings:changed', this.get());
      return ok(this.get());
    });
    this.#writing = run.catch(() => undefined);
    return run;
  }
}
