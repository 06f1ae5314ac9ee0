import { describe, expect, it } from 'vitest';
import type { ImageUse } from '../../../../shared/domain/document';
import { figureHtml } from '../../../../shared/editor/figureHtml';
import { bodyToHtml } from '../../../../shared/editor/serializeHtml';

const use: ImageUse = {
  id: 'use-1',
  mediaId: 'a'.repeat(64),
  caption: 'Statsministeren på pressekonferansen.',
  alt: 'Statsministeren står ved et podium med flagg bak seg',
  credit: 'Ola Nordmann / SMK',
  rights: 'Fri bruk i omtale av saken',
  decorative: false,
  featured: false,
};
const src = `/media/${'a'.repeat(64)}/w1200`;

describe('figureHtml', () => {
  it('writes the image with its alt text, the caption and the credit with the label of the document’s målform', () => {
    expect(figureHtml(use, src, 'nb')).toBe(
      `<figure><img src="${src}" alt="Statsministeren står ved et podium med flagg bak seg">` +
        '<figcaption>Statsministeren på pressekonferansen. <span class="credit">Foto: Ola Nordmann / SMK</span></figcaption></figure>',
    );
  });

  it('never publishes the rights note: it is for the newsroom', () => {
    expect(figureHtml(use, src, 'nn')).not.toContain('Fri bruk');
  });

  it('escapes every text and the address', () => {
    const html = figureHtml({ ...use, caption: '<script>alert(1)</script>', alt: '"onerror="x', credit: 'A & B <i>' }, '/media/x"y', 'nb');
    expect(html).toContain('<figcaption>&lt;script&gt;alert(1)&lt;/script&gt; <span class="credit">Foto: A &amp; B &lt;i&gt;</span></figcaption>');
    expect(html).toContain('alt="&quot;onerror=&quot;x"');
    expect(html).toContain('src="/media/x&quot;y"');
    expect(html).not.toMatch(/<script|<i>/);
  });

  it('gives a decorative image an empty alt whatever its alt field holds', () => {
    expect(figureHtml({ ...use, decorative: true }, src, 'nb')).toContain('alt=""');
  });

  it('leaves out the figcaption when there is neither caption nor credit, and the credit alone stands on its own', () => {
    expect(figureHtml({ ...use, caption: ' ', credit: '' }, src, 'nb')).toBe(`<figure><img src="${src}" alt="${use.alt}"></figure>`);
    expect(figureHtml({ ...use, caption: '' }, src, 'nn')).toContain('<figcaption><span class="credit">Foto: Ola Nordmann / SMK</span></figcaption>');
  });

  it('is what bodyToHtml writes for a figure in the body', () => {
    const body = { type: 'doc' as const, content: [{ type: 'figure', attrs: { imageUseId: 'use-1' } }, { type: 'paragraph', content: [{ type: 'text', text: 'Tekst.' }] }] };
    const html = bodyToHtml(body, { figure: (id) => (id === use.id ? figureHtml(use, src, 'nb') : null) });
    expect(html).toBe(`${figureHtml(use, src, 'nb')}<p>Tekst.</p>`);
  });
});
