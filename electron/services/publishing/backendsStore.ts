import { join } from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { localSiteGrant, type BackendGrant } from '../../../shared/domain/backendGrant';
import {
  BackendConfigSchema,
  ConnectionReportSchema,
  LOCAL_SITE_ID,
  type BackendConfig,
  type BackendView,
  type ConnectionReport,
  type WordPressConfig,
  type WordPressDraft,
} from '../../../shared/domain/publishing';
import type { Settings } from '../../../shared/domain/settings';
import { normalizeWordPressAddress } from '../../../shared/domain/wordPressAddress';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { EventBus } from '../eventBus';
import type { Logger } from '../logger';
import type { Platform } from '../platform';
import type { SettingsService, Notice } from '../settingsService';
import { openJsonStore } from '../storage/openJsonStore';
import { BackendSecrets } from './backendSecrets';
import type { BackendRegistry, PublishingBackend } from './publishingBackend';

export type LocalSiteConfig = Extract<BackendConfig, { kind: 'local-site' }>;

/** How backends are built; injected so the store does not depend on their implementations. */
export interface BackendFactories {
  localSite(config: LocalSiteConfig): PublishingBackend;
  /** `new WordPressBackend({ ...config, password })` in the app. */
  wordpress(config: WordPressConfig, password: string): PublishingBackend;
}

export interface BackendsStoreDeps {
  readonly platform: Platform;
  readonly settings: SettingsService;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly factories: BackendFactories;
}

const StoredBackendSchema = z.object({ config: BackendConfigSchema, lastReport: ConnectionReportSchema.nullable() }).strict();
type StoredBackend = z.infer<typeof StoredBackendSchema>;

const BackendsFileSchema = z.object({ schemaVersion: z.literal(1), backends: z.array(StoredBackendSchema).max(100) }).strict();
type BackendsFile = z.infer<typeof BackendsFileSchema>;

export const BACKENDS_FILE = 'backends.json';

const LOCAL_SITE: StoredBackend = { config: { kind: 'local-site', id: LOCAL_SITE_ID, label: '', folder: '' }, lastReport: null };

/** The id a draft is tested under before it has one of its own. */
const DRAFT_ID = 'wp-draft';

/** A successful test of values not yet saved, kept in memory so saving them keeps the report. */
interface DraftTest {
  readonly siteUrl: string;
  readonly userName: string;
  readonly password: string;
  readonly report: ConnectionReport;
}

/**
 * The configured backends (`backends.json`): the embedded local site, always present and first,
 * and any WordPress sites, each with its last successful connection test. Passwords are sealed
 * by the platform and kept apart (BackendSecrets). It is the app's BackendRegistry: it builds
 * backends through the injected factories, caches them, and drops them when their settings change.
 */
export class BackendsStore implements BackendRegistry {
  #writing: Promise<unknown> = Promise.resolve();
  readonly #instances = new Map<string, PublishingBackend>();
  #draftTest: DraftTest | null = null;

  private constructor(
    private readonly db: Low<BackendsFile>,
    private readonly secrets: BackendSecrets,
    private readonly deps: BackendsStoreDeps,
  ) {}

  static async open(deps: BackendsStoreDeps, notices: Notice[]): Promise<BackendsStore> {
    const file = join(deps.platform.dataDir, BACKENDS_FILE);
    const { db, setAsideTo, reason } = await openJsonStore(file, BackendsFileSchema, () => ({ schemaVersion: 1 as const, backends: [structuredClone(LOCAL_SITE)] }), deps.now);
    if (setAsideTo) {
      deps.logger.warn('backends.corrupt', { movedTo: setAsideTo, reason });
      notices.push({ code: 'backends_reset', detail: setAsideTo });
    }
    const secrets = await BackendSecrets.open(deps.platform, deps.logger, notices, deps.now);
    // The local site is always there, first, whatever the file says.
    const others = db.data.backends.filter((b) => b.config.kind !== 'local-site');
    const local = db.data.backends.find((b) => b.config.kind === 'local-site') ?? structuredClone(LOCAL_SITE);
    db.data = { schemaVersion: 1, backends: [local, ...others] };
    return new BackendsStore(db, secrets, deps);
  }

  /** Every backend as the renderer sees it, and which one is in use. */
  list(): { backends: BackendView[]; activeId: string } {
    return { backends: this.db.data.backends.map((b) => this.view(b)), activeId: this.activeId() };
  }

  activeId(): string {
    return this.deps.settings.get().activeBackendId;
  }

  /** The origins of the WordPress sites the user configured: links to them may be opened. */
  siteOrigins(): string[] {
    return this.db.data.backends.flatMap((b) => (b.config.kind === 'wordpress' ? [new URL(b.config.siteUrl).origin] : []));
  }

  config(id: string): BackendConfig | undefined {
    const found = this.find(id);
    return found ? structuredClone(found.config) : undefined;
  }

  /** The local site's folder: as configured, or `<dataDir>/site`. */
  localSiteFolder(): string {
    const local = this.find(LOCAL_SITE_ID)?.config;
    return local?.kind === 'local-site' && local.folder !== '' ? local.folder : join(this.deps.platform.dataDir, 'site');
  }

  async backendFor(id: string): Promise<Result<PublishingBackend>> {
    const cached = this.#instances.get(id);
    if (cached) return ok(cached);
    const stored = this.find(id);
    if (!stored) return err('backend_not_configured', `No backend ${id}`);
    const { config } = stored;
    let backend: PublishingBackend;
    if (config.kind === 'local-site') {
      backend = this.deps.factories.localSite({ ...config, folder: this.localSiteFolder() });
    } else {
      const password = await this.secrets.reveal(id);
      if (!password.ok) return password;
      // Settings may have changed while the password was being decrypted.
      if (this.find(id) !== stored) return this.backendFor(id);
      backend = this.deps.factories.wordpress(structuredClone(config), password.value);
    }
    this.#instances.set(id, backend);
    return ok(backend);
  }

  /** What the backend grants the user: everything on the local site; on WordPress, what the last test found. */
  grantFor(id: string): BackendGrant | null {
    if (id === LOCAL_SITE_ID) return localSiteGrant(this.deps.now());
    return this.find(id)?.lastReport?.grant ?? null;
  }

  /** The stored password of a WordPress backend (for the målform meter's site reader). */
  password(id: string): Promise<Result<string>> {
    return this.secrets.reveal(id);
  }

  /**
   * Creates (id null) or changes a WordPress backend. A new address, user name or password
   * makes the last test void; a new name or withdraw choice does not.
   */
  saveWordPress(draft: WordPressDraft): Promise<Result<BackendView>> {
    return this.serial(async () => {
      const checked = this.validate(draft);
      if (!checked.ok) return checked;
      const { siteUrl, userName, password } = checked.value;
      const existing = draft.id === null ? undefined : this.find(draft.id);
      if (draft.id !== null && existing?.config.kind !== 'wordpress') return err('backend_not_configured', `No WordPress backend ${draft.id}`);
      const id = existing?.config.id ?? `wp-${this.deps.newId().replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 16)}`;
      const config: WordPressConfig = {
        kind: 'wordpress',
        id,
        label: draft.label.trim() || new URL(siteUrl).host,
        siteUrl,
        userName,
        withdrawMode: draft.withdrawMode,
      };
      const old = existing?.config.kind === 'wordpress' ? existing.config : null;
      if (password === null && old !== null && !sameOrigin(old.siteUrl, siteUrl)) return err('backend_password_needed', `The password stored for ${new URL(old.siteUrl).origin} is not sent to ${new URL(siteUrl).origin}`);
      const sameAccess = old !== null && old.siteUrl === siteUrl && old.userName === userName && password === null;
      const lastReport = sameAccess ? (existing?.lastReport ?? null) : this.reportOfDraft(siteUrl, userName, password, id);
      if (password !== null) {
        const sealed = await this.secrets.put(id, password);
        if (!sealed.ok) return sealed;
      }
      const stored: StoredBackend = { config, lastReport };
      const backends = existing ? this.db.data.backends.map((b) => (b === existing ? stored : b)) : [...this.db.data.backends, stored];
      const written = await this.write(backends);
      if (!written.ok) return written;
      this.#instances.delete(id);
      this.deps.logger.info('backends.saved', { id, created: !existing, siteUrl });
      this.changed();
      return ok(this.view(stored));
    });
  }

  /** Removes a WordPress backend and its password; if it was in use, the local site takes over. */
  remove(id: string): Promise<Result<null>> {
    return this.serial(async () => {
      if (id === LOCAL_SITE_ID) return err('backend_invalid', 'The local site cannot be removed');
      const existing = this.find(id);
      if (!existing) return err('backend_not_configured', `No backend ${id}`);
      if (this.activeId() === id) {
        const switched = await this.deps.settings.update({ activeBackendId: LOCAL_SITE_ID });
        if (!switched.ok) return switched;
      }
      const written = await this.write(this.db.data.backends.filter((b) => b !== existing));
      if (!written.ok) return written;
      this.#instances.delete(id);
      // An orphaned sealed password is harmless; a config without its password is not, hence this order.
      const removed = await this.secrets.remove(id);
      if (!removed.ok) this.deps.logger.warn('backends.secret_left', { id });
      this.deps.logger.info('backends.removed', { id });
      this.changed();
      return ok(null);
    });
  }

  /** Makes a backend the one new steps go to. */
  activate(id: string): Promise<Result<Settings>> {
    return this.serial(async () => {
      if (!this.find(id)) return err<Settings>('backend_not_configured', `No backend ${id}`);
      const updated = await this.deps.settings.update({ activeBackendId: id });
      if (updated.ok) this.changed();
      return updated;
    });
  }

  /**
   * "Test connection" of a saved backend (draft null), or of the form's values before they are
   * saved (password null: the stored one of draft.id). A success of a saved backend is stored.
   */
  async test(id: string, draft: WordPressDraft | null, signal?: AbortSignal): Promise<Result<ConnectionReport>> {
    if (draft === null) {
      const backend = await this.backendFor(id);
      if (!backend.ok) return backend;
      const report = await backend.value.testConnection(signal);
      if (!report.ok) return report;
      await this.storeReport(id, report.value);
      return report;
    }
    const checked = this.validate(draft);
    if (!checked.ok) return checked;
    const { siteUrl, userName } = checked.value;
    let password = checked.value.password;
    const existing = draft.id === null ? undefined : this.find(draft.id);
    if (draft.id !== null && existing?.config.kind !== 'wordpress') return err('backend_not_configured', `No WordPress backend ${draft.id}`);
    if (password === null) {
      // The stored password goes only to the site it was stored for.
      if (existing?.config.kind === 'wordpress' && !sameOrigin(existing.config.siteUrl, siteUrl)) return err('backend_password_needed', `The password stored for ${new URL(existing.config.siteUrl).origin} is not sent to ${new URL(siteUrl).origin}`);
      const stored = await this.secrets.reveal(existing?.config.id ?? '');
      if (!stored.ok) return stored;
      password = stored.value;
    }
    const config: WordPressConfig = { kind: 'wordpress', id: existing?.config.id ?? DRAFT_ID, label: draft.label, siteUrl, userName, withdrawMode: draft.withdrawMode };
    const report = await this.deps.factories.wordpress(config, password).testConnection(signal);
    if (!report.ok) return report;
    this.#draftTest = { siteUrl, userName, password, report: report.value };
    // Testing what is saved is testing the saved backend.
    const old = existing?.config;
    if (old?.kind === 'wordpress' && old.siteUrl === siteUrl && old.userName === userName && checked.value.password === null) {
      await this.storeReport(old.id, report.value);
    }
    return report;
  }

  private reportOfDraft(siteUrl: string, userName: string, password: string | null, id: string): ConnectionReport | null {
    const tested = this.#draftTest;
    if (!tested || password === null || tested.siteUrl !== siteUrl || tested.userName !== userName || tested.password !== password) return null;
    return { ...tested.report, grant: { ...tested.report.grant, backendId: id } };
  }

  private storeReport(id: string, report: ConnectionReport): Promise<Result<null>> {
    return this.serial(async () => {
      const existing = this.find(id);
      if (!existing) return ok(null);
      const stored: StoredBackend = { config: existing.config, lastReport: { ...report, grant: { ...report.grant, backendId: id } } };
      const written = await this.write(this.db.data.backends.map((b) => (b === existing ? stored : b)));
      if (written.ok) this.changed();
      return written;
    });
  }

  private validate(draft: WordPressDraft): Result<{ siteUrl: string; userName: string; password: string | null }> {
    if (draft.id === LOCAL_SITE_ID) return err('backend_invalid', 'The local site is not a WordPress site');
    const address = normalizeWordPressAddress(draft.siteUrl);
    if (!address.ok) return err('backend_invalid', `Site address refused: ${address.problem}`);
    const userName = draft.userName.trim();
    if (userName === '') return err('backend_invalid', 'A user name is required');
    const password = draft.password === null ? null : draft.password.trim();
    if (password === '' || (password === null && draft.id === null)) return err('backend_invalid', 'An application password is required');
    return ok({ siteUrl: address.siteUrl, userName, password });
  }

  private find(id: string): StoredBackend | undefined {
    return this.db.data.backends.find((b) => b.config.id === id);
  }

  private view(stored: StoredBackend): BackendView {
    const config = stored.config.kind === 'local-site' ? { ...stored.config, folder: this.localSiteFolder() } : stored.config;
    return structuredClone({ config, hasPassword: stored.config.kind === 'wordpress' && this.secrets.has(stored.config.id), lastReport: stored.lastReport });
  }

  private changed(): void {
    this.deps.bus.emit('backends:changed', this.list());
  }

  /** Changes run one after another, so the file always ends with the last one made. */
  private serial<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
    const next = this.#writing.then(run);
    this.#writing = next.catch(() => undefined);
    return next;
  }

  private async write(backends: StoredBackend[]): Promise<Result<null>> {
    const previous = this.db.data;
    this.db.data = { schemaVersion: 1, backends };
    try {
      await this.db.write();
      return ok(null);
    } catch (error) {
      this.db.data = previous;
      this.deps.logger.error('backends.write_failed', { error: (error as Error).message });
      return err('storage_failed', `Could not save ${BACKENDS_FILE}: ${(error as Error).message}`);
    }
  }
}

function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}
