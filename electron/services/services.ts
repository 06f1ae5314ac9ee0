import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Author } from '../../shared/domain/document';
import { SAMPLE_DOCUMENTS, sampleToDocument } from '../../shared/domain/samples';
import { ok, err } from '../../shared/ipc/result';
import type { Handlers } from './dispatcher';
import { ContactRegister } from './contacts/contactRegister';
import { EventBus } from './eventBus';
import { isAllowedExternalUrl } from './externalLink';
import { LanguageService } from './language/languageService';
import { Library } from './library/library';
import { Transfer } from './library/transfer';
import type { Logger } from './logger';
import { OutboxSummaryService } from './outboxSummaryService';
import type { Platform } from './platform';
import { SettingsService, type Notice } from './settingsService';

export interface Services {
  readonly platform: Platform;
  readonly bus: EventBus;
  readonly settings: SettingsService;
  readonly outbox: OutboxSummaryService;
  readonly library: Library;
  readonly transfer: Transfer;
  readonly contacts: ContactRegister;
  readonly language: LanguageService;
  readonly notices: readonly Notice[];
  readonly author: () => Author;
  close(): Promise<void>;
}

/** Until profiles exist (the workflow issue), the author is the user the app runs as. */
function systemAuthor(): Author {
  try {
    return { name: userInfo().username, email: '' };
  } catch {
    return { name: '', email: '' };
  }
}

export interface ServiceOptions {
  /**
   * The built language worker script. Both hosts build it as languageWorker.mjs beside their
   * main bundle, which is where this file's code then runs from; tests pass their own build.
   */
  readonly languageWorkerUrl?: URL;
}

/** A variable, so bundlers leave the URL alone rather than treating it as an asset to copy. */
const LANGUAGE_WORKER_FILE = './languageWorker.mjs';

/** Opens everything the app needs, the same way for Electron and the devhost. */
export async function createServices(platform: Platform, logger: Logger, options: ServiceOptions = {}): Promise<Services> {
  const bus = new EventBus();
  const notices: Notice[] = [];
  const settings = await SettingsService.open(platform.dataDir, bus, logger, notices);
  const author = systemAuthor;
  const now = () => new Date();
  const library = await Library.open({ dir: join(platform.dataDir, 'library'), bus, logger, now, newId: randomUUID, author }, notices);
  const contacts = await ContactRegister.open(platform.dataDir, { bus, logger, newId: randomUUID, now }, notices);
  const transfer = new Transfer(library, { now, newId: randomUUID, appVersion: platform.appVersion });
  const language = await LanguageService.open({
    dataDir: platform.dataDir,
    resourcesDir: platform.resourcesDir,
    workerUrl: options.languageWorkerUrl ?? new URL(LANGUAGE_WORKER_FILE, import.meta.url),
    bus,
    logger,
  });
  return {
    platform,
    bus,
    settings,
    outbox: new OutboxSummaryService(),
    library,
    transfer,
    contacts,
    language,
    notices,
    author,
    close: async () => {
      await language.close();
      await library.close();
    },
  };
}

/** The contract's channels, bound to the services. */
export function createHandlers(services: Services): Handlers {
  const { platform, settings, outbox, library, transfer, contacts, language } = services;
  return {
    'app:info': async () =>
      ok({ name: 'Melding', version: platform.appVersion, host: platform.host, dataDir: platform.dataDir, notices: [...services.notices] }),
    'settings:get': async () => ok(settings.get()),
    'settings:update': async (patch) => settings.update(patch),
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return err('invalid_url', 'Only https links can be opened');
      await platform.openExternal(url);
      return ok(null);
    },
    'outbox:summary': async () => ok(outbox.summary()),
    'library:list': async ({ query, offset, limit }) => ok(library.list(query, offset, limit)),
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
    'documents:save': async ({ id, baseRevision, content }) => library.save(id, baseRevision, content),
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
    // Wired to the media store in the next commit; the contract lands first so the renderer can build on it.
    'media:ingest': async () => err('internal', 'media store not wired yet'),
    'media:pick': async () => err('media_picker_unavailable', 'media store not wired yet'),
    'media:get': async () => err('media_not_found', 'media store not wired yet'),
    'media:unused': async () => ok({ items: [], bytes: 0 }),
    'media:removeUnused': async () => ok({ removed: 0, bytes: 0 }),
  };
}
