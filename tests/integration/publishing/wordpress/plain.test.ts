// Melding against a plain WordPress without the companion plugin (port 8084, no test fields
// either): what still works, how, and what the connection test says is not possible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../../shared/domain/document';
import { RemoteItemSchema } from '../../../../shared/domain/publishing';
import type { MediaStore } from '../../../../electron/services/media/mediaStore';
import { allMedia, applied, backendFor, bringUp, context, job, photoStore, pressRelease, rest } from './wpTestSite';
import { mediaKey, mediaSlug } from '../../../../electron/services/publishing/wordpress/wpMedia';

const site = bringUp(Number(process.env.MELDING_WP_PLAIN_PORT ?? 8084), false);
const wp = typeof site === 'string' ? null : site;

interface Post {
  id: number;
  status: string;
  modified_gmt: string;
  content: { raw: string };
  meta: Record<string, unknown>;
}

describe.skipIf(!wp)('WordPress without the companion plugin', () => {
  let media: MediaStore;
  let ids: string[];
  let dispose = () => {};
  const signal = new AbortController().signal;
  beforeAll(async () => {
    ({ store: media, ids, dispose } = await photoStore(2, 800));
  }, 60_000);
  afterAll(() => dispose());

  it('says the plugin is missing and what is then not possible', async () => {
    const report = await backendFor(wp!, 'editor').testConnection();
    expect(report.ok && report.value.companion).toEqual({ installed: false, version: null });
    expect(report.ok && report.value.limits).toEqual(['noIdempotentLookup', 'noConflictVersion', 'noLanguageMeta', 'noPhotographerMeta']);
  });

  it('finds a contributor\'s pending post again by the id marker (no slug, no meta filter)', async () => {
    const contributor = backendFor(wp!, 'contributor');
    // The category exists once an editor has sent something.
    const seed = pressRelease();
    await backendFor(wp!, 'editor').run(job(seed, 'submit'), seed, context(media));
    const doc = pressRelease();
    const submit = job(doc, 'submit');
    const first = await contributor.run(submit, doc, context(media));
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const again = await contributor.run(submit, doc, context(media));
    expect(again.ok && first.ok && again.value.remote).toEqual(first.ok ? first.value.remote : null);
    const found = await rest<Post[]>(wp!, 'GET', `wp/v2/posts?status=pending&search=${doc.id}&context=edit`);
    expect(found).toHaveLength(1);
    expect(found[0]?.content.raw).toContain(`<!-- melding:${doc.id} -->`);
    expect(found[0]?.meta).not.toHaveProperty('melding_id');
  });

  it('publishes with images once each (found by slug), detects a site edit by modified_gmt, reads the HTML back as rich text', async () => {
    const editor = backendFor(wp!, 'editor');
    let doc: Document = pressRelease({ mediaIds: ids });
    const publish = job(doc, 'publish');
    const first = await editor.run(publish, doc, context(media));
    expect(first.ok, JSON.stringify(first)).toBe(true);
    if (!first.ok) return;
    expect(first.value.remote?.remoteVersion).toMatch(/^m\d{4}-/);
    const again = await editor.run(publish, doc, context(media));
    expect(again.ok).toBe(true);
    const slugs = ids.map((id) => mediaSlug(mediaKey(doc.id, id)));
    const onSite = (await allMedia(wp!)).filter((m) => slugs.includes(m.slug));
    expect(onSite).toHaveLength(2);
    doc = applied(doc, first.value, 'publisert');

    // Read back without a stored source: the HTML through the editor schema.
    const item = await editor.fetchRemote(doc.remote!, signal);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(RemoteItemSchema.parse(item.value)).toEqual(item.value);
    expect(item.value.meldingId).toBe(doc.id);
    expect(item.value.maalform).toBe('nb');
    expect(item.value.body.content?.map((n) => n.type)).toEqual(['paragraph', 'heading', 'bulletList', 'figure', 'paragraph']);
    expect(item.value.contacts).toEqual([{ ...doc.contacts[0], contactId: null }]);
    expect(item.value.images).toHaveLength(2);
    expect(item.value.bodyHtml).not.toContain('melding:');

    // modified_gmt has one-second resolution: an edit in the same second as Melding's would not show.
    await new Promise((r) => setTimeout(r, 1_100));
    await rest(wp!, 'POST', `wp/v2/posts/${doc.remote!.remoteId}`, { title: 'Endret på nettstedet' });
    const mine = { ...doc, title: 'Min' };
    const refused = await editor.run(job(mine, 'sync'), mine, context(media));
    expect(!refused.ok && refused.error.code).toBe('remote_conflict');
    const after = await rest<{ title: { raw: string } }>(wp!, 'GET', `wp/v2/posts/${doc.remote!.remoteId}?context=edit`);
    expect(after.title.raw).toBe('Endret på nettstedet');
  });

  it('says what to do when the type\'s category is missing and the user may not create it', async () => {
    for (const c of await rest<{ id: number }[]>(wp!, 'GET', 'wp/v2/categories?slug=artikkel,artikler,artiklar')) await rest(wp!, 'DELETE', `wp/v2/categories/${c.id}?force=true`);
    const doc = { ...pressRelease(), type: 'artikkel' as const };
    const refused = await backendFor(wp!, 'author').run(job(doc, 'submit'), doc, context(media));
    expect(!refused.ok && refused.error).toMatchObject({ code: 'backend_forbidden', message: expect.stringContaining('no category "Artikkel" (slug artikkel)') });
    const made = await backendFor(wp!, 'editor').run(job(doc, 'submit'), doc, context(media));
    expect(made.ok, JSON.stringify(made)).toBe(true);
    expect(await rest<{ name: string }[]>(wp!, 'GET', 'wp/v2/categories?slug=artikkel')).toMatchObject([{ name: 'Artikkel' }]);
  });
});
