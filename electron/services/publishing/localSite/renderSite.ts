import type { Document, ImageUse, Maalform } from '../../../../shared/domain/document';
import { formatOsloDate } from '../../../../shared/domain/osloTime';
import { escapeHtml } from '../../../../shared/editor/escapeHtml';
import { figureHtml } from '../../../../shared/editor/figureHtml';
import { bodyToHtml } from '../../../../shared/editor/serializeHtml';
import { DOCUMENT_LABELS } from '../../../../shared/i18n/documentLabels';
import type { LocalSiteImage, LocalSiteItem } from './localSiteItem';

/** Words of the site's own frame (the item's words come from DOCUMENT_LABELS), per målform. */
const SITE_LABELS: Readonly<Record<Maalform, { skip: string; news: string; allNews: string; empty: string; untitled: string }>> = {
  nb: {
    skip: 'Hopp til hovedinnholdet',
    news: 'Nyheter og pressemeldinger',
    allNews: 'Alle nyheter og pressemeldinger',
    empty: 'Ingen saker er publisert ennå.',
    untitled: 'Uten tittel',
  },
  nn: {
    skip: 'Hopp til hovudinnhaldet',
    news: 'Nyheiter og pressemeldingar',
    allNews: 'Alle nyheiter og pressemeldingar',
    empty: 'Ingen saker er publiserte enno.',
    untitled: 'Utan tittel',
  },
};

/** Where an image's copies go in the site folder (content-addressed, so a second copy is the same file). */
export function mediaPaths(mediaId: string): { src: string; large: string } {
  return { src: `media/${mediaId}-w1200.webp`, large: `media/${mediaId}-w2400.webp` };
}

/**
 * A file name from the title: lower case, æ ø å spelt out, anything else a hyphen, at most 60
 * characters; never empty. The page name adds the first 8 of the document id, so two items with
 * one title never share a page.
 */
export function slugify(title: string): string {
  const spelt = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = spelt
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'sak';
}

/** Only names `pageName` makes are ever written, linked or removed (a hand-edited `page` cannot point anywhere else). */
export function isPageName(name: string): boolean {
  return /^[a-z0-9-]{1,60}-[0-9a-f]{8}\.html$/.test(name);
}

export function pageName(doc: Pick<Document, 'id' | 'title'>): string {
  return `${slugify(doc.title)}-${doc.id.slice(0, 8)}.html`;
}

/** The body as the preview writes it (bodyToHtml with figureHtml), figures pointing at the site's copies. */
export function itemBodyHtml(doc: Pick<Document, 'body' | 'images' | 'maalform'>): string {
  const uses = new Map(doc.images.map((use) => [use.id, use]));
  return bodyToHtml(doc.body, {
    figure: (id) => {
      const use = uses.get(id);
      return use ? figureHtml(use, mediaPaths(use.mediaId).src, doc.maalform) : null;
    },
  });
}

function asUse(image: LocalSiteImage): ImageUse {
  return { id: image.useId, mediaId: image.mediaId, caption: image.caption, alt: image.alt, credit: image.credit, rights: image.rights, decorative: image.decorative, featured: image.featured };
}

/** Scripts never run on these pages, whatever a text holds (defence in depth: everything is escaped anyway). */
const CSP = "default-src 'none'; img-src 'self' file:; style-src 'self' file:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

function head(lang: Maalform, title: string): string {
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="site.css">',
    '</head>',
  ].join('\n');
}

function siteHeader(lang: Maalform, siteLabel: string): string {
  return [
    `<a class="skip-link" href="#main">${escapeHtml(SITE_LABELS[lang].skip)}</a>`,
    '<header class="site-header">',
    `<p class="site-name"><a href="index.html">${escapeHtml(siteLabel)}</a></p>`,
    '</header>',
  ].join('\n');
}

function dateOf(item: LocalSiteItem): string | null {
  return item.publishedAt ?? item.scheduledFor;
}

function kicker(item: LocalSiteItem): string {
  const labels = DOCUMENT_LABELS[item.maalform];
  const at = dateOf(item);
  const time = at ? ` <time datetime="${escapeHtml(at)}">${escapeHtml(formatOsloDate(new Date(at)))}</time>` : '';
  return `<p class="kicker"><span class="type">${escapeHtml(labels.types[item.type])}</span>${time}</p>`;
}

/** One item's page, in its målform: type and date, title, ingress, featured image, body, contacts. Never the internal note (it is not in the item). */
export function renderItemPage(item: LocalSiteItem, siteLabel: string): string {
  const lang = item.maalform;
  const labels = DOCUMENT_LABELS[lang];
  const title = item.title.trim() || SITE_LABELS[lang].untitled;
  const featured = item.images.find((image) => image.featured);
  const parts = [head(lang, `${title} – ${siteLabel}`), '<body>', siteHeader(lang, siteLabel), '<main id="main">', '<article class="item">', kicker(item), `<h1>${escapeHtml(title)}</h1>`];
  if (item.ingress.trim()) parts.push(`<p class="ingress">${escapeHtml(item.ingress)}</p>`);
  if (featured) parts.push(`<div class="featured">${figureHtml(asUse(featured), featured.src, lang)}</div>`);
  parts.push(`<div class="body">${item.bodyHtml}</div>`);
  if (item.contacts.length > 0) {
    parts.push('<section class="contacts" aria-labelledby="contacts-heading">', `<h2 id="contacts-heading">${escapeHtml(labels.contacts)}</h2>`, '<ul>');
    for (const c of item.contacts) {
      const role = lang === 'nn' ? c.roleNn : c.roleNb;
      const lines = [`<strong>${escapeHtml(c.name)}</strong>${role ? `, ${escapeHtml(role)}` : ''}`];
      if (c.phone) lines.push(`<span class="contact-line">${escapeHtml(labels.phone)}: <a href="tel:${escapeHtml(c.phone.replace(/[^+0-9]/g, ''))}">${escapeHtml(c.phone)}</a></span>`);
      if (c.email) lines.push(`<span class="contact-line">${escapeHtml(labels.email)}: <a href="mailto:${escapeHtml(encodeURI(c.email))}">${escapeHtml(c.email)}</a></span>`);
      parts.push(`<li>${lines.join('')}</li>`);
    }
    parts.push('</ul>', '</section>');
  }
  if (item.tags.length > 0) parts.push(`<ul class="tags">${item.tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`);
  parts.push('</article>', '</main>', `<footer class="site-footer"><p><a href="index.html">${escapeHtml(SITE_LABELS[lang].allNews)}</a></p></footer>`, '</body>', '</html>', '');
  return parts.join('\n');
}

/**
 * The news list, newest first: type and date, title (a link to the page), ingress, and the
 * featured image. The page is in Bokmål; each item carries its own `lang`.
 */
export function renderIndex(items: readonly LocalSiteItem[], siteLabel: string): string {
  const lang: Maalform = 'nb';
  const sorted = [...items].filter((i) => i.page !== null && isPageName(i.page)).sort((a, b) => (dateOf(b) ?? '').localeCompare(dateOf(a) ?? '') || a.meldingId.localeCompare(b.meldingId));
  const parts = [head(lang, `${SITE_LABELS[lang].news} – ${siteLabel}`), '<body>', siteHeader(lang, siteLabel), '<main id="main">', `<h1>${escapeHtml(SITE_LABELS[lang].news)}</h1>`];
  if (sorted.length === 0) parts.push(`<p class="empty">${escapeHtml(SITE_LABELS[lang].empty)}</p>`);
  else {
    parts.push('<ul class="news-list">');
    for (const item of sorted) {
      const title = item.title.trim() || SITE_LABELS[item.maalform].untitled;
      const featured = item.images.find((image) => image.featured);
      const image = featured ? `<img src="${escapeHtml(featured.src)}" alt="${escapeHtml(featured.decorative ? '' : featured.alt.trim())}">` : '';
      parts.push(
        `<li lang="${item.maalform}"><article class="teaser">${image}<div class="teaser-text">`,
        kicker(item),
        `<h2><a href="${escapeHtml(item.page ?? '')}">${escapeHtml(title)}</a></h2>`,
        ...(item.ingress.trim() ? [`<p class="ingress">${escapeHtml(item.ingress)}</p>`] : []),
        '</div></article></li>',
      );
    }
    parts.push('</ul>');
  }
  parts.push('</main>', '</body>', '</html>', '');
  return parts.join('\n');
}

/** One stylesheet for every page: readable measure, WCAG AA contrast, visible focus. */
export const SITE_CSS = `:root {
  --text: #1a1a1a;
  --muted: #4a4a4a;
  --link: #0b4f8a;
  --link-visited: #5a2d82;
  --rule: #d6d6d6;
  --bg: #ffffff;
  --accent: #f2f5f8;
  --focus: #ffbf47;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 1.125rem;
  line-height: 1.6;
}
a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: var(--link-visited); }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 3px solid var(--text); outline-offset: 2px; background: var(--focus); color: var(--text); }
.skip-link { position: absolute; left: 1rem; top: -4rem; padding: 0.5rem 1rem; background: var(--focus); color: var(--text); z-index: 10; }
.skip-link:focus { top: 1rem; }
.site-header { border-bottom: 4px solid var(--link); padding: 1rem max(1rem, calc((100% - 46rem) / 2 + 1rem)); background: var(--accent); }
.site-name { margin: 0; font-weight: 700; font-size: 1.25rem; }
.site-name a { color: var(--text); text-decoration: none; }
.site-name a:focus-visible, .site-name a:hover { text-decoration: underline; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 2.25rem; line-height: 1.2; margin: 0.25rem 0 1rem; }
h2 { font-size: 1.5rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
.kicker { margin: 0; color: var(--muted); font-size: 1rem; }
.kicker .type { font-weight: 700; color: var(--text); margin-right: 0.5rem; }
.ingress { font-size: 1.3rem; line-height: 1.5; }
figure { margin: 1.5rem 0; }
figure img, .teaser img { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 1rem; color: var(--muted); margin-top: 0.5rem; }
figcaption .credit { white-space: nowrap; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 4px solid var(--rule); }
.contacts { margin-top: 2.5rem; padding: 1rem 1.25rem; background: var(--accent); border-top: 1px solid var(--rule); }
.contacts h2 { margin-top: 0; font-size: 1.25rem; }
.contacts ul { list-style: none; margin: 0; padding: 0; }
.contacts li + li { margin-top: 0.75rem; }
.contact-line { display: block; }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; color: var(--muted); font-size: 1rem; }
.tags li { border: 1px solid var(--rule); padding: 0 0.5rem; border-radius: 2px; }
.news-list { list-style: none; margin: 0; padding: 0; }
.news-list > li { border-top: 1px solid var(--rule); padding: 1.25rem 0; }
.teaser { display: flex; gap: 1.25rem; align-items: flex-start; }
.teaser img { width: 12rem; flex: none; }
.teaser h2 { margin: 0.25rem 0; font-size: 1.35rem; }
.teaser .ingress { font-size: 1.05rem; margin: 0.25rem 0 0; }
@media (max-width: 40rem) { .teaser { flex-direction: column; } .teaser img { width: 100%; } h1 { font-size: 1.8rem; } }
.site-footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem 2rem; }
.site-footer p { margin: 0; padding-top: 1rem; border-top: 1px solid var(--rule); }
.empty { color: var(--muted); }
`;
