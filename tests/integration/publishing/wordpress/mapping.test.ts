// Mapping of a document to a WordPress post on a real site with the companion plugin (port
// MELDING_WP_PORT, default 8083): every field is read back over REST and compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteItemSchema } from '../../../../shared/domain/publishing';
import type { MediaStore } from '../../../../electron/services/media/mediaStore';
import { applied, backendFor, bringUp, context, job, photoStore, pressRelease, rest } from './wpTestSite';

const site = bringUp(Number(process.env.MELDING_WP_PORT ?? 8083), true);
const wp = typeof site === 'string' ? null : site;

interface Post {
  id: number;
  status: string;
  date_gmt: string;
  title: { raw: string; rendered: string };
  excerpt: { raw: string };
  content: { raw: string; rendered: string };
  categories: number[];
  tags: number[];
  featured_media: number;
  meta: Record<string, unknown>;
  melding_version: number;
}

describe.skipIf(!wp)('WordPress mapping (companion plugin)', () => {
  let media: MediaStore;
  let ids: string[];
  let dispose = () => {};
  beforeAll(async () => {
    ({ store: media, ids, dispose } = await photoStore(3));
  }, 60_000);
  afterAll(() => dispose());

  it('publishes a Nynorsk press release with three photos and reads every field back', async () => {
    const site = wp!;
    const backend = backendFor(site, 'admin');
    const doc = { ...pressRelease({ maalform: 'nn', mediaIds: ids }), status: 'godkjent' as const, approval: { hash: 'a'.repeat(64), by: { profileId: 'p', name: 'Redaktør Rita', email: '' }, at: '2026-11-23T10:00:00.000Z', docRevision: 0 } };
    const ctx = context(media);
    const publish = job(doc, 'publish');
    const result = await backend.run(publish, doc, ctx);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const remote = result.value.remote!;
    expect(remote.remoteVersion).toMatch(/^v\d+$/);
    expect(result.value.publishedAt).toMatch(/Z$/);
    expect(ctx.phases).toContain('media:3/3');

    const post = await rest<Post>(site, 'GET', `wp/v2/posts/${remote.remoteId}?context=edit`);
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe(doc.title.replace(/&/g, '&amp;'));
    expect(post.title.rendered).toContain('sjukehusa &amp; «beredskapen»');
    expect(post.excerpt.raw).toBe('Departementet legg fram ein plan for &lt;betre&gt; beredskap.');
    expect(post.meta.language).toBe('nn');
    expect(post.meta.melding_id).toBe(doc.id);
    expect(post.meta.melding_approved_by).toBe('Redaktør Rita');
    expect(post.meta.melding_approval_hash).toBe('a'.repeat(64));
    expect(`v${post.melding_version}`).toBe(remote.remoteVersion);
    // A reader without a login sees the language, never who approved it or Melding's bookkeeping.
    const open = (await (await fetch(`${site.base}/wp-json/wp/v2/posts/${remote.remoteId}`)).json()) as { title: unknown; meta: Record<string, unknown> };
    expect(open.title).toBeDefined();
    expect(open.meta.language).toBe('nn');
    for (const key of ['melding_approved_by', 'melding_approved_at', 'melding_approval_hash', 'melding_job', 'melding_source', 'melding_revision']) expect(open.meta, key).not.toHaveProperty(key);
    // Body: heading, list, link with rel, figures of the 2nd and 3rd photo (the 1st is featured), contacts in Nynorsk.
    const html = post.content.raw;
    expect(html).toContain('<h2>Tiltak</h2>');
    expect(html).toContain('<ul><li><p>Eitt</p></li>');
    expect(html).toContain('<a href="https://www.regjeringen.no/" rel="noopener noreferrer">lenkje</a>');
    expect(html.match(/<figure>/g)?.length).toBe(2);
    expect(html).toContain('<span class="credit">Foto: Fotograf 2</span>');
    expect(html).toContain('<h2>Pressekontaktar</h2>');
    expect(html).toContain('Telefon: +47 22 24 90 90');
    expect(html).not.toContain('melding:');
    // Category Pressemelding, tags, featured image.
    const categories = await rest<{ slug: string }[]>(site, 'GET', `wp/v2/categories?include=${post.categories.join(',')}`);
    expect(categories.map((c) => c.slug)).toEqual(['pressemelding']);
    const tags = await rest<{ name: string }[]>(site, 'GET', `wp/v2/tags?include=${post.tags.join(',')}`);
    expect(tags.map((t) => t.name).sort()).toEqual(['beredskap', 'helse']);
    const featured = await rest<{ alt_text: string; caption: { raw: string }; meta: Record<string, unknown>; source_url: string; mime_type: string }>(site, 'GET', `wp/v2/media/${post.featured_media}?context=edit`);
    expect(featured.alt_text).toBe('Alternativ tekst 1');
    expect(featured.caption.raw).toBe('Bilete 1 &amp; «sitat»');
    expect(featured.meta.photographer).toBe('Fotograf 1');
    expect(featured.mime_type).toBe('image/webp');
    // The figures point at the uploaded images.
    for (const m of html.matchAll(/<img src="([^"]+)"/g)) expect(m[1]).toMatch(new RegExp(`^${site.base}/wp-content/uploads/`));

    // Read back into Melding: the stored source while the content is unchanged.
    const item = await backend.fetchRemote(remote, new AbortController().signal);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(RemoteItemSchema.parse(item.value)).toEqual(item.value);
    expect(item.value.body).toEqual(doc.body);
    expect(item.value.contacts).toEqual(doc.contacts);
    expect(item.value.title).toBe(doc.title);
    expect(item.value.ingress).toBe(doc.ingress);
    expect(item.value.maalform).toBe('nn');
    expect(item.value.type).toBe('pressemelding');
    expect(item.value.tags.sort()).toEqual(['beredskap', 'helse']);
    expect(item.value.meldingId).toBe(doc.id);
    expect(item.value.siteStatus).toBe('publish');
    expect(item.value.images.filter((i) => i.featured)).toHaveLength(1);
    expect(item.value.images.map((i) => i.credit).sort()).toEqual(['Fotograf 1', 'Fotograf 2', 'Fotograf 3']);

    // An image's bytes from the site (pulling for review); nothing is fetched with the password elsewhere.
    const bytes = await backend.fetchMedia(item.value.images[0]!, new AbortController().signal);
    expect(bytes.ok && Buffer.from(bytes.value.subarray(0, 4)).toString()).toBe('RIFF');
    const elsewhere = await backend.fetchMedia({ ...item.value.images[0]!, url: 'https://example.invalid/x.webp' }, new AbortController().signal);
    expect(!elsewhere.ok && elsewhere.error.code).toBe('backend_forbidden');

    // Running the same job again (its answer lost: the document does not know the post yet) changes nothing.
    const again = await backend.run(publish, doc, ctx);
    expect(again.ok && again.value.remote).toEqual(remote);
    expect((await rest<Post>(site, 'GET', `wp/v2/posts/${remote.remoteId}?context=edit`)).melding_version).toBe(post.melding_version);

    // An update of the published item keeps it published and its date.
    const after = applied(doc, result.value, 'publisert');
    const edited = { ...after, title: 'Ny tittel', tags: ['helse'] };
    const sync = await backend.run(job(edited, 'sync'), edited, context(media));
    expect(sync.ok, JSON.stringify(sync)).toBe(true);
    const post2 = await rest<Post>(site, 'GET', `wp/v2/posts/${remote.remoteId}?context=edit`);
    expect(post2.status).toBe('publish');
    expect(post2.title.raw).toBe('Ny tittel');
    expect(post2.date_gmt).toBe(post.date_gmt);
    expect(post2.tags).toHaveLength(1);
  }, 120_000);
});
