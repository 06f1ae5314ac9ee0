import { createHash } from 'node:crypto';
import { newDocument, type Document, type DocumentContent, type ImageUse, type RichNode } from '../../../shared/domain/document';
import { APPROVAL_CARRYING_ACTIONS, type OutboxJob } from '../../../shared/domain/outboxJob';
import type { Actor } from '../../../shared/domain/profile';
import type { ConflictChoice, ConflictView, PublishingStatus, PullProgress, RemoteItem } from '../../../shared/domain/publishing';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { Library } from '../library/library';
import type { Logger } from '../logger';
import type { MediaStore } from '../media/mediaStore';
import type { OutboxStore } from '../outbox/outboxStore';
import type { LocalSiteBackend } from './localSite/localSiteBackend';
import type { OutboxRunner } from './outboxRunner';
import type { BackendRegistry, PublishingBackend } from './publishingBackend';

export interface PublishingServiceDeps {
  readonly library: Library;
  readonly outbox: OutboxStore;
  readonly media: MediaStore;
  readonly registry: BackendRegistry;
  readonly runner: OutboxRunner;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Who is acting (the active profile), for the audit of a revocation a merge causes. */
  readonly actor: () => Actor;
}

export interface ResolveRequest {
  readonly jobId: string;
  readonly choice: ConflictChoice;
  readonly siteVersion: string;
  readonly baseRevision: number;
  readonly content: DocumentContent | null;
}

export interface PullCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly ids: string[];
}

/** How many pending items one pull fetches at most. */
const PULL_LIMIT = 100;

/** Fetching an image for review fails like this only while the network is away: the pull stops and can be tried again. */
const PASSING = new Set(['backend_unreachable', 'backend_timeout', 'backend_server_error', 'backend_rate_limited']);

/** Statuses in which a pulled item may be refreshed from the site (nobody has decided on it in Melding yet). */
const REFRESHABLE = new Set(['utkast', 'til_godkjenning', 'returnert']);

/**
 * The publishing channels: the runner's status, waking and retrying it, cancelling a job that
 * has not been sent, a blocked job's conflict and its resolution, and pulling items waiting for
 * review on the site into the library.
 */
export class PublishingService {
  constructor(private readonly deps: PublishingServiceDeps) {}

  status(): Result<PublishingStatus> {
    return ok(this.deps.runner.status());
  }

  async wake(): Promise<Result<PublishingStatus>> {
    return ok(await this.deps.runner.wake());
  }

  async retry(jobId: string): Promise<Result<OutboxJob>> {
    const job = this.deps.outbox.get(jobId);
    if (!job || job.state === 'done') return err('outbox_job_not_found', `No open outbox job ${jobId}`);
    if (job.state === 'running' || this.deps.runner.isRunning(jobId)) return err('outbox_job_running', 'The job is being sent');
    return this.deps.runner.retry(jobId);
  }

  async cancel(jobId: string): Promise<Result<null>> {
    if (this.deps.runner.isRunning(jobId)) return err('outbox_job_running', 'The job is being sent');
    return this.deps.outbox.cancel(jobId);
  }

  /** The blocked job's conflict: the site's item now, beside what Melding last saw. */
  async conflict(jobId: string): Promise<Result<ConflictView>> {
    const found = await this.conflicted(jobId);
    if (!found.ok) return found;
    const { job, doc, backend } = found.value;
    const site = await this.fetchSite(backend, doc);
    if (!site.ok) return site;
    return ok({ jobId: job.id, documentId: doc.id, knownVersion: doc.remote?.remoteVersion ?? '', site: site.value });
  }

  /**
   * Resolves a conflict. 'site': the site's text becomes the local one (snapshot first), Melding
   * notes the site's version and drops the job. 'mine': the job is sent again over the version
   * the person looked at. 'merged': the merged text is saved (snapshot first) and sent over that
   * version. If the site moved on since, the next attempt conflicts again: nothing is overwritten
   * that nobody saw.
   *
   * Approval: a text that changes is no longer the approved one, in Melding as anywhere
   * (reviseAfterEdit through Library.save). A merge that changes an approved text revokes the
   * approval; a publish, schedule or sync job then cannot go out (it would send an unapproved
   * text), so it is dropped, with any publish or schedule of the document still unsent, and a
   * `revoke` job is queued, exactly as when the person types the change in the editor
   * (WorkflowService.save), and the text must be approved again. Keeping the
   * site's version also revokes a differing approval (Melding never approved that text), but
   * nothing is queued: the site already holds that text, and "keep the site's version" must not
   * change the site.
   */
  async resolveConflict(request: ResolveRequest): Promise<Result<Document>> {
    const { library, outbox, runner } = this.deps;
    const found = await this.conflicted(request.jobId);
    if (!found.ok) return found;
    const { job, doc, backend } = found.value;
    if (doc.revision !== request.baseRevision) return err('document_conflict', `Document is at revision ${doc.revision}, not ${request.baseRevision}`);
    const link = doc.remote;
    if (!link) return err('conflict_not_found', 'The document has no item on the site');
    const seen = { ...link, remoteVersion: request.siteVersion };

    if (request.choice === 'mine') {
      // The person saw the site's version and chose to send theirs over it: recorded, so a restart keeps that choice.
      const noted = await library.setRemote(doc.id, seen);
      if (!noted.ok) return noted;
      const retried = await runner.retry(job.id, request.siteVersion);
      return retried.ok ? noted : retried;
    }

    if (request.choice === 'site') {
      const site = await this.fetchSite(backend, doc);
      if (!site.ok) return site;
      if (site.value.link.remoteVersion !== request.siteVersion) return err('remote_conflict', 'The item changed on the site again since it was shown; look at it again');
      const images = await imagesFromSite(site.value, doc.images, backend, this.deps.media, new AbortController().signal, this.deps.logger);
      if (!images.ok) return images;
      const before = await library.snapshot(doc.id, 'before-conflict');
      if (!before.ok) return before;
      const content: DocumentContent = {
        ...contentOf(doc),
        title: site.value.title,
        ingress: site.value.ingress,
        body: site.value.body,
        tags: site.value.tags,
        embargoAt: site.value.embargoAt,
        images: images.value,
      };
      const saved = await library.save(doc.id, request.baseRevision, content);
      if (!saved.ok) return saved;
      const noted = await library.setRemote(doc.id, { ...link, remoteVersion: site.value.link.remoteVersion, url: site.value.link.url });
      if (!noted.ok) return noted;
      const dropped = await outbox.cancel(job.id);
      if (!dropped.ok) this.deps.logger.warn('publishing.conflict_job_not_dropped', { jobId: job.id, code: dropped.error.code });
      if (saved.value.revoked) {
        // My text, and its approval, are gone: a publish or schedule queued for it is void.
        const voided = await outbox.dropUnsent(doc.id, APPROVAL_CARRYING_ACTIONS);
        if (!voided.ok) this.deps.logger.warn('publishing.conflict_publish_not_dropped', { documentId: doc.id, code: voided.error.code });
        runner.kick();
      }
      return noted;
    }

    // merged
    if (!request.content) return err('invalid_input', 'A merged text is needed');
    const before = await library.snapshot(doc.id, 'before-conflict');
    if (!before.ok) return before;
    const saved = await library.save(doc.id, request.baseRevision, request.content);
    if (!saved.ok) return saved;
    const noted = await library.setRemote(doc.id, seen);
    if (!noted.ok) return noted;
    const sendsApprovedText = job.action === 'publish' || job.action === 'schedule' || job.action === 'sync';
    if (saved.value.revoked) {
      // Every publish or schedule of this document not yet sent (this job too) is void with the
      // approval; a sync held by this conflict would send an unapproved text. The revoke goes out instead.
      const dropped = await outbox.dropUnsent(doc.id, APPROVAL_CARRYING_ACTIONS);
      if (!dropped.ok) return dropped;
      if (job.action === 'sync') {
        const cancelled = await outbox.cancel(job.id);
        if (!cancelled.ok) return cancelled;
      }
      const queued = await outbox.enqueue({ documentId: doc.id, action: 'revoke', backendId: job.backendId, actor: this.deps.actor(), docRevision: saved.value.revision, approvalHash: null, comment: '' });
      if (!queued.ok) return queued;
      if (sendsApprovedText) {
        runner.kick();
        return noted;
      }
    }
    const retried = await runner.retry(job.id, request.siteVersion);
    return retried.ok ? noted : retried;
  }

  /**
   * Items waiting for approval on the active site come into the library (status til_godkjenning,
   * with their images and the link to the site), once each: by the Melding id they carry, or by
   * an id derived from their place on the site. An item already here is refreshed only while
   * nobody has decided on it in Melding and no step for it waits in the outbox.
   */
  async pullPending(signal: AbortSignal = new AbortController().signal, progress: (step: PullProgress) => void = () => {}): Promise<Result<PullCounts>> {
    let last: PullProgress = { phase: 'list', done: 0, total: 0, finished: false };
    const report = (step: Omit<PullProgress, 'finished'>) => {
      last = { ...step, finished: false };
      progress(last);
    };
    report(last);
    try {
      return await this.pull(signal, report);
    } finally {
      progress({ ...last, finished: true });
    }
  }

  private async pull(signal: AbortSignal, report: (step: Omit<PullProgress, 'finished'>) => void): Promise<Result<PullCounts>> {
    const { registry, library, outbox } = this.deps;
    const backend = await registry.backendFor(registry.activeId());
    if (!backend.ok) return backend;
    const site = backend.value;
    if (!site.listPending) {
      // The local site is written only by Melding: nothing waits there. Elsewhere the site cannot list them.
      return site.kind === 'local-site' ? ok({ added: 0, updated: 0, unchanged: 0, ids: [] }) : err('backend_plugin_missing', 'This site cannot list items waiting for approval');
    }
    const listed = await site.listPending(signal, PULL_LIMIT);
    if (!listed.ok) return listed;
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const idOf = (item: RemoteItem) => item.meldingId ?? derivedId(item.link.backend, item.link.remoteId);
    const ids = listed.value.map(idOf);
    // Oldest change on the site first: the newest is stored last, so a library sorted by "last
    // changed" shows it on top, not below the rest of the batch (and perhaps out of view).
    const oldestFirst = [...listed.value].sort((a, b) => Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt));
    for (const [n, item] of oldestFirst.entries()) {
      report({ phase: 'items', done: n, total: oldestFirst.length });
      const id = idOf(item);
      const existing = await library.read(id);
      if (!existing.ok && existing.error.code !== 'document_not_found') return existing;
      const current = existing.ok ? existing.value : null;
      if (current) {
        const same = current.remote?.backend === item.link.backend && current.remote.remoteId === item.link.remoteId && current.remote.remoteVersion === item.link.remoteVersion;
        const busy = outbox.list({ documentId: id }).length > 0;
        if (same || busy || current.deletedAt !== null || !REFRESHABLE.has(current.status)) {
          unchanged++;
          continue;
        }
      }
      const images = await imagesFromSite(item, current?.images ?? [], site, this.deps.media, signal, this.deps.logger);
      if (!images.ok) return images;
      const now = this.deps.now();
      const base: Document =
        current ?? newDocument({ id, now, author: { name: item.modifiedBy, email: '' }, type: item.type, maalform: item.maalform });
      const next: Document = {
        ...base,
        type: item.type,
        maalform: item.maalform,
        title: item.title,
        ingress: item.ingress,
        body: item.body,
        contacts: item.contacts,
        tags: item.tags,
        embargoAt: item.embargoAt,
        images: images.value,
        status: 'til_godkjenning',
        approval: null,
        remote: item.link,
        revision: current ? current.revision + 1 : 0,
        updatedAt: now.toISOString(),
      };
      if (current) {
        const before = await library.snapshot(id, 'before-import');
        if (!before.ok) return before;
      }
      // Over the revision read before the images were fetched: a save made meanwhile wins, and the
      // item is left for the next pull.
      const put = await library.put(next, 'import', current ? current.revision : null);
      if (!put.ok && put.error.code === 'document_conflict') {
        unchanged++;
        continue;
      }
      if (!put.ok) return put;
      if (current) updated++;
      else added++;
    }
    report({ phase: 'items', done: oldestFirst.length, total: oldestFirst.length });
    return ok({ added, updated, unchanged, ids });
  }

  // --- internals -----------------------------------------------------------------------------

  private async conflicted(jobId: string): Promise<Result<{ job: OutboxJob; doc: Document; backend: PublishingBackend }>> {
    const job = this.deps.outbox.get(jobId);
    if (!job || job.state !== 'blocked' || job.lastError?.code !== 'remote_conflict') return err('conflict_not_found', `Job ${jobId} is not held by a conflict`);
    const doc = await this.deps.library.read(job.documentId);
    if (!doc.ok) return doc;
    if (!doc.value.remote) return err('conflict_not_found', 'The document has no item on the site');
    const backend = await this.deps.registry.backendFor(doc.value.remote.backend);
    if (!backend.ok) return backend;
    return ok({ job, doc: doc.value, backend: backend.value });
  }

  private async fetchSite(backend: PublishingBackend, doc: Document): Promise<Result<RemoteItem>> {
    if (!backend.fetchRemote || !doc.remote) return err('conflict_not_found', 'This backend cannot show its version of the item');
    return backend.fetchRemote(doc.remote, new AbortController().signal);
  }
}

/**
 * A stable document id for an item made on the site (no Melding id): a UUID (version 5 layout)
 * from the backend and the site's id, so pulling it again finds the same document.
 */
export function derivedId(backendId: string, remoteId: string): string {
  const h = createHash('sha256').update(`melding-remote:${backendId}:${remoteId}`).digest('hex');
  const variant = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function figureIds(node: RichNode | { content?: RichNode[] }, out = new Set<string>()): Set<string> {
  for (const child of node.content ?? []) {
    if (child.type === 'figure' && typeof child.attrs?.imageUseId === 'string') out.add(child.attrs.imageUseId);
    figureIds(child, out);
  }
  return out;
}

/**
 * The site's images as the document's image uses: one the document already has (the same media,
 * or the use a figure in the site's body names) keeps its media with the site's caption, alt text
 * and credit; another is fetched from the site into the media store, where the backend can. Uses
 * the site's body still shows are kept. An image the site refuses to hand over is left out (the
 * log says which); a network error stops, so the caller can try again.
 */
export async function imagesFromSite(
  item: RemoteItem,
  local: readonly ImageUse[],
  backend: PublishingBackend,
  media: MediaStore,
  signal: AbortSignal,
  logger: Logger,
): Promise<Result<ImageUse[]>> {
  const referenced = figureIds(item.body);
  const out: ImageUse[] = [];
  const taken = new Set<string>();
  for (const [n, image] of item.images.entries()) {
    // WordPress names a figure it read back after the attachment: wp-<id>.
    const figureId = [`wp-${image.remoteMediaId.slice(0, 60)}`, image.remoteMediaId].find((id) => referenced.has(id)) ?? null;
    const known = local.find((u) => !taken.has(u.id) && (u.mediaId === image.remoteMediaId || u.id === figureId));
    const texts = { caption: image.caption.slice(0, 2000), alt: image.alt.slice(0, 2000), credit: image.credit.slice(0, 300), featured: image.featured };
    if (known) {
      out.push({ ...known, ...texts });
      taken.add(known.id);
      continue;
    }
    if (!backend.fetchMedia) continue;
    const bytes = await backend.fetchMedia(image, signal);
    if (!bytes.ok) {
      if (PASSING.has(bytes.error.code)) return bytes;
      logger.warn('publishing.pull_image_skipped', { remoteMediaId: image.remoteMediaId, code: bytes.error.code });
      continue;
    }
    const ingested = await media.ingest(image.fileName || 'bilde', bytes.value);
    if (!ingested.ok) {
      logger.warn('publishing.pull_image_refused', { remoteMediaId: image.remoteMediaId, code: ingested.error.code });
      continue;
    }
    const same = local.find((u) => !taken.has(u.id) && u.mediaId === ingested.value.media.id);
    let id = same?.id ?? figureId ?? `site-${n + 1}`;
    while (out.some((u) => u.id === id)) id = `${id}-b`.slice(-64);
    out.push({ id, mediaId: ingested.value.media.id, rights: same?.rights ?? '', decorative: same?.decorative ?? false, ...texts });
    taken.add(id);
  }
  for (const use of local) if (!taken.has(use.id) && referenced.has(use.id)) out.push(use);
  // One featured image at most: the first the site marks.
  let featured = false;
  return ok(
    out.map((u) => {
      const keep = u.featured && !featured;
      featured ||= keep;
      return { ...u, featured: keep };
    }),
  );
}

function contentOf(doc: Document): DocumentContent {
  const { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote } = doc;
  return structuredClone({ type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote });
}

/**
 * Hooks that let the runner carry the local site's schedule (it has no server): before each
 * pass, scheduled items whose time has come go up and the library records where; the runner's
 * timer also wakes for the next one.
 */
export function localSiteSchedule(site: LocalSiteBackend, library: Library, logger: Logger): { beforePass: (now: Date) => Promise<void>; nextWakeAt: () => Date | null } {
  return {
    beforePass: async (now) => {
      for (const up of await site.publishDue(now)) {
        const noted = await library.setRemote(up.documentId, up.remote, up.publishedAt);
        if (!noted.ok) logger.warn('publishing.scheduled_not_noted', { id: up.documentId, code: noted.error.code });
      }
    },
    nextWakeAt: () => site.nextDueAt(),
  };
}
