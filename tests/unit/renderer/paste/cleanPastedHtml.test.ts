// @vitest-environment jsdom
import { generateJSON } from '@tiptap/core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RichDoc, RichNode } from '../../../../shared/domain/document';
import { extensions } from '../../../../shared/editor/extensions';
import { parseBody } from '../../../../shared/editor/schema';
import { bodyToHtml } from '../../../../shared/editor/serializeHtml';
import { cleanPastedHtml } from '../../../../renderer/src/features/paste/cleanPastedHtml';

const fixture = (name: string) => readFileSync(resolve('tests/fixtures/paste', name), 'utf8');

/** What ProseMirror makes of the cleaned HTML in the real body schema. */
function paste(html: string): RichDoc {
  const doc = generateJSON(cleanPastedHtml(html), extensions) as RichDoc;
  expect(parseBody(doc), 'fits the schema').not.toBeNull();
  return doc;
}

const textOf = (node: RichNode): string => node.text ?? (node.content ?? []).map(textOf).join('');
const blocks = (doc: RichDoc) => (doc.content ?? []).map((n) => `${n.type}${n.attrs?.['level'] ? n.attrs['level'] : ''}: ${textOf(n).replace(/\s+/g, ' ').trim()}`);
function all(node: RichNode | RichDoc, out: RichNode[] = []): RichNode[] {
  for (const child of node.content ?? []) {
    out.push(child);
    all(child, out);
  }
  return out;
}
const marked = (doc: RichDoc, mark: string) => all(doc).filter((n) => n.marks?.some((m) => m.type === mark)).map((n) => n.text);
const links = (doc: RichDoc) => all(doc).flatMap((n) => (n.marks ?? []).filter((m) => m.type === 'link').map((m) => `${n.text} -> ${String(m.attrs?.['href'])}`));
/** A list as an outline: "ul[ a, ul[ b ] ]" style, to compare nesting. */
function outline(node: RichNode): string {
  if (node.type === 'bulletList' || node.type === 'orderedList') return `${node.type === 'bulletList' ? 'ul' : 'ol'}[${(node.content ?? []).map(outline).join(', ')}]`;
  if (node.type === 'listItem') return (node.content ?? []).map((c) => (c.type === 'paragraph' ? textOf(c).replace(/\s+/g, ' ').trim() : outline(c))).join(' ');
  return textOf(node);
}
const lists = (doc: RichDoc) => (doc.content ?? []).filter((n) => n.type === 'bulletList' || n.type === 'orderedList').map(outline);

function expectNothingForbidden(doc: RichDoc) {
  const html = bodyToHtml(doc, { figure: () => null });
  expect(html).not.toMatch(/\sstyle=|\sclass=|<script|<img|<iframe|<svg|\son\w+=|javascript:|data:|file:/i);
  expect(html).not.toMatch(/<!--|<o:p|mso-|\[if /i);
}

describe('cleanPastedHtml with real and faithful clipboard HTML', () => {
  it('Word clipboard: headings, mso-list paragraphs as nested lists, marks, links; no comments, images or Office XML', () => {
    const doc = paste(fixture('word-clipboard.html'));
    expect(blocks(doc)).toEqual([
      'heading2: Regjeringen styrker sykehusene',
      'paragraph: Helse- og omsorgsdepartementet legger fram en ny plan for kortere ventetider i Norge. Les mer på regjeringen.no.',
      'heading2: Hovedpunkter',
      'bulletList: Mer penger til sykehuseneHelse NordHelse VestKortere ventetider',
      'heading3: Slik gjør vi det',
      'orderedList: Første stegDelsteg aAndre steg',
      'heading3: Detaljer',
      'paragraph: Den nye ordningen gjelder fra 1. januar.',
      'paragraph: Region',
      'paragraph: Millioner',
    ]);
    expect(lists(doc)).toEqual(['ul[Mer penger til sykehusene ul[Helse Nord, Helse Vest], Kortere ventetider]', 'ol[Første steg ol[Delsteg a], Andre steg]']);
    expect(marked(doc, 'bold')).toEqual(['en ny plan', 'Helse Vest']);
    expect(marked(doc, 'italic')).toEqual(['kortere ventetider', 'Kortere']);
    expect(links(doc)).toEqual(['regjeringen.no -> https://www.regjeringen.no/no/dep/hod/']);
    expectNothingForbidden(doc);
    expect(JSON.stringify(doc)).not.toMatch(/KN1|Sjekk tallene|·|Toc/);
  });

  it('LibreOffice Writer (HTML (StarWriter)): the same meaning, the comment and the image dropped', () => {
    const doc = paste(fixture('libreoffice-writer.html'));
    expect(blocks(doc).slice(0, 7)).toEqual([
      'heading2: Regjeringen styrker sykehusene',
      'paragraph: Helse- og omsorgsdepartementet legger fram en ny plan for kortere ventetider. Les mer på regjeringen.no eller skriv til postmottak@hod.dep.no.',
      'heading2: Hovedpunkter',
      'bulletList: Mer penger til sykehuseneHelse NordHelse VestKortere ventetider',
      'heading3: Slik gjør vi det',
      'orderedList: Første stegDelsteg aAndre steg',
      'heading3: Detaljer',
    ]);
    expect(lists(doc)).toEqual(['ul[Mer penger til sykehusene ul[Helse Nord, Helse Vest], Kortere ventetider]', 'ol[Første steg ol[Delsteg a], Andre steg]']);
    expect(marked(doc, 'bold')).toEqual(['en ny plan']);
    expect(marked(doc, 'italic')).toEqual(['kortere ventetider']);
    expect(links(doc)).toEqual(['regjeringen.no -> https://www.regjeringen.no/no/dep/hod/', 'postmottak@hod.dep.no -> mailto:postmottak@hod.dep.no']);
    // Table cells stay apart as paragraphs.
    expect(blocks(doc)).toEqual(expect.arrayContaining(['paragraph: Region', 'paragraph: Millioner', 'paragraph: Nord', 'paragraph: 250', 'paragraph: Et bilde: slutt.']));
    expect(JSON.stringify(doc)).not.toContain('Sjekk tallene');
    expectNothingForbidden(doc);
  });

  it('a .docx opened in LibreOffice: outline-numbered headings come out of their lists', () => {
    const doc = paste(fixture('docx-via-libreoffice.html'));
    expect(blocks(doc).filter((b) => b.startsWith('heading'))).toEqual(['heading2: Regjeringen styrker sykehusene', 'heading2: Hovedpunkter', 'heading3: Slik gjør vi det', 'heading3: Detaljer']);
    expect(lists(doc)).toEqual(['ul[Mer penger til sykehusene ul[Helse Nord, Helse Vest], Kortere ventetider]', 'ol[Første steg ol[Delsteg a], Andre steg]']);
    expect(links(doc)).toHaveLength(2);
    expectNothingForbidden(doc);
  });

  it('a web page: the article kept, navigation, scripts, handlers, images, pixels and unsafe links gone', () => {
    const doc = paste(fixture('web-article.html'));
    const text = JSON.stringify(doc);
    expect(blocks(doc)).toEqual(
      expect.arrayContaining([
        'heading2: Regjeringen styrker sykehusene',
        'paragraph: Regjeringen foreslår 2,5 milliarder kroner mer til sykehusene.',
        'heading2: Tallene',
        'heading3: Merknad',
        'blockquote: Dette er et viktig løft.',
        'paragraph: Se også denne lenken, denne og filen.',
      ]),
    );
    expect(lists(doc)).toEqual(['ul[Helse Sør-Øst: 1,2 milliarder, Helse Vest: 450 millioner ul[Bergen, Stavanger]]']);
    expect(marked(doc, 'bold')).toEqual(['2,5 milliarder kroner', 'Kontakt:']);
    expect(marked(doc, 'italic')).toEqual(['kortere']);
    expect(links(doc)).toEqual(
      expect.arrayContaining(['helseministeren -> https://www.regjeringen.no/no/dep/hod/org/politisk-ledelse/', 'postmottak@hod.dep.no -> mailto:postmottak@hod.dep.no']),
    );
    expect(links(doc).join()).not.toMatch(/javascript|data:|file:|\/no\/tema/);
    expect(text).not.toMatch(/Hovedmeny|Tema|Forsiden|Del"|Søk|alert|gtag|dataLayer/);
    expectNothingForbidden(doc);
  });

  it('Outlook mail: paragraphs, line breaks, marks and the link; the cid: logo gone', () => {
    const doc = paste(fixture('email-outlook.html'));
    expect(blocks(doc)).toEqual([
      'paragraph: Hei,',
      'paragraph: Her er forslag til sitat fra statsråden:',
      'paragraph: «Vi skal bygge ut helsetjenesten i hele landet.»',
      'paragraph: Bakgrunn: https://www.regjeringen.no/no/aktuelt/nyhet/id123/',
      'paragraph: Med vennlig hilsenKari Nordmann',
    ]);
    expect(all(doc).some((n) => n.type === 'hardBreak')).toBe(true);
    expect(marked(doc, 'italic')).toEqual(['«Vi skal bygge ut helsetjenesten i hele landet.»']);
    expectNothingForbidden(doc);
  });

  it('Gmail: div lines, list and link kept; the tracking pixel gone', () => {
    const doc = paste(fixture('email-gmail.html'));
    expect(lists(doc)).toEqual(['ul[Første punkt, Andre punkt]']);
    expect(links(doc)).toEqual(['www.regjeringen.no -> https://www.regjeringen.no']);
    expect(marked(doc, 'bold')).toEqual(['mellomtittel', 'Kortere ventetider']);
    expectNothingForbidden(doc);
  });

  it('Google Docs: the font-weight:normal <b> wrapper is not bold; 700 is, italic spans are; nested ul>ul is a nested list', () => {
    const doc = paste(fixture('google-docs.html'));
    expect(blocks(doc)[0]).toBe('heading2: Regjeringen styrker sykehusene');
    expect(marked(doc, 'bold')).toEqual(['fet tekst']);
    expect(marked(doc, 'italic')).toEqual([' og kursiv']);
    expect(lists(doc)).toEqual(['ul[Punkt en ul[Underpunkt]]']);
    expect(links(doc)).toEqual(['regjeringen.no -> https://www.regjeringen.no/']);
    expectNothingForbidden(doc);
  });
});

describe('cleanPastedHtml with the editor’s own clipboard', () => {
  it("keeps ProseMirror's slice marker when it names only body node types, and drops a forged one", () => {
    expect(cleanPastedHtml('<ul data-pm-slice="3 3 []"><li><p>punkt</p></li></ul>')).toBe('<ul data-pm-slice="3 3 []"><li><p>punkt</p></li></ul>');
    expect(cleanPastedHtml('<p data-pm-slice="1 1 [&quot;blockquote&quot;,null]">sitat</p>')).toContain('data-pm-slice');
    expect(cleanPastedHtml('<p data-pm-slice="1 1 [&quot;script&quot;,null]">x</p>')).toBe('<p>x</p>');
    expect(cleanPastedHtml('<p data-pm-slice="999 1 []">x</p>')).toBe('<p>x</p>');
  });
});

describe('cleanPastedHtml with hostile input', () => {
  it('flattens deeply nested elements without recursion, keeping the text', () => {
    // jsdom's own parser recurses (Chromium's caps nesting at 512), so 100,000 levels is the e2e case.
    const depth = 2_000;
    const html = `${'<div><b>'.repeat(depth / 2)}innerst${'</b></div>'.repeat(depth / 2)}<p>etter</p>`;
    const cleaned = cleanPastedHtml(html);
    expect(cleaned).toContain('innerst');
    expect(cleaned).toContain('etter');
    expect(cleaned.match(/<div>/g)?.length ?? 0).toBeLessThanOrEqual(40);
    expect(blocks(paste(html))).toEqual(['paragraph: innerst', 'paragraph: etter']);
  });

  it('removes NULs, control characters and lone surrogates but keeps emoji and Norwegian letters', () => {
    const doc = paste('<p>a\u0000b\u0007c\ud800d\udfffe 😀 æøå\u200b</p>');
    expect(textOf(doc)).toBe('abcde 😀 æøå\u200b');
  });

  it('keeps 5,000 links, and the spaces between them', () => {
    const html = Array.from({ length: 5_000 }, (_, i) => `<a href="https://www.regjeringen.no/id${i % 2}/">lenke</a>`).join(' ');
    const doc = paste(html);
    expect(links(doc)).toHaveLength(5_000);
    expect(textOf(doc)).toBe(Array.from({ length: 5_000 }, () => 'lenke').join(' '));
  });

  it('drops event handlers, unsafe URLs and style even on allowed elements', () => {
    const doc = paste('<p onclick="x()" style="color:red" class="c"><a href=" javascript:alert(1)">x</a><a href="https://ok.no" onmouseover="y()">ok</a></p>');
    expect(links(doc)).toEqual(['ok -> https://ok.no']);
    expectNothingForbidden(doc);
  });
});
