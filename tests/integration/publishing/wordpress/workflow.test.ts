// Each outbox action and each role on a real WordPress with the companion plugin (port 8083):
// what the site holds afterwards, read back over REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../../shared/domain/document';
import type { MediaStore } from '../../../../electron/services/media/mediaStore';
import { applied, backendFor, bringUp, context, job, photoStore, pressRelease, rest } from './wpTestSite';

const site = bringUp(Number(process.env.MELDING_WP_PORT ?? 8083), true);
const wp = typeof site === 'string' ? null : site;

interface Post {
  id: number;
  status: string;
  date_gmt: string;
  title: { raw: string };
  meta: Record<string, unknown>;
  melding_version: number;
}

const approval = { hash: 'b'.repeat(64), by: { profileId: 'p2', name: 'Redaktør Rita', email: '' }, at: '2026-11-23T10:00:00.000Z', docRevision: 1 };

describe.skipIf(!wp)('WordPress actions and roles (companion plugin)', () => {
  let media: MediaStore;
  let ids: string[];
  let dispose = () => {};
  const signal = new AbortController().signal;
  beforeAll(async () => {
    ({ store: media, ids, dispose } = await photoStore(1, 800));
    // The category exists (an editor made it once); contributors and authors cannot create one.
    await backendFor(wp!, 'admin').run(job(pressRelease(), 'submit'), pressRelease(), context(media));
  }, 60_000);
  afterAll(() => dispose());

  const post = (id: string) => rest<Post>(wp!, 'GET', `wp/v2/posts/${id}?context=edit`);

  it('reports the user, roles, capabilities and the plugin for each role', async () => {
    const expected = {
      contributor: { submit: true, approve: false, publish: false, uploadMedia: false, unpublish: false },
      author: { submit: true, approve: false, publish: true, uploadMedia: true, unpublish: true },
      editor: { submit: true, approve: true, publish: true, uploadMedia: true, unpublish: true },
      admin: { submit: true, approve: true, publish: true, uploadMedia: true, unpublish: true },
    } as const;
    for (const role of ['contributor', 'author', 'editor', 'admin'] as const) {
      const report = await backendFor(wp!, role).testConnection();
      expect(report.ok, JSON.stringify(report)).toBe(true);
      if (!report.ok) continue;
      expect(report.value.grant.capabilities).toEqual(expected[role]);
      expect(report.value.grant.roles).toEqual([role === 'admin' ? 'administrator' : role]);
      expect(report.value.grant.displayName).toBe(role === 'admin' ? 'admin' : role.charAt(0).toUpperCase() + role.slice(1));
      expect(report.value.grant.userName).toBe(role);
      expect(report.value.companion).toEqual({ installed: true, version: '1.0.0' });
      expect(report.value.limits).toEqual([]);
    }
    const wrong = await backendFor({ ...wp!, users: { ...wp!.users, admin: { user: 'admin', password: 'xxxx xxxx xxxx xxxx xxxx xxxx' } } }, 'admin').testConnection();
    expect(!wrong.ok && wrong.error.code).toBe('backend_auth_failed');
  });

  it('contributor: sends for review (pending); may not upload images or publish', async () => {
    const backend = backendFor(wp!, 'contributor');
    const doc = pressRelease();
    const submitted = await backend.run(job(doc, 'submit'), doc, context(media));
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true);
    if (!submitted.ok) return;
    expect((await post(submitted.value.remote!.remoteId)).status).toBe('pending');
    // A retry of the same step without the answer (a contributor's pending post has no slug) finds it.
    const again = await backend.run(job(doc, 'submit'), doc, context(media));
    expect(again.ok && again.value.remote?.remoteId).toBe(submitted.value.remote!.remoteId);

    const withPhoto = pressRelease({ mediaIds: ids });
    const refused = await backend.run(job(withPhoto, 'submit'), withPhoto, context(media));
    expect(!refused.ok && refused.error).toMatchObject({ code: 'backend_forbidden', message: expect.stringContaining('may not upload images') });

    const after = applied(doc, again.ok ? again.value : submitted.value);
    const publish = await backend.run(job(after, 'publish'), after, context(media));
    expect(!publish.ok && publish.error.code).toBe('backend_forbidden');
    expect((await post(submitted.value.remote!.remoteId)).status).toBe('pending');
  });

  it('author: uploads and publishes; editor: approves, returns, schedules, publishes and withdraws', async () => {
    const author = backendFor(wp!, 'author');
    const editor = backendFor(wp!, 'editor');
    let doc: Document = pressRelease({ mediaIds: ids, maalform: 'nn' });
    const step = async (backend: typeof author, action: Parameters<typeof job>[1], status: Document['status'], patch: Partial<Document> = {}) => {
      doc = { ...doc, ...patch };
      const result = await backend.run(job(doc, action), doc, context(media));
      expect(result.ok, `${action}: ${JSON.stringify(result)}`).toBe(true);
      if (result.ok) doc = applied(doc, result.value, status);
      return post(doc.remote!.remoteId);
    };
    expect((await step(author, 'submit', 'til_godkjenning')).status).toBe('pending');
    expect((await step(editor, 'return', 'returnert')).status).toBe('draft');
    expect((await step(author, 'reopen', 'utkast')).status).toBe('draft');
    expect((await step(author, 'submit', 'til_godkjenning')).status).toBe('pending');
    expect((await step(author, 'withdrawSubmission', 'utkast')).status).toBe('draft');
    expect((await step(author, 'submit', 'til_godkjenning')).status).toBe('pending');
    const approved = await step(editor, 'approve', 'godkjent', { approval });
    expect(approved.status).toBe('pending');
    expect(approved.meta.melding_approved_by).toBe('Redaktør Rita');
    expect(approved.meta.melding_approval_hash).toBe('b'.repeat(64));

    // Sperrefrist an hour ahead: scheduled in UTC.
    const embargoAt = new Date(Math.ceil((Date.now() + 3_600_000) / 1000) * 1000).toISOString();
    const scheduled = await step(editor, 'schedule', 'planlagt', { embargoAt });
    expect(scheduled.status).toBe('future');
    expect(`${scheduled.date_gmt}Z`).toBe(embargoAt.replace('.000Z', 'Z'));
    expect((await step(editor, 'unschedule', 'godkjent')).status).toBe('pending');
    // Publish now, the sperrefrist lifted: the date is now, not the old future one.
    const published = await step(editor, 'publish', 'publisert', { embargoAt: null });
    expect(published.status).toBe('publish');
    expect(Math.abs(Date.parse(`${published.date_gmt}Z`) - Date.now())).toBeLessThan(120_000);
    expect(doc.publishedAt).toBe(`${published.date_gmt}.000Z`);
    // An edit after publishing revokes the approval: the published text stays as it was.
    const live = await post(doc.remote!.remoteId);
    const revoked = await step(editor, 'revoke', 'til_godkjenning', { title: 'Ikkje godkjend tittel', approval: null });
    expect(revoked.status).toBe('publish');
    expect(revoked.title.raw).toBe(live.title.raw);
    expect(revoked.meta.melding_approval_hash).toBe('');
    expect((await step(editor, 'unpublish', 'avpublisert')).status).toBe('draft');
    expect(doc.publishedAt).toBeNull();

    // The author's own post: published by the author.
    let own: Document = pressRelease({ mediaIds: ids });
    const mine = await author.run(job(own, 'publish'), own, context(media));
    expect(mine.ok, JSON.stringify(mine)).toBe(true);
    if (mine.ok) own = applied(own, mine.value);
    expect((await post(own.remote!.remoteId)).status).toBe('publish');
  }, 120_000);

  it('a sperrefrist less than a minute ahead: WordPress publishes at once, and that counts as done', async () => {
    const editor = backendFor(wp!, 'editor');
    const doc: Document = { ...pressRelease(), approval, embargoAt: new Date(Date.now() + 20_000).toISOString() };
    const scheduled = await editor.run(job(doc, 'schedule'), doc, context(media));
    expect(scheduled.ok, JSON.stringify(scheduled)).toBe(true);
    if (!scheduled.ok) return;
    const onSite = await post(scheduled.value.remote!.remoteId);
    expect(['future', 'publish']).toContain(onSite.status);
    if (onSite.status === 'publish') expect(scheduled.value.publishedAt).toBe(`${onSite.date_gmt}.000Z`);
  });

  it('withdraws into the bin, and a reopened document comes back from it without a second post', async () => {
    const editor = backendFor(wp!, 'editor', { withdrawMode: 'trash' });
    let doc: Document = pressRelease();
    const published = await editor.run(job(doc, 'publish'), doc, context(media));
    expect(published.ok).toBe(true);
    if (!published.ok) return;
    doc = applied(doc, published.value, 'publisert');
    const id = doc.remote!.remoteId;
    const withdrawn = await editor.run(job(doc, 'unpublish'), doc, context(media));
    expect(withdrawn.ok && withdrawn.value).toEqual({ remote: null, publishedAt: null });
    expect((await post(id)).status).toBe('trash');
    doc = { ...doc, remote: null, status: 'avpublisert' };
    const reopened = await editor.run(job(doc, 'reopen'), doc, context(media));
    expect(reopened.ok && reopened.value.remote?.remoteId).toBe(id);
    expect((await post(id)).status).toBe('draft');
  });

  it('a change on the site is never overwritten: remote_conflict, until a person chose to overwrite that version', async () => {
    const editor = backendFor(wp!, 'editor');
    let doc: Document = pressRelease();
    const published = await editor.run(job(doc, 'publish'), doc, context(media));
    if (!published.ok) throw new Error(published.error.message);
    doc = applied(doc, published.value, 'publisert');
    const id = doc.remote!.remoteId;
    await rest(wp!, 'POST', `wp/v2/posts/${id}`, { title: 'Endra på nettstaden' }, 'admin');
    const mine = { ...doc, title: 'Min tittel' };
    const refused = await editor.run(job(mine, 'sync'), mine, context(media));
    expect(!refused.ok && refused.error.code).toBe('remote_conflict');
    const onSite = await post(id);
    expect(onSite.title.raw).toBe('Endra på nettstaden');
    // The site's item, for the conflict view.
    const remote = await editor.fetchRemote(doc.remote!, signal);
    expect(remote.ok && remote.value.title).toBe('Endra på nettstaden');
    expect(remote.ok && remote.value.link.remoteVersion).toBe(`v${onSite.melding_version}`);
    // "Keep mine" over the version looked at.
    const seen = `v${onSite.melding_version}`;
    await rest(wp!, 'POST', `wp/v2/posts/${id}`, { title: 'Endra igjen' }, 'admin');
    const stale = await editor.run(job(mine, 'sync'), mine, context(media, seen));
    expect(!stale.ok && stale.error.code).toBe('remote_conflict');
    const now = `v${(await post(id)).melding_version}`;
    const kept = await editor.run(job(mine, 'sync'), mine, context(media, now));
    expect(kept.ok, JSON.stringify(kept)).toBe(true);
    expect((await post(id)).title.raw).toBe('Min tittel');
  });

  it('an item deleted on the site is backend_item_missing; pending items can be listed', async () => {
    const editor = backendFor(wp!, 'editor');
    let doc: Document = pressRelease();
    const submitted = await editor.run(job(doc, 'submit'), doc, context(media));
    if (!submitted.ok) throw new Error(submitted.error.message);
    doc = applied(doc, submitted.value, 'til_godkjenning');
    const pending = await editor.listPending(signal, 100);
    expect(pending.ok && pending.value.some((i) => i.meldingId === doc.id && i.siteStatus === 'pending')).toBe(true);
    await rest(wp!, 'DELETE', `wp/v2/posts/${doc.remote!.remoteId}?force=true`);
    const missing = await editor.run(job(doc, 'sync'), doc, context(media));
    expect(!missing.ok && missing.error.code).toBe('backend_item_missing');
  });
});
