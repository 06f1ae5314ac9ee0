import { describe, expect, it } from 'vitest';
import { htmlToRichDoc } from '../../../../../../electron/services/publishing/wordpress/htmlToRichDoc';
import { contactsHtml, contentHtml, sanitize } from '../../../../../../electron/services/publishing/wordpress/wpContent';
import { differences, postPayload, targetStatus } from '../../../../../../electron/services/publishing/wordpress/wpPostPayload';
import { splitContent } from '../../../../../../electron/services/publishing/wordpress/wpRemoteItem';
import type { WpPost } from '../../../../../../electron/services/publishing/wordpress/wpTypes';
import { newDocument, type Document } from '../../../../../../shared/domain/document';
import { OUTBOX_ACTIONS } from '../../../../../../shared/domain/outboxJob';

const doc: Document = {
  ...newDocument({ id: '11111111-2222-4333-8444-555555555555', now: new Date('2026-11-23T10:00:00Z'), author: { name: 'K', email: '' }, maalform: 'nn' }),
  title: 'A & B',
  body: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Overskrift' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Tekst ' }, { type: 'text', marks: [{ type: 'link', attrs: { href: 'https://example.no/' } }], text: 'lenkje' }] },
      { type: 'figure', attrs: { imageUseId: 'u1' } },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'italic' }], text: 'kursiv' }] }] }] },
    ],
  },
  images: [{ id: 'u1', mediaId: 'a'.repeat(64), caption: 'Bilete <1>', alt: 'Alt', credit: 'Foto AS', rights: '', decorative: false, featured: false }],
  contacts: [{ contactId: 'c1', name: 'Ola <Nordmann>', roleNb: 'rådgiver', roleNn: 'rådgjevar', phone: '+47 1', email: 'ola@example.no' }],
};

describe('WordPress content', () => {
  it('serialises the body as the preview does, figures at the uploaded address, contacts in the målform', () => {
    const html = contentHtml(doc, () => 'https://site.example/wp-content/uploads/x.webp', false);
    expect(html).toContain('<h2>Overskrift</h2>');
    expect(html).toContain('<a href="https://example.no/" rel="noopener noreferrer">lenkje</a>');
    expect(html).toContain('<figure><img src="https://site.example/wp-content/uploads/x.webp" alt="Alt" /><figcaption>Bilete &lt;1&gt; <span class="credit">Foto: Foto AS</span></figcaption></figure>');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<section class="melding-contacts"><h2>Pressekontaktar</h2>');
    expect(html).toContain('<strong>Ola &lt;Nordmann&gt;</strong>, rådgjevar');
    expect(html).not.toContain('melding:');
    expect(contentHtml(doc, () => null, true)).toMatch(/<!-- melding:11111111-2222-4333-8444-555555555555 -->$/);
    expect(contentHtml(doc, () => null, true)).not.toContain('<figure>');
    expect(contactsHtml([], 'nb')).toBe('');
  });

  it('sanitises what is not publishing markup away, and is stable when run again', () => {
    const dirty = '<p onclick="x()">a<script>alert(1)</script><img src="javascript:alert(1)" alt="x"><a href="javascript:x">l</a><span class="credit evil" style="color:red">c</span></p><iframe src="https://evil"></iframe><!-- other -->';
    const clean = sanitize(dirty);
    expect(clean).toBe('<p>a<img alt="x" /><a>l</a><span class="credit">c</span></p>');
    expect(sanitize(clean)).toBe(clean);
  });

  it('reads the site HTML back through the editor schema, contacts apart', () => {
    const html = contentHtml(doc, () => 'https://site.example/x.webp', false);
    const { bodyHtml, contacts } = splitContent(html);
    expect(contacts).toEqual([{ contactId: null, name: 'Ola <Nordmann>', roleNb: 'rådgjevar', roleNn: 'rådgjevar', phone: '+47 1', email: 'ola@example.no' }]);
    const body = htmlToRichDoc(bodyHtml, ({ src }) => (src === 'https://site.example/x.webp' ? 'u1' : null));
    expect(body.content?.map((n) => n.type)).toEqual(['heading', 'paragraph', 'figure', 'orderedList']);
    expect(body.content?.[2]).toEqual({ type: 'figure', attrs: { imageUseId: 'u1' } });
    expect(JSON.stringify(body)).toContain('"href":"https://example.no/"');
    expect(htmlToRichDoc('<p>x<img src="a.jpg" alt="y">z</p><script>bad()</script>', () => 'w1').content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'xz' }] },
      { type: 'figure', attrs: { imageUseId: 'w1' } },
    ]);
  });
});

describe('WordPress post payload', () => {
  it('maps every outbox action to a status', () => {
    const map = Object.fromEntries(OUTBOX_ACTIONS.map((a) => [a, targetStatus(a, 'draft')]));
    expect(map).toEqual({ submit: 'pending', withdrawSubmission: 'draft', return: 'draft', approve: 'pending', reopen: 'draft', publish: 'publish', schedule: 'future', unschedule: 'pending', unpublish: 'draft', revoke: 'pending', sync: 'keep' });
    expect(targetStatus('unpublish', 'trash')).toBe('trash');
  });

  it('sends only the meta the site has, the sperrefrist in UTC, and finds what a post lacks', () => {
    const site = { companion: { installed: true, version: '1.0.0' }, postMeta: new Set(['language', 'melding_id']), mediaMeta: new Set<string>() };
    const want = postPayload({ doc: { ...doc, embargoAt: '2026-12-01T08:00:00+01:00' }, jobId: 'j', status: 'future', existing: null, content: '<p>x</p>', category: 5, tags: [9, 3], media: new Map(), site, now: new Date() });
    expect(want).toMatchObject({ title: 'A &amp; B', status: 'future', date_gmt: '2026-12-01T07:00:00', categories: [5], tags: [3, 9], meta: { language: 'nn', melding_id: doc.id } });
    expect(Object.keys(want.meta)).toEqual(['language', 'melding_id']);
    const post: WpPost = { id: 1, status: 'future', date_gmt: '2026-12-01T07:00:00', modified_gmt: '', link: '', slug: '', title: { raw: 'A &amp; B' }, content: { raw: '<p>x</p>' }, excerpt: { raw: '' }, categories: [5], tags: [9, 3], featured_media: 0, meta: { language: 'nn', melding_id: doc.id } };
    expect(differences(post, want)).toEqual([]);
    expect(differences({ ...post, meta: { language: 'nb' } }, want)).toEqual(['meta.language', 'meta.melding_id']);
    expect(differences({ ...post, status: 'draft', content: { raw: '<p>y</p>' } }, want)).toEqual(['content', 'status']);
  });
});
