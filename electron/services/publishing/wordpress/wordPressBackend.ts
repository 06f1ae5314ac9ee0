import type { BackendCapabilities } from '../../../../shared/domain/backendGrant';
import type { Document, RemoteLink } from '../../../../shared/domain/document';
import type { OutboxJob } from '../../../../shared/domain/outboxJob';
import type { ConnectionReport, RemoteImage, RemoteItem, WordPressConfig } from '../../../../shared/domain/publishing';
import { err, ok, type Result } from '../../../../shared/ipc/result';
import type { PublishingBackend, RunContext, RunOutcome } from '../publishingBackend';
import { WpClient, type WpResult } from './wpClient';
import { contentHtml, ID_MARKER } from './wpContent';
import { ensureMedia, lookupMedia } from './wpMedia';
import { differences, postPayload, statusOfDocument, targetStatus, type PostPayload } from './wpPostPayload';
import { remoteItemOf } from './wpRemoteItem';
import { readSiteInfo, siteLimits, type SiteInfo } from './wpSite';
import { WpTerms } from './wpTerms';
import { isWpPost, wpGmtToIso, type WpPost, type WpUser } from './wpTypes';

export interface WordPressBackendOptions extends Pick<WordPressConfig, 'id' | 'siteUrl' | 'userName' | 'withdrawMode'> {
  readonly password: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

/** How long what a site offers (plugin, meta keys) is trusted before it is read again. */
const SITE_INFO_TTL_MS = 5 * 60 * 1000;
const POST_STATUSES = ['draft', 'pending', 'future', 'publish', 'private', 'trash'];

/**
 * A WordPress site over its REST API. `run` carries out one outbox job so that running it again
 * (after a lost answer, a timeout or a crash) changes nothing more: the post is found by the
 * Melding id before anything is created (the companion plugin's query filter, or an id marker in
 * the content on a plain site), images by a content key; a post already as the step wants it is
 * not written again. Before changing a post it compares the site's version marker (the plugin's
 * melding_version, else modified_gmt) with the one Melding last saw, and refuses with
 * remote_conflict if someone else changed it. Every write is read back and compared.
 */
export class WordPressBackend implements PublishingBackend {
  readonly id: string;
  readonly kind = 'wordpress' as const;
  readonly client: WpClient;
  readonly #terms: WpTerms;
  readonly #now: () => Date;
  #site: { info: SiteInfo; at: number } | null = null;

  constructor(private readonly options: WordPressBackendOptions) {
    this.id = options.id;
    this.#now = options.now ?? (() => new Date());
    this.client = new WpClient({ siteUrl: options.siteUrl, userName: options.userName, password: options.password, fetch: options.fetch, timeoutMs: options.timeoutMs });
    this.#terms = new WpTerms(this.client, this.#now);
  }

  async testConnection(signal?: AbortSignal): Promise<Result<ConnectionReport>> {
    const me = await this.client.request('wp/v2/users/me', { query: { context: 'edit' }, signal });
    if (!me.ok) return me;
    const user = me.value.json as WpUser;
    if (typeof user?.id !== 'number') return err('backend_server_error', 'users/me answered something that is not a user');
    this.#site = null;
    const site = await this.site(signal);
    if (!site.ok) return site;
    const caps = user.capabilities ?? {};
    const capabilities: BackendCapabilities = {
      submit: caps.edit_posts === true,
      approve: caps.edit_others_posts === true,
      publish: caps.publish_posts === true,
      uploadMedia: caps.upload_files === true,
      unpublish: caps.edit_published_posts === true,
    };
    const grant: ConnectionReport['grant'] = {
      backendId: this.id,
      kind: 'wordpress',
      userName: user.username ?? user.slug,
      displayName: user.name,
      roles: [...(user.roles ?? [])],
      capabilities,
      checkedAt: this.#now().toISOString(),
    };
    return ok({ grant, companion: site.value.companion, limits: siteLimits(site.value) });
  }

  async run(job: OutboxJob, doc: Document, ctx: RunContext): Promise<WpResult<RunOutcome>> {
    const site = await this.site(ctx.signal);
    if (!site.ok) return site;
    const plugin = site.value.companion.installed;
    ctx.progress(0, 1, 'prepare');

    const target = targetStatus(job.action, this.options.withdrawMode);
    // The images, category and tags are looked up meanwhile (one round trip for all of it).
    const lookups = target === 'trash' ? null : Promise.all([lookupMedia(this.client, site.value, doc, ctx.signal), this.#terms.category(doc.type, doc.maalform, ctx.signal), this.#terms.tags(doc.tags, ctx.signal)]);

    // 1. Where the post is: the link Melding has, or (a create whose answer was lost) the Melding id.
    const known = doc.remote && doc.remote.backend === this.id ? doc.remote : null;
    const located = known ? await this.getPost(known.remoteId, ctx.signal) : await this.findByMeldingId(doc.id, site.value, ctx.signal);
    if (!located.ok) return located;
    const post: WpPost | null = located.value;

    // 2. Someone else's change on the site is never overwritten (the plugin tells a job's own
    // earlier write apart at once; on a plain site that is done below by comparing contents).
    const expected = known ? (ctx.overwriteVersion ?? known.remoteVersion) : null;
    const moved = post !== null && expected !== null && versionOf(post, plugin) !== expected;
    if (moved && plugin && !(post?.meta?.melding_job === job.id && post.melding_job_version === post.melding_version)) {
      return conflict(post, expected);
    }

    // A revoked approval leaves a published post as it is (it stays until the new text is approved
    // and published) and takes a scheduled one back to waiting; the unapproved text is not sent.
    if (job.action === 'revoke' && post && (post.status === 'publish' || post.status === 'future')) {
      if (moved && !plugin) return conflict(post, expected);
      return this.revokeLive(post, site.value, job.id, ctx.signal);
    }

    // 3. Withdraw into the bin.
    if (target === 'trash') {
      if (moved && !plugin) return conflict(post, expected);
      if (post && post.status !== 'trash') {
        const trashed = await this.client.request(`wp/v2/posts/${post.id}`, { method: 'DELETE', query: { context: 'edit' }, signal: ctx.signal, missing: 'item' });
        if (!trashed.ok) return trashed;
        const back = await this.getPost(String(post.id), ctx.signal);
        if (!back.ok) return back.error.code === 'backend_item_missing' ? ok({ remote: null, publishedAt: null }) : back;
        if (back.value.status !== 'trash') return err('backend_server_error', `The site did not move post ${post.id} to its bin (status ${back.value.status})`);
      }
      return ok({ remote: null, publishedAt: null });
    }

    // 4. Images once each, the category and tags.
    if (!lookups) return err('internal', 'No lookups for a step that sends content');
    const [found, category, tags] = await lookups;
    if (!category.ok) return category;
    if (!tags.ok) return tags;
    const media = await ensureMedia(this.client, site.value, doc, ctx, Promise.resolve(found));
    if (!media.ok) return media;

    const status = target === 'keep' ? (post && post.status !== 'trash' && post.status !== 'private' ? (post.status as PostPayload['status']) : statusOfDocument(doc.status)) : target;
    const content = contentHtml(doc, (use) => media.value.get(use.id)?.source_url ?? null, !plugin);
    const want = postPayload({ doc, jobId: job.id, status, existing: post, content, category: category.value, tags: tags.value, media: media.value, site: site.value, now: this.#now() });

    // 5. Already as wanted (this job's earlier attempt landed): nothing to write.
    const same = post !== null && differences(post, want).length === 0;
    if (moved && !plugin && !same) return conflict(post, expected);
    ctx.progress(0, 1, 'post');
    let written: WpPost;
    if (post && same) written = post;
    else {
      const wrote = await this.write(post, want, plugin, doc.id, site.value, ctx.signal);
      if (!wrote.ok) return wrote;
      written = wrote.value;
    }

    // 6. Read back: WordPress drops what it does not know and filters what it does not like.
    ctx.progress(0, 1, 'verify');
    const diff = differences(written, want);
    // Writing the same again would only add a revision on the site: a person must look.
    if (diff.length > 0) return err('backend_refused', `The site did not keep ${diff.join(', ')} of post ${written.id}`);
    ctx.progress(1, 1, 'verify');
    const outcome: RunOutcome = {
      remote: this.linkOf(written, plugin),
      ...(written.status === 'publish' ? { publishedAt: wpGmtToIso(written.date_gmt) } : target === 'draft' && job.action === 'unpublish' ? { publishedAt: null } : {}),
    };
    return ok(outcome);
  }

  async fetchRemote(link: RemoteLink, signal: AbortSignal): Promise<Result<RemoteItem>> {
    const site = await this.site(signal);
    if (!site.ok) return site;
    const got = await this.getPost(link.remoteId, signal);
    if (!got.ok) return got;
    return remoteItemOf(got.value, { client: this.client, terms: this.#terms, site: site.value, backendId: this.id, plugin: site.value.companion.installed, signal });
  }

  async listPending(signal: AbortSignal, limit: number): Promise<Result<RemoteItem[]>> {
    const site = await this.site(signal);
    if (!site.ok) return site;
    const list = await this.client.request('wp/v2/posts', { query: { status: 'pending', context: 'edit', orderby: 'date', order: 'desc', per_page: Math.max(1, Math.min(100, limit)) }, signal });
    if (!list.ok) return list;
    const posts = Array.isArray(list.value.json) ? list.value.json.filter(isWpPost) : [];
    const items: RemoteItem[] = [];
    for (const post of posts.slice(0, limit)) {
      const item = await remoteItemOf(post, { client: this.client, terms: this.#terms, site: site.value, backendId: this.id, plugin: site.value.companion.installed, signal });
      if (!item.ok) return item;
      items.push(item.value);
    }
    return ok(items);
  }

  async fetchMedia(image: RemoteImage, signal: AbortSignal): Promise<Result<Uint8Array>> {
    // The credentials go to this site only: an image elsewhere is fetched without them.
    const site = new URL(this.options.siteUrl);
    let url: URL;
    try {
      url = new URL(image.url, site);
    } catch {
      return err('backend_server_error', `Not an image address: ${image.url.slice(0, 200)}`);
    }
    if (url.origin !== site.origin) return err('backend_forbidden', `The image is not on the site (${url.origin})`);
    const got = await this.client.raw(url.toString(), signal);
    return got;
  }

  // --- internals ------------------------------------------------------------------------------

  private async revokeLive(post: WpPost, site: SiteInfo, jobId: string, signal: AbortSignal): Promise<WpResult<RunOutcome>> {
    const plugin = site.companion.installed;
    const meta: Record<string, string> = {};
    for (const key of ['melding_approved_by', 'melding_approved_at', 'melding_approval_hash']) if (site.postMeta.has(key)) meta[key] = '';
    if (site.postMeta.has('melding_job')) meta.melding_job = jobId;
    const body: Record<string, unknown> = { meta };
    if (post.status === 'future') body.status = 'pending';
    const unchanged = post.status !== 'future' && Object.entries(meta).every(([k, v]) => post.meta?.[k] === v);
    let written = post;
    if (!unchanged) {
      if (plugin) body.melding_if_version = String(post.melding_version ?? 0);
      const wrote = await this.client.request(`wp/v2/posts/${post.id}`, { method: 'POST', json: body, query: { context: 'edit' }, signal, missing: 'item', accept: [409] });
      if (!wrote.ok) return wrote;
      if (wrote.value.status === 409) return err('remote_conflict', `Post ${post.id} changed on the site while Melding was writing it`);
      if (!isWpPost(wrote.value.json)) return err('backend_server_error', 'The site answered a write with something that is not a post');
      written = wrote.value.json;
    }
    const lost = Object.entries(meta).filter(([k, v]) => written.meta?.[k] !== v).map(([k]) => `meta.${k}`);
    if (post.status === 'future' && written.status !== 'pending' && written.status !== 'publish') lost.push('status');
    if (lost.length > 0) return err('backend_server_error', `The site did not keep ${lost.join(', ')} of post ${written.id}`);
    return ok({ remote: this.linkOf(written, plugin), ...(written.status === 'publish' ? { publishedAt: wpGmtToIso(written.date_gmt) } : {}) });
  }

  private async site(signal?: AbortSignal): Promise<WpResult<SiteInfo>> {
    const now = this.#now().getTime();
    if (this.#site && now - this.#site.at < SITE_INFO_TTL_MS) return ok(this.#site.info);
    const info = await readSiteInfo(this.client, signal);
    if (!info.ok) return info;
    this.#site = { info: info.value, at: now };
    return info;
  }

  private async getPost(id: string, signal: AbortSignal): Promise<WpResult<WpPost>> {
    if (!/^\d+$/.test(id)) return err('backend_item_missing', `Not a WordPress post id: ${id.slice(0, 50)}`);
    const got = await this.client.request(`wp/v2/posts/${id}`, { query: { context: 'edit' }, signal, missing: 'item' });
    if (!got.ok) return got;
    return isWpPost(got.value.json) ? ok(got.value.json) : err('backend_server_error', `posts/${id} answered something that is not a post`);
  }

  /** The post made from a document, in any status (the bin too), or null. */
  async findByMeldingId(documentId: string, site: SiteInfo, signal: AbortSignal): Promise<WpResult<WpPost | null>> {
    const plugin = site.companion.installed;
    const query = plugin ? { melding_id: documentId } : { search: documentId };
    const found = await this.client.request('wp/v2/posts', { query: { ...query, status: POST_STATUSES, context: 'edit', per_page: 20, orderby: 'id', order: 'asc' }, signal });
    if (!found.ok) return found;
    const posts = Array.isArray(found.value.json) ? found.value.json.filter(isWpPost) : [];
    const mine = posts.filter((p) => (plugin ? p.meta?.melding_id === documentId : (p.content.raw ?? '').match(ID_MARKER)?.[1] === documentId));
    return ok(mine[0] ?? null);
  }

  private async write(post: WpPost | null, want: PostPayload, plugin: boolean, documentId: string, site: SiteInfo, signal: AbortSignal): Promise<WpResult<WpPost>> {
    const body: Record<string, unknown> = { ...want };
    if (post && plugin) body.melding_if_version = String(post.melding_version ?? 0);
    const path = post ? `wp/v2/posts/${post.id}` : 'wp/v2/posts';
    const wrote = await this.client.request(path, { method: 'POST', json: body, query: { context: 'edit' }, signal, missing: 'item', accept: [409] });
    if (!wrote.ok) {
      // A term removed on the site meanwhile: look the terms up again next time.
      if (wrote.error.code === 'backend_server_error') this.#terms.forget();
      return wrote;
    }
    if (wrote.value.status === 409) {
      const json = wrote.value.json as { code?: unknown } | null;
      // The plugin refused a second post for the document: an earlier attempt made it. Update that one.
      if (json?.code === 'melding_exists' && !post) {
        const found = await this.findByMeldingId(documentId, site, signal);
        if (!found.ok) return found;
        if (!found.value) return err('backend_server_error', 'The site says the post exists but does not list it');
        return this.write(found.value, want, plugin, documentId, site, signal);
      }
      return err('remote_conflict', `The post changed on the site while Melding was writing it (${JSON.stringify(json).slice(0, 200)})`);
    }
    return isWpPost(wrote.value.json) ? ok(wrote.value.json) : err('backend_server_error', 'The site answered a write with something that is not a post');
  }

  private linkOf(post: WpPost, plugin: boolean): RemoteLink {
    return { backend: this.id, remoteId: String(post.id), remoteVersion: versionOf(post, plugin), url: post.link || null };
  }
}

/**
 * The site's version marker: the plugin's counter, bumped on every save by anyone; on a plain
 * site the last modification time, which has one-second resolution (two saves in one second
 * look the same).
 */
export function versionOf(post: WpPost, plugin: boolean): string {
  return plugin ? `v${post.melding_version ?? 0}` : `m${post.modified_gmt}`;
}

function conflict(post: WpPost | null, expected: string | null): WpResult<never> {
  return err('remote_conflict', `Post ${post?.id ?? '?'} changed on the site since Melding last saw it (version ${expected ?? '?'} → ${post ? (post.melding_version ?? post.modified_gmt) : '?'})`);
}
