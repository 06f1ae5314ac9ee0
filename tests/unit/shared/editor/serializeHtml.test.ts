import { describe, expect, it } from 'vitest';
import type { RichDoc, RichNode } from '../../../../shared/domain/document';
import { SAMPLE_DOCUMENTS } from '../../../../shared/domain/samples';
import { escapeHtml } from '../../../../shared/editor/escapeHtml';
import { bodyToHtml } from '../../../../shared/editor/serializeHtml';

const noFigures = { figure: () => null };
const text = (value: string, marks?: RichNode['marks']): RichNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const p = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });
const linked = (value: string, href: string) => text(value, [{ type: 'link', attrs: { href } }]);

const representative = doc(
  p(text('Regjeringen foreslår '), text('2 milliarder', [{ type: 'bold' }]), text(' mer.')),
  { type: 'heading', attrs: { level: 2 }, content: [text('Dette foreslår regjeringen')] },
  { type: 'heading', attrs: { level: 3 }, content: [text('I korte trekk')] },
  {
    type: 'bulletList',
    content: [
      { type: 'listItem', content: [p(text('første'))] },
      { type: 'listItem', content: [p(text('andre'))] },
    ],
  },
  { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(text('tredje'))] }] },
  { type: 'blockquote', content: [p(text('Sitat', [{ type: 'italic' }]))] },
  { type: 'figure', attrs: { imageUseId: 'use-1' } },
  p(
    text('Les mer på '),
    linked('regjeringen', 'https://www.regjeringen.no/no/dep/hod/id421/?a=1&b=2'),
    text('.no', [{ type: 'link', attrs: { href: 'https://www.regjeringen.no/no/dep/hod/id421/?a=1&b=2' } }, { type: 'bold' }]),
    { type: 'hardBreak' },
    text('eller skriv til '),
    linked('oss', 'mailto:post@hod.dep.no'),
  ),
);

const figure = (id: string) => (id === 'use-1' ? `<figure><img src="/media/a.jpg" alt="${escapeHtml('Vestre')}"></figure>` : null);

describe('bodyToHtml', () => {
  it('renders a representative body', () => {
    expect(bodyToHtml(representative, { figure })).toBe(
      '<p>Regjeringen foreslår <strong>2 milliarder</strong> mer.</p>' +
        '<h2>Dette foreslår regjeringen</h2>' +
        '<h3>I korte trekk</h3>' +
        '<ul><li><p>første</p></li><li><p>andre</p></li></ul>' +
        '<ol start="3"><li><p>tredje</p></li></ol>' +
        '<blockquote><p><em>Sitat</em></p></blockquote>' +
        '<figure><img src="/media/a.jpg" alt="Vestre"></figure>' +
        '<p>Les mer på <a href="https://www.regjeringen.no/no/dep/hod/id421/?a=1&amp;b=2" rel="noopener noreferrer">regjeringen<strong>.no</strong></a>' +
        '<br>eller skriv til <a href="mailto:post@hod.dep.no" rel="noopener noreferrer">oss</a></p>',
    );
  });

  it('leaves out figures the caller cannot render', () => {
    expect(bodyToHtml(doc({ type: 'figure', attrs: { imageUseId: 'gone' } }, p(text('x'))), { figure })).toBe('<p>x</p>');
    expect(bodyToHtml(doc({ type: 'figure', attrs: { imageUseId: 'use-1' } }), noFigures)).toBe('');
  });

  it('escapes <script>, quotes and & in text', () => {
    expect(bodyToHtml(doc(p(text(`<script>alert("x")</script> & 'y'`))), noFigures)).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('escapes quotes, & and <script> in attributes', () => {
    const href = `https://example.no/?q="><script>alert('x')</script>&r=1`;
    expect(bodyToHtml(doc(p(linked('lenke', href))), noFigures)).toBe(
      '<p><a href="https://example.no/?q=&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;r=1" rel="noopener noreferrer">lenke</a></p>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:x',
    '/relative/path',
    'relative.html',
    '//evil.example/x',
    'https://',
    'ftp://example.no/file',
    '',
  ])('renders a link to %j as plain text', (href) => {
    expect(bodyToHtml(doc(p(text('før '), linked('lenke', href), text(' etter'))), noFigures)).toBe('<p>før lenke etter</p>');
  });

  it('drops attributes it does not know, and never writes style or class', () => {
    const html = bodyToHtml(
      doc(
        { type: 'paragraph', attrs: { style: 'color:red', class: 'x', textAlign: 'center' }, content: [text('a')] },
        p(text('b', [{ type: 'link', attrs: { href: 'https://a.no', target: '_blank', class: 'x', rel: 'opener', onclick: 'x()' } }])),
      ),
      noFigures,
    );
    expect(html).toBe('<p>a</p><p><a href="https://a.no" rel="noopener noreferrer">b</a></p>');
  });

  it('renders h1 as h2 and h4 and deeper as h3', () => {
    const heading = (level: number, value: string): RichNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
    expect(bodyToHtml(doc(heading(1, 'a'), heading(4, 'b'), heading(6, 'c')), noFigures)).toBe('<h2>a</h2><h3>b</h3><h3>c</h3>');
  });

  it('keeps the text of unknown node types and drops unknown marks', () => {
    const body = doc(
      { type: 'codeBlock', content: [text('kode')] },
      p(text('før '), { type: 'mention', attrs: { id: 'x' } }, text('understreket', [{ type: 'underline' }, { type: 'bold' }])),
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(text('celle'))] }] }] },
      { type: 'details', content: [{ type: 'detailsSummary', content: [text('sammendrag')] }] },
    );
    expect(bodyToHtml(body, noFigures)).toBe('<p>kode</p><p>før <strong>understreket</strong></p><p>celle</p><p>sammendrag</p>');
  });

  it('repairs structure the schema refuses without losing text', () => {
    const body = doc(
      text('løs tekst'),
      { type: 'paragraph', content: [p(text('inni'))] },
      { type: 'bulletList', content: [p(text('punkt'))] },
      { type: 'listItem', content: [p(text('alene'))] },
    );
    expect(bodyToHtml(body, noFigures)).toBe('<p>løs tekst</p><p>inni</p><ul><li><p>punkt</p></li></ul><p>alene</p>');
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [null, 42, 'doc', [], { type: 'doc', content: 'x' }, { type: 'doc', content: [null, 1, { type: 7 }, { text: 5 }] }];
    for (const value of junk) expect(() => bodyToHtml(value as RichDoc, noFigures)).not.toThrow();
    const throwing = { figure: () => { throw new Error('boom'); } };
    expect(bodyToHtml(doc({ type: 'figure', attrs: { imageUseId: 'a' } }, p(text('x'))), throwing)).toBe('<p>x</p>');
  });

  it('keeps the text of absurdly deep nesting', () => {
    let node: RichNode = p(text('bunn'));
    for (let i = 0; i < 5000; i++) node = { type: 'blockquote', content: [node] };
    const html = bodyToHtml(doc(node), noFigures);
    expect(html).toContain('<p>bunn</p>');
  });

  it('is deterministic: the same JSON, or the same JSON round-tripped, gives the same HTML', () => {
    const first = bodyToHtml(representative, { figure });
    expect(bodyToHtml(representative, { figure })).toBe(first);
    expect(bodyToHtml(JSON.parse(JSON.stringify(representative)) as RichDoc, { figure })).toBe(first);
    const reordered = JSON.parse(
      JSON.stringify(representative, (_key, value: unknown) =>
        value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
      ),
    ) as RichDoc;
    expect(bodyToHtml(reordered, { figure })).toBe(first);
  });

  it.each(SAMPLE_DOCUMENTS.map((s) => [s.sampleKey, s.body] as const))('renders sample %s', (_key, body) => {
    const html = bodyToHtml(body, noFigures);
    expect(html.startsWith('<')).toBe(true);
    expect(html).not.toMatch(/style=|class=|<script|<h1|target=/);
    expect(bodyToHtml(JSON.parse(JSON.stringify(body)) as RichDoc, noFigures)).toBe(html);
  });
});
