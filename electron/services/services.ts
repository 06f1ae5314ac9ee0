import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import type { Author } from '../../shared/domain/document';
import { SAMPLE_DOCUMENTS, sampleToDocument } from '../../shared/domain/samples';
import { CATALOGUES } from '../../shared/i18n/catalogues';
import { ok, err } from '../../shared/ipc/result';
import type { Handlers } from './dispatcher';
import { ContactRegister } from './contacts/contactRegister';
import { EventBus } from './eventBus';
import { isAllowedExternalUrl } from './externalLink';
import { LanguageService } from './language/languageService';
import { Library } from './library/library';
import { Transfer } from './library/transfer';
import type { Logger } from './logger';
import { MediaCleanup } from './media/mediaCleanup';
import { MediaStore, mediaDirFor } from './media/mediaStore';
import { MaalformMeterService } from './meter/maalformMeterService';
import { OutboxStore } from './outbox/outboxStore';
import { LocalSiteBackend } from './publishing/localSite/localSiteBackend';
import { OutboxRunner } from './publishing/outboxRunner';
import { localSiteSchedule, PublishingService } from './publishing/publishingService';
import { WordPressBackend } from './publishing/wordpress/wordPressBackend';
import type { GrantSource } from './profiles/currentGrant';
import { ProfileStore } from './profiles/profileStore';
import { activeSiteLanguageSource } from './publishing/activeSiteLanguageSource';
import { BackendsStore } from './publishing/backendsStore';
import { WorkflowService } from './workflow/workflowService';
import type { Platform } from './platform';
import { SettingsService, type Notice } from './settingsService';
import { TranslationService } from './translation/translationService';

export interface Services {
  readonly platform: Platform;
  readonly bus: EventBus;
  readonly settings: SettingsService;
  readonly outbox: OutboxStore;
  readonly library: Library;
  readonly transfer: Transfer;
  readonly contacts: ContactRegister;
  readonly language: LanguageService;
  readonly media: MediaStore;
  readonly mediaCleanup: MediaCleanup;
  readonly profiles: ProfileStore;
  readonly workflow: WorkflowService;
  /** What the active backend grants the user (the publishing services replace the local one). */
  readonly grants: GrantSource;
  /** The configured backends (backends.json, sealed passwords apart); the app's BackendRegistry. */
  readonly backends: BackendsStore;
  readonly meter: MaalformMeterService;
  readonly translation: TranslationService;
  /** Sends the outbox (started in createServices, stopped in close). */
  readonly runner: OutboxRunner;
  readonly publishing: PublishingService;
  readonly notices: readonly Notice[];
  readonly author: () => Author;
  close(): Promise<void>;
}

/** The user the app runs as: the name the first profile gets. */
function systemUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export interface ServiceOptions {
  /**
   * The built language worker script. Both hosts build it as languageWorker.mjs beside their
   * main bundle, which is where this file's code then runs from; tests pass their own build.
   */
  readonly languageWorkerUrl?: URL;
  /**
   * How long a newly added photo is held back from clean-up (the editor may hold it before its
   * first autosave). Default 15 minutes; the devhost's MELDING_MEDIA_FRESH_MS sets it for tests.
   */
  readonly mediaFreshMs?: number;
  /** Never send the outbox (the devhost's MELDING_OUTBOX_RUNNER=paused, for workflow e2e specs). */
  readonly outboxRunnerPaused?: boolean;
}

/** What the system dialog offers; the content decides in the end (sniffImageType). */
const MEDIA_PICK_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'heic', 'heif', 'avif'];

/** A variable, so bundlers leave the URL alone rather than treating it as an asset to copy. */
const LANGUAGE_WORKER_FILE = './languageWorker.mjs';

/** Opens everything the app needs, the same way for Electron and the devhost. */
export async function createServices(platform: Platform, logger: Logger, options: ServiceOptions = {}): Promise<Services> {
  const bus = new EventBus();
  const notices: Notice[] = [];
  const settings = await SettingsService.open(platform.dataDir, bus, logger, notices);
  const now = () => new Date();
  const profiles = await ProfileStore.open(platform.dataDir, { bus, logger, newId: randomUUID, now, settings, systemUserName }, notices);
  const author = (): Author => {
    const { name, email } = profiles.active();
    return { name, email };
  };
  const library = await Library.open(
    { dir: join(platform.dataDir, 'library'), bus, logger, now, newId: randomUUID, author, actor: () => profiles.actor() },
    notices,
  );
  const contacts = await ContactRegister.open(platform.dataDir, { bus, logger, newId: randomUUID, now }, notices);
  const media = await MediaStore.open({ dir: mediaDirFor(platform.dataDir), logger, now, freshMs: options.mediaFreshMs });
  const mediaCleanup = new MediaCleanup(media, library, logger);
  const outbox = await OutboxStore.open(platform.dataDir, { bus, logger, now, newId: randomUUID }, notices);
  const transfer = new Transfer(library, media, { now, newId: randomUUID, appVersion: platform.appVersion });
  const language = await LanguageService.open({
    dataDir: platform.dataDir,
    resourcesDir: platform.resourcesDir,
    workerUrl: options.languageWorkerUrl ?? new URL(LANGUAGE_WORKER_FILE, import.meta.url),
    bus,
    logger,
  });
  // --- publishing (issue 8) ---
  // The configured backends (backends.json, passwords sealed apart) are the app's BackendRegistry.
  // The local site is one long-lived instance (it keeps its schedule of embargoed items), opened
  // in the folder the store names; WordPress backends are built with their unsealed password.
  let localSite: LocalSiteBackend | null = null;
  const backends = await BackendsStore.open(
    {
      platform,
      settings,
      bus,
      logger,
      now,
      newId: randomUUID,
      factories: {
        localSite: () => {
          if (!localSite) throw new Error('The local site is asked for before it was opened');
          return localSite;
        },
        wordpress: (config, password) => new WordPressBackend({ ...config, password, now }),
      },
    },
    notices,
  );
  // Not awaited: the folder (perhaps on a share) is read on the runner's first pass, not before the window opens.
  localSite = LocalSiteBackend.create({ folder: backends.localSiteFolder(), label: 'Lokalt nettsted', logger, now });
  const grants: GrantSource = (backendId) => backends.grantFor(backendId);
  const workflow = new WorkflowService({ library, outbox, profiles, settings, language, grants, logger, now, newId: randomUUID });
  // The meter counts the library and, when the active backend is a WordPress site, what it published.
  const meter = new MaalformMeterService({
    library,
    site: activeSiteLanguageSource(backends),
    now,
    logger,
    nudgeDismissedYear: () => settings.get().nynorskNudgeDismissedYear,
  });
  const translation = new TranslationService({ library, bus, logger, settings: () => settings.get().translation });
  const registry = backends;
  const runner = new OutboxRunner({
    outbox,
    library,
    media,
    registry,
    bus,
    logger,
    now,
    paused: options.outboxRunnerPaused === true,
    ...localSiteSchedule(localSite, library, logger),
  });
  const publishing = new PublishingService({ library, outbox, media, registry, runner, logger, now, actor: () => profiles.actor() });
  runner.start();
  return {
    platform,
    bus,
    settings,
    outbox,
    library,
    transfer,
    contacts,
    language,
    media,
    mediaCleanup,
    profiles,
    workflow,
    grants,
    backends,
    meter,
    translation,
    runner,
    publishing,
    notices,
    author,
    close: async () => {
      // First: a job under way is aborted and goes back to waiting before the stores close.
      await runner.close();
      await language.close();
      await library.close();
    },
  };
}

/** The contract's channels, bound to the services. */
export function createHandlers(services: Services): Handlers {
  const { platform, bus, settings, outbox, library, transfer, contacts, language, media, mediaCleanup, profiles, workflow, meter, translation, backends, publishing } = services;
  return {
    'app:info': async () =>
      ok({ name: 'Melding', version: platform.appVersion, host: platform.host, dataDir: platform.dataDir, notices: [...services.notices] }),
    'settings:get': async () => ok(settings.get()),
    'settings:update': async (patch) => settings.update(patch),
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url, backends.siteOrigins())) return err('invalid_url', 'Only https links, or links to a configured site, can be opened');
      await platform.openExternal(url);
      return ok(null);
    },
    'outbox:summary': async () => ok(outbox.summary()),
    'library:list': async ({ query, offset, limit }) => {
      const me = profiles.active();
      return ok(library.list(query, offset, limit, { profileId: me.id, roles: me.roles }));
    },
    'library:addSamples': async () => {
      let added = 0;
      for (const sample of SAMPLE_DOCUMENTS) {
        const doc = sampleToDocument(sample, { id: randomUUID(), now: new Date(), author: services.author() });
        // The samples' (fictional) press officers join the register, so they can be picked again.
        const linked = await contacts.adopt(doc.contacts);
        if (!linked.ok) return linked;
        const put = await library.put({ ...doc, contacts: linked.value }, 'created');
        if (!put.ok) return put;
        added++;
      }
      return ok({ added });
    },
    'library:emptyBin': async () => library.emptyBin(),
    'documents:create': async (init) => library.create(init),
    'documents:get': async ({ id }) => library.get(id),
    'documents:save': async ({ id, baseRevision, content }) => workflow.save(id, baseRevision, content),
    'documents:snapshot': async ({ id }) => library.snapshot(id, 'manual'),
    'documents:revisions': async ({ id }) => library.revisionList(id),
    'documents:revision': async ({ id, revisionId }) => library.revision(id, revisionId),
    'documents:restoreRevision': async ({ id, revisionId, baseRevision }) => library.restore(id, revisionId, baseRevision),
    'documents:duplicate': async ({ id, title }) => library.duplicate(id, title),
    'documents:trash': async ({ id }) => library.trash(id),
    'documents:untrash': async ({ id }) => library.untrash(id),
    'documents:export': async ({ id }) => {
      const exported = await transfer.exportDocument(id);
      return exported.ok ? ok({ fileName: exported.value.fileName, data: Buffer.from(exported.value.bytes).toString('base64') }) : exported;
    },
    'documents:import': async ({ data, resolution }) => transfer.importFile(Buffer.from(data, 'base64'), resolution),
    'contacts:list': async () => ok(contacts.list()),
    'contacts:save': async (draft) => contacts.save(draft),
    'contacts:remove': async ({ id }) => contacts.remove(id),
    'language:check': async ({ maalform, blocks }) => language.check(maalform, blocks),
    'language:suggest': async ({ maalform, word }) => language.suggest(maalform, word),
    'language:addWord': async ({ maalform, word }) => language.addWord(maalform, word),
    'language:removeWord': async ({ maalform, word }) => language.removeWord(maalform, word),
    'language:personalWords': async ({ maalform }) => ok(language.personalWords(maalform)),
    'language:status': async () => ok(language.status()),
    'media:ingest': async ({ fileName, data }) => media.ingest(fileName, Buffer.from(data, 'base64')),
    'media:pick': async ({ multiple }) => {
      const texts = CATALOGUES[settings.get().uiLanguage ?? 'nb'].mediaPicker;
      const paths = await platform.pickFiles({ title: texts.title, multiple, filters: [{ name: texts.filter, extensions: MEDIA_PICK_EXTENSIONS }] });
      if (paths === null) return err('media_picker_unavailable', 'This host has no native file dialog; pick files in the window');
      const items = [];
      for (const path of paths) {
        const fileName = basename(path);
        const ingested = await media.ingestFile(path, fileName);
        items.push(ingested.ok ? { fileName, outcome: 'ok' as const, ...ingested.value } : { fileName, outcome: 'error' as const, error: ingested.error });
      }
      return ok({ picked: paths.length > 0, items });
    },
    'media:get': async ({ id }) => media.get(id),
    'media:unused': async () => mediaCleanup.unused(),
    'media:removeUnused': async ({ ids }) => mediaCleanup.removeUnused(ids),
    // --- workflow and profiles ---
    'outbox:list': async ({ documentId }) => ok(outbox.list(documentId === null ? {} : { documentId })),
    'profiles:list': async () => ok(profiles.list()),
    'profiles:save': async (draft) => profiles.save(draft),
    'profiles:remove': async ({ id }) => profiles.remove(id),
    'profiles:activate': async ({ id }) => profiles.activate(id),
    'profiles:current': async () => {
      const grant = services.grants(settings.get().activeBackendId);
      return ok({ profile: profiles.active(), grant: grant ? { ...grant, roles: [...grant.roles] } : null });
    },
    'workflow:transition': async (request) => workflow.transition(request),
    'workflow:preflight': async ({ id, stage }) => workflow.preflight(id, stage),
    'meter:figures': async (query) => meter.figures(query),
    'meter:nudge': async () => meter.nudge(),
    'translation:status': async () => ok(await translation.status()),
    'translation:test': async () => translation.test(),
    'translation:translateDocument': async ({ id, baseRevision, target }) => translation.translateDocument(id, baseRevision, target),
    'translation:cancel': async ({ id }) => ok({ cancelled: translation.cancel(id) }),
    // --- publishing (issue 8): the backends store (backends:*) and the publishing service ---
    'backends:list': async () => ok(backends.list()),
    'backends:saveWordPress': async (draft) => backends.saveWordPress(draft),
    'backends:remove': async ({ id }) => backends.remove(id),
    'backends:activate': async ({ id }) => backends.activate(id),
    'backends:test': async ({ id, draft }) => backends.test(id, draft),
    'publishing:status': async () => publishing.status(),
    'publishing:wake': async () => publishing.wake(),
    'publishing:retry': async ({ jobId }) => publishing.retry(jobId),
    'publishing:cancel': async ({ jobId }) => publishing.cancel(jobId),
    'publishing:conflict': async ({ jobId }) => publishing.conflict(jobId),
    'publishing:resolveConflict': async (request) => publishing.resolveConflict(request),
    'publishing:pullPending': async () => publishing.pullPending(undefined, (step) => bus.emit('publishing:pullProgress', step)),
    'publishing:openLocalSite': async () => {
      const path = join(backends.localSiteFolder(), 'index.html');
      const exists = await access(path).then(
        () => true,
        () => false,
      );
      return ok({ path, url: pathToFileURL(path).href, opened: exists && (await platform.openPath(path)) });
    },
  };
}
