import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localSiteGrant } from '../../../../shared/domain/backendGrant';
import type { Document, RemoteLink } from '../../../../shared/domain/document';
import type { OutboxJob } from '../../../../shared/domain/outboxJob';
import { LOCAL_SITE_ID, type ConnectionReport, type RemoteItem, type SiteStatus } from '../../../../shared/domain/publishing';
import type { WorkflowStatus } from '../../../../shared/domain/vocabulary';
import { approvalHolds, WORKFLOW_RULES } from '../../../../shared/domain/workflow';
import { err, ok, type Result } from '../../../../shared/ipc/result';
import type { Logger } from '../../logger';
import { atomicWrite } from '../../storage/atomicWrite';
import type { PublishingBackend, RunContext, RunOutcome } from '../publishingBackend';
import { LocalSiteItemSchema, serializeItem, type LocalSiteImage, type LocalSiteItem } from './localSiteItem';
import { isPageName, itemBodyHtml, mediaPaths, pageName, renderIndex, renderItemPage, SITE_CSS } from './renderSite';

export interface LocalSiteDeps {
  /** The site folder (`<dataDir>/site` unless the settings name another). */
  readonly folder: string;
  /** The site's name in the page header. */
  readonly label: string;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** A scheduled item that went up when its time came (publishDue): the library records it. */
export interface DuePublished {
  readonly documentId: string;
  readonly remote: RemoteLink;
  readonly publishedAt: string;
}

/** Versions this app wrote itself, per item (the last few): a crash between the write and the library's note is no conflict. */
const KEEP_WRITTEN = 3;

const SITE_STATUS_OF: Partial<Record<OutboxJob['action'], SiteStatus>> = {
  submit: 'pending',
  approve: 'pending',
  revoke: 'pending',
  return: 'draft',
  withdrawSubmission: 'draft',
  reopen: 'draft',
};

function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The embedded default backend: a folder of static pages that opens in any browser from
 * file:// — `index.html` (the news list), one page per published item, `site.css`, `media/`
 * (copies of the 1200 and 2400 px renditions; originals, which may carry GPS, stay in the store)
 * and `items/<docId>.json` (the published content and status of every item Melding sent). All
 * files are written atomically, and a job run twice writes the same bytes. Before changing an
 * item the file on disk must be the version Melding knows (or wrote itself, or a person chose to
 * overwrite); a hand-edited item JSON is a conflict and nothing is changed.
 */
export class LocalSiteBackend implements PublishingBackend {
  readonly id = LOCAL_SITE_ID;
  readonly kind = 'local-site' as const;
  readonly #perItem = new Map<string, Promise<unknown>>();
  #indexChain: Promise<unknown> = Promise.resolve();
  /** An index write queued and not yet started: later callers share it (it reads the items when it starts). */
  #indexQueued: Promise<void> | null = null;
  /** The items on the index (published, with a page), read once at open and kept as they are written. */
  readonly #listed = new Map<string, LocalSiteItem>();
  /** Items whose images the site needs: published or scheduled. */
  readonly #live = new Map<string, LocalSiteItem>();
  #readying: Promise<Result<null>> | null = null;
  /** Scheduled items not yet up: doc id → when. */
  readonly #scheduled = new Map<string, number>();

  private constructor(private readonly deps: LocalSiteDeps) {}

  /**
   * Opens the site folder. Never fails: a folder that cannot be written now (a removed disk, no
   * rights) is tried again when a job runs, and the job says why (storage_failed, retried).
   */
  static async open(deps: LocalSiteDeps): Promise<LocalSiteBackend> {
    const site = LocalSiteBackend.create(deps);
    const ready = await site.ready();
    if (!ready.ok) deps.logger.warn('local_site.open_failed', { folder: deps.folder, error: ready.error.message });
    return site;
  }

  /**
   * The backend without waiting for the folder (for a synchronous factory, e.g. when the
   * settings name another folder): it gets ready on its first use. Until then `nextDueAt` knows
   * no scheduled item; `publishDue` gets it ready first.
   */
  static create(deps: LocalSiteDeps): LocalSiteBackend {
    return new LocalSiteBackend(deps);
  }

  /** Folders, stylesheet, the items read once, the index if it is missing, and images no published or scheduled item uses removed. */
  private ready(): Promise<Result<null>> {
    // One attempt at a time, shared: a second job must not prune while the first copies images.
    this.#readying ??= this.getReady().then((result) => {
      if (!result.ok) this.#readying = null;
      return result;
    });
    return this.#readying;
  }

  private async getReady(): Promise<Result<null>> {
    try {
      await this.prepare();
      for (const { item } of await this.readItems()) this.remember(item);
      if (!(await exists(this.indexPath))) await this.rebuildIndex();
      await this.pruneMedia();
    } catch (error) {
      return err('storage_failed', `The local site folder ${this.deps.folder} cannot be written: ${(error as Error).message}`);
    }
    return ok(null);
  }

  /**
   * Copies of images that no published or scheduled item shows any more (withdrawn items) are
   * removed. Done once at open, before any job runs, so it never races a job copying an image.
   */
  private async pruneMedia(): Promise<void> {
    const used = new Set<string>();
    for (const item of this.#live.values()) for (const image of item.images) used.add(image.mediaId);
    const dir = join(this.deps.folder, 'media');
    for (const name of await readdir(dir)) {
      const id = /^([a-f0-9]{64})-w(?:1200|2400)\.webp$/.exec(name)?.[1];
      if (id && !used.has(id)) await rm(join(dir, name), { force: true });
    }
  }

  get folder(): string {
    return this.deps.folder;
  }

  get indexPath(): string {
    return join(this.deps.folder, 'index.html');
  }

  /** The soonest scheduled item still to go up, or null. */
  nextDueAt(): Date | null {
    let soonest = Number.POSITIVE_INFINITY;
    for (const at of this.#scheduled.values()) soonest = Math.min(soonest, at);
    return Number.isFinite(soonest) ? new Date(soonest) : null;
  }

  async testConnection(): Promise<Result<ConnectionReport>> {
    const ready = await this.ready();
    if (!ready.ok) return ready;
    try {
      await this.prepare();
    } catch (error) {
      return err('storage_failed', `The site folder cannot be written: ${(error as Error).message}`);
    }
    const grant = localSiteGrant(this.deps.now());
    return ok({ grant: { ...grant, roles: [...grant.roles], capabilities: { ...grant.capabilities } }, companion: { installed: true, version: '1' }, limits: [] });
  }

  run(job: OutboxJob, doc: Document, ctx: RunContext): Promise<Result<RunOutcome>> {
    return this.serial(doc.id, async () => {
      const ready = await this.ready();
      if (!ready.ok) return ready;
      try {
        return await this.runNow(job, doc, ctx);
      } catch (error) {
        // A write that failed (disk full, rights): nothing half is left (atomic writes); tried again later.
        return err<RunOutcome>('storage_failed', `Writing the local site failed: ${(error as Error).message}`);
      }
    });
  }

  async fetchRemote(link: RemoteLink): Promise<Result<RemoteItem>> {
    const bytes = await readFile(this.itemPath(link.remoteId)).catch(() => null);
    if (bytes === null) return err('backend_item_missing', `The local site has no item ${link.remoteId}`);
    const item = parseItem(bytes);
    if (!item) return err('backend_item_missing', `The item file of ${link.remoteId} on the local site is not readable (edited by hand?)`);
    return ok(this.toRemoteItem(item, sha256(bytes)));
  }

  /** Scheduled items whose time has come go up: page, item JSON and the index. */
  async publishDue(now: Date): Promise<DuePublished[]> {
    if (!(await this.ready()).ok) return [];
    const due = [...this.#scheduled].filter(([, at]) => at <= now.getTime()).map(([id]) => id);
    const out: DuePublished[] = [];
    for (const id of due) {
      const done = await this.serial(id, async (): Promise<DuePublished | null> => {
        const bytes = await readFile(this.itemPath(id)).catch(() => null);
        const item = bytes === null ? null : parseItem(bytes);
        if (bytes === null || !item || item.siteStatus !== 'future' || !item.scheduledFor) {
          this.#scheduled.delete(id);
          return null;
        }
        if (!(await this.writtenVersions(id)).includes(sha256(bytes))) {
          // Edited by hand since: leave it for a person (the next step on it shows the conflict).
          this.#scheduled.delete(id);
          this.deps.logger.warn('local_site.scheduled_item_edited', { id });
          return null;
        }
        const next: LocalSiteItem = { ...item, siteStatus: 'publish', workflowStatus: 'publisert', publishedAt: item.scheduledFor, page: pageName({ id, title: item.title }) };
        try {
          // Written, it leaves the schedule (writeItem remembers it as published); not written
          // (a full disk, a drive gone), it stays due and the next pass tries again.
          const version = await this.writeItem(next, null);
          return { documentId: id, remote: this.link(id, version, next.page), publishedAt: item.scheduledFor };
        } catch (error) {
          this.deps.logger.error('local_site.scheduled_write_failed', { id, error: (error as Error).message });
          return null;
        }
      });
      if (done) out.push(done);
    }
    if (out.length > 0) await this.rebuildIndex();
    return out;
  }

  // --- internals -----------------------------------------------------------------------------

  private async runNow(job: OutboxJob, doc: Document, ctx: RunContext): Promise<Result<RunOutcome>> {
    const bytes = await readFile(this.itemPath(doc.id)).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
    let prev: LocalSiteItem | null = null;
    if (bytes !== null) {
      const onDisk = sha256(bytes);
      const known = [doc.remote?.backend === this.id ? doc.remote.remoteVersion : null, ctx.overwriteVersion, ...(await this.writtenVersions(doc.id))];
      if (!known.includes(onDisk)) return err('remote_conflict', 'The item on the local site was changed outside Melding since it was last sent');
      prev = parseItem(bytes);
    }
    if (ctx.signal.aborted) return err('internal', 'Stopped before writing');

    const planned = this.plan(job, doc, prev);
    if (!planned.ok) return planned;
    const { item, published } = planned.value;
    const copied = await this.copyMedia(item.images, ctx);
    if (!copied.ok) return copied;
    if (ctx.signal.aborted) return err('internal', 'Stopped before writing');
    ctx.progress(0, 1, 'pages');
    const version = await this.writeItem(item, prev?.page ?? null);
    await this.rebuildIndex();
    ctx.progress(1, 1, 'pages');
    const outcome: RunOutcome = { remote: this.link(doc.id, version, item.page), ...(published === undefined ? {} : { publishedAt: published }) };
    return ok(outcome);
  }

  /** What the item becomes after the job; `published` is the outcome's publishedAt (undefined: unchanged). */
  private plan(job: OutboxJob, doc: Document, prev: LocalSiteItem | null): Result<{ item: LocalSiteItem; published?: string | null }> {
    const now = this.deps.now();
    const stamp = { modifiedAt: job.createdAt, modifiedBy: job.actor.name, lastJobId: job.id };
    const fresh = { ...stamp, ...this.contentOf(doc) };
    const kept = prev ? { ...prev, ...stamp } : { ...fresh, siteStatus: 'draft' as SiteStatus, scheduledFor: null, publishedAt: null, page: null };
    const base = { format: 1 as const, meldingId: doc.id };
    switch (job.action) {
      case 'publish': {
        const publishedAt = prev?.siteStatus === 'publish' && prev.publishedAt ? prev.publishedAt : (doc.publishedAt ?? job.createdAt);
        return ok({ item: { ...base, ...fresh, siteStatus: 'publish', workflowStatus: 'publisert', scheduledFor: null, publishedAt, page: pageName(doc) }, published: publishedAt });
      }
      case 'schedule': {
        const at = doc.embargoAt ?? job.createdAt;
        if (Date.parse(at) <= now.getTime()) {
          // Sent after its time (the app was closed): it goes up now, at its scheduled time.
          return ok({ item: { ...base, ...fresh, siteStatus: 'publish', workflowStatus: 'publisert', scheduledFor: at, publishedAt: at, page: pageName(doc) }, published: at });
        }
        return ok({ item: { ...base, ...fresh, siteStatus: 'future', workflowStatus: 'planlagt', scheduledFor: at, publishedAt: null, page: null } });
      }
      case 'unschedule':
        return ok({ item: { ...base, ...kept, siteStatus: 'draft', workflowStatus: 'godkjent', scheduledFor: null, publishedAt: null, page: null }, published: null });
      case 'unpublish':
        return ok({ item: { ...base, ...kept, siteStatus: 'draft', workflowStatus: 'avpublisert', scheduledFor: null, publishedAt: null, page: null }, published: null });
      case 'sync': {
        const live = prev?.siteStatus === 'publish' || prev?.siteStatus === 'future';
        // Text that is on the site (or about to be) changes only to an approved text.
        if (live && !approvalHolds(doc)) return err('approval_mismatch', 'The text on the site can only be replaced by an approved text');
        if (!prev || !live) return ok({ item: { ...base, ...fresh, siteStatus: prev?.siteStatus ?? 'draft', workflowStatus: doc.status, scheduledFor: null, publishedAt: null, page: null } });
        const page = prev.siteStatus === 'publish' ? pageName(doc) : null;
        return ok({ item: { ...base, ...fresh, siteStatus: prev.siteStatus, workflowStatus: prev.workflowStatus, scheduledFor: prev.scheduledFor, publishedAt: prev.publishedAt, page } });
      }
      default: {
        const workflowStatus: WorkflowStatus = job.action === 'revoke' ? 'til_godkjenning' : WORKFLOW_RULES[job.action].to;
        // A scheduled item whose approval is revoked must not go out at its time: off the
        // schedule, waiting for approval again (as WordPress turns a future post back to pending).
        if (job.action === 'revoke' && prev?.siteStatus === 'future') {
          return ok({ item: { ...base, ...prev, ...stamp, siteStatus: 'pending', workflowStatus, scheduledFor: null, publishedAt: null, page: null } });
        }
        // What is on the site stays as it is; the step is recorded.
        if (prev && (prev.siteStatus === 'publish' || prev.siteStatus === 'future')) {
          const page = prev.siteStatus === 'publish' ? (prev.page && isPageName(prev.page) ? prev.page : pageName(doc)) : null;
          return ok({ item: { ...base, ...prev, ...stamp, workflowStatus, page } });
        }
        return ok({ item: { ...base, ...fresh, siteStatus: SITE_STATUS_OF[job.action] ?? 'draft', workflowStatus, scheduledFor: null, publishedAt: null, page: null } });
      }
    }
  }

  private contentOf(doc: Document): Pick<LocalSiteItem, 'type' | 'maalform' | 'title' | 'ingress' | 'body' | 'bodyHtml' | 'contacts' | 'tags' | 'embargoAt' | 'images'> {
    const images: LocalSiteImage[] = doc.images.map((use) => ({
      useId: use.id,
      mediaId: use.mediaId,
      ...mediaPaths(use.mediaId),
      fileName: `${use.mediaId}-w1200.webp`,
      mimeType: 'image/webp',
      caption: use.caption,
      alt: use.alt,
      credit: use.credit,
      rights: use.rights,
      decorative: use.decorative,
      featured: use.featured,
    }));
    // Never the internal note: it is for editors only.
    return {
      type: doc.type,
      maalform: doc.maalform,
      title: doc.title,
      ingress: doc.ingress,
      body: structuredClone(doc.body),
      bodyHtml: itemBodyHtml(doc),
      contacts: doc.contacts.map((c) => ({ ...c })),
      tags: [...doc.tags],
      embargoAt: doc.embargoAt,
      images,
    };
  }

  private async copyMedia(images: readonly LocalSiteImage[], ctx: RunContext): Promise<Result<null>> {
    const ids = [...new Set(images.map((i) => i.mediaId))];
    ctx.progress(0, ids.length, 'media');
    for (const [n, id] of ids.entries()) {
      if (ctx.signal.aborted) return err('internal', 'Stopped while copying images');
      for (const [rendition, target] of [
        ['w1200', mediaPaths(id).src],
        ['w2400', mediaPaths(id).large],
      ] as const) {
        const to = join(this.deps.folder, target);
        if (await exists(to)) continue;
        const from = ctx.media.renditionPath(id, rendition);
        const bytes = from ? await readFile(from).catch(() => null) : null;
        if (!bytes) return err('media_not_found', `Image ${id} is not in the media store`);
        await writePublic(to, bytes);
      }
      ctx.progress(n + 1, ids.length, 'media');
    }
    return ok(null);
  }

  /** Writes the page (or removes it), notes the version, then writes the item JSON; answers the version. */
  private async writeItem(item: LocalSiteItem, previousPage: string | null): Promise<string> {
    if (item.page && isPageName(item.page)) await writePublic(join(this.deps.folder, item.page), renderItemPage(item, this.deps.label));
    const text = serializeItem(item);
    const version = sha256(text);
    // Noted before the item is written: a crash in between leaves a version that is simply never met.
    const written = [version, ...(await this.writtenVersions(item.meldingId)).filter((v) => v !== version)].slice(0, KEEP_WRITTEN);
    await writePublic(this.writtenPath(item.meldingId), `${JSON.stringify(written)}\n`);
    await writePublic(this.itemPath(item.meldingId), text);
    this.remember(item);
    if (previousPage && previousPage !== item.page && isPageName(previousPage)) await rm(join(this.deps.folder, previousPage), { force: true });
    return version;
  }

  /** Notes where an item now is: on the index, on the schedule, or neither. */
  private remember(item: LocalSiteItem): void {
    if (item.siteStatus === 'publish' && item.page !== null) this.#listed.set(item.meldingId, item);
    else this.#listed.delete(item.meldingId);
    if (item.siteStatus === 'publish' || item.siteStatus === 'future') this.#live.set(item.meldingId, item);
    else this.#live.delete(item.meldingId);
    if (item.siteStatus === 'future' && item.scheduledFor) this.#scheduled.set(item.meldingId, Date.parse(item.scheduledFor));
    else this.#scheduled.delete(item.meldingId);
  }

  /** Writes the index from the listed items; calls made while one is waiting to start share it. */
  private rebuildIndex(): Promise<void> {
    if (this.#indexQueued) return this.#indexQueued;
    const run = this.#indexChain.then(async () => {
      this.#indexQueued = null;
      await writePublic(this.indexPath, renderIndex([...this.#listed.values()], this.deps.label));
    });
    this.#indexQueued = run;
    this.#indexChain = run.catch(() => undefined);
    return run;
  }

  private async readItems(): Promise<{ item: LocalSiteItem; version: string }[]> {
    const dir = join(this.deps.folder, 'items');
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[0-9a-f-]{36}\.json$/.test(n)).sort();
    const out: { item: LocalSiteItem; version: string }[] = [];
    for (const name of names) {
      const bytes = await readFile(join(dir, name)).catch(() => null);
      const item = bytes ? parseItem(bytes) : null;
      if (bytes && item) out.push({ item, version: sha256(bytes) });
      else this.deps.logger.warn('local_site.item_unreadable', { name });
    }
    return out;
  }

  private async prepare(): Promise<void> {
    for (const dir of ['', 'items', 'media', '.melding']) await mkdir(join(this.deps.folder, dir), { recursive: true });
    const css = join(this.deps.folder, 'site.css');
    if ((await readFile(css, 'utf8').catch(() => null)) !== SITE_CSS) await writePublic(css, SITE_CSS);
  }

  private async writtenVersions(id: string): Promise<string[]> {
    const text = await readFile(this.writtenPath(id), 'utf8').catch(() => null);
    try {
      const parsed: unknown = text ? JSON.parse(text) : [];
      return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  }

  private itemPath(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('malformed item id');
    return join(this.deps.folder, 'items', `${id}.json`);
  }

  private writtenPath(id: string): string {
    return join(this.deps.folder, '.melding', `${id}.written.json`);
  }

  private link(id: string, version: string, page: string | null): RemoteLink {
    return { backend: this.id, remoteId: id, remoteVersion: version, url: page ? pathToFileURL(join(this.deps.folder, page)).href : null };
  }

  private toRemoteItem(item: LocalSiteItem, version: string): RemoteItem {
    return {
      link: this.link(item.meldingId, version, item.page),
      siteStatus: item.siteStatus,
      modifiedAt: item.modifiedAt,
      modifiedBy: item.modifiedBy,
      meldingId: item.meldingId,
      type: item.type,
      maalform: item.maalform,
      title: item.title,
      ingress: item.ingress,
      body: item.body,
      bodyHtml: item.bodyHtml,
      contacts: item.contacts,
      tags: item.tags,
      embargoAt: item.embargoAt,
      images: item.images.map((image) => ({
        remoteMediaId: image.mediaId,
        url: pathToFileURL(join(this.deps.folder, image.src)).href,
        fileName: image.fileName,
        mimeType: image.mimeType,
        caption: image.caption,
        alt: image.alt,
        credit: image.credit,
        featured: image.featured,
      })),
    };
  }

  private serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const run = (this.#perItem.get(id) ?? Promise.resolve()).then(task);
    const settled = run.catch(() => undefined);
    this.#perItem.set(id, settled);
    void settled.then(() => {
      if (this.#perItem.get(id) === settled) this.#perItem.delete(id);
    });
    return run;
  }
}

function parseItem(bytes: Uint8Array): LocalSiteItem | null {
  try {
    const parsed = LocalSiteItemSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Site files are for reading by anyone who gets the folder (a browser, a web server, a colleague
 * it is copied to): written atomically, then readable by all (atomicWrite makes them private).
 */
async function writePublic(path: string, data: string | Uint8Array): Promise<void> {
  await atomicWrite(path, data);
  await chmod(path, 0o644);
}
