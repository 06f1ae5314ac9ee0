import { join } from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { ProfileSchema, type Actor, type Profile } from '../../../shared/domain/profile';
import { validateProfile, type ProfileDraft } from '../../../shared/domain/profileRules';
import type { Settings } from '../../../shared/domain/settings';
import { ROLES } from '../../../shared/domain/vocabulary';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { EventBus } from '../eventBus';
import type { Logger } from '../logger';
import type { Notice, SettingsService } from '../settingsService';
import { openJsonStore } from '../storage/openJsonStore';

const ProfileFileSchema = z.object({ schemaVersion: z.literal(1), profiles: z.array(ProfileSchema).max(500) }).strict();
type ProfileFile = z.infer<typeof ProfileFileSchema>;

export interface ProfileStoreDeps {
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly newId: () => string;
  readonly now?: () => Date;
  readonly settings: SettingsService;
  /** The name the first profile gets: the user the app runs as. */
  readonly systemUserName: () => string;
}

const collator = new Intl.Collator('nb', { sensitivity: 'base' });

/**
 * The people who use Melding on this machine, in `profiles.json`; which one is active is a
 * setting (activeProfileId). There is always an active profile: at first start (or when the
 * file had to be set aside) one is made from the system user name with every role, so a
 * single user can do everything until they say otherwise.
 */
export class ProfileStore {
  private constructor(
    private readonly db: Low<ProfileFile>,
    private readonly deps: ProfileStoreDeps,
  ) {}

  static async open(dataDir: string, deps: ProfileStoreDeps, notices: Notice[]): Promise<ProfileStore> {
    const { db, setAsideTo, reason } = await openJsonStore(join(dataDir, 'profiles.json'), ProfileFileSchema, () => ({ schemaVersion: 1 as const, profiles: [] }), deps.now);
    if (setAsideTo) {
      deps.logger.warn('profiles.corrupt', { movedTo: setAsideTo, reason });
      notices.push({ code: 'profiles_reset', detail: setAsideTo });
    }
    const store = new ProfileStore(db, deps);
    if (db.data.profiles.length === 0) {
      const name = deps.systemUserName().trim() || 'Melding';
      const first: Profile = { id: deps.newId(), name: name.slice(0, 200), email: '', roles: [...ROLES] };
      // If this write fails the profile still lives in memory for this session; the next start tries again.
      const written = await store.write([first]);
      if (!written.ok) db.data = { schemaVersion: 1, profiles: [first] };
    }
    const activeId = deps.settings.get().activeProfileId;
    if (activeId === null || !db.data.profiles.some((p) => p.id === activeId)) {
      await deps.settings.update({ activeProfileId: (db.data.profiles[0] as Profile).id });
    }
    return store;
  }

  /** Everyone, sorted by name. */
  list(): Profile[] {
    return structuredClone(this.db.data.profiles).sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  }

  get(id: string): Profile | undefined {
    const found = this.db.data.profiles.find((p) => p.id === id);
    return found ? structuredClone(found) : undefined;
  }

  /** The profile Melding acts as now. */
  active(): Profile {
    const id = this.deps.settings.get().activeProfileId;
    const found = this.db.data.profiles.find((p) => p.id === id) ?? this.db.data.profiles[0];
    if (!found) throw new Error('ProfileStore has no profile; open() always makes one');
    return structuredClone(found);
  }

  /** The active profile as the documents record a person. */
  actor(): Actor {
    const { id, name, email } = this.active();
    return { profileId: id, name, email };
  }

  /** Creates (id null) or updates a profile. */
  async save(draft: ProfileDraft): Promise<Result<Profile>> {
    const checked = validateProfile(draft);
    if (!checked.ok) return err('profile_invalid', JSON.stringify(checked.issues));
    const { id, name, email, roles } = checked.value;
    const profiles = this.db.data.profiles;
    let saved: Profile;
    let next: Profile[];
    if (id === null) {
      saved = { id: this.deps.newId(), name, email, roles };
      next = [...profiles, saved];
    } else {
      if (!profiles.some((p) => p.id === id)) return err('profile_not_found', `No profile ${id}`);
      saved = { id, name, email, roles };
      next = profiles.map((p) => (p.id === id ? saved : p));
    }
    const written = await this.write(next);
    return written.ok ? ok(structuredClone(saved)) : written;
  }

  async remove(id: string): Promise<Result<null>> {
    const profiles = this.db.data.profiles;
    if (!profiles.some((p) => p.id === id)) return err('profile_not_found', `No profile ${id}`);
    if (this.active().id === id) return err('profile_active', 'The active profile cannot be removed');
    const written = await this.write(profiles.filter((p) => p.id !== id));
    return written.ok ? ok(null) : written;
  }

  async activate(id: string): Promise<Result<Settings>> {
    if (!this.db.data.profiles.some((p) => p.id === id)) return err('profile_not_found', `No profile ${id}`);
    const updated = await this.deps.settings.update({ activeProfileId: id });
    if (updated.ok) this.announce();
    return updated;
  }

  private async write(next: Profile[]): Promise<Result<null>> {
    const previous = this.db.data;
    this.db.data = { schemaVersion: 1, profiles: next };
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = previous;
      this.deps.logger.error('profiles.write_failed', { error: (error as Error).message });
      return err('storage_failed', `Could not save the profiles: ${(error as Error).message}`);
    }
    this.announce();
    return ok(null);
  }

  private announce(): void {
    const activeId = this.deps.settings.get().activeProfileId;
    if (activeId !== null) this.deps.bus.emit('profiles:changed', { profiles: this.list(), activeId });
  }
}
