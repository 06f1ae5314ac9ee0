import { describe, expect, it } from 'vitest';
import { checkHref } from '../../../../../shared/editor/paste/checkHref';
import { htmlNestingExceeds } from '../../../../../shared/editor/paste/htmlNesting';
import { cleanText } from '../../../../../shared/editor/paste/cleanText';
import { isMsoListMarker, msoListPlace, parseInlineStyle, styleBold, styleHidden, styleItalic } from '../../../../../shared/editor/paste/inlineStyle';
import { isOrderedMarker } from '../../../../../shared/editor/paste/listMarker';
import { buildListTree } from '../../../../../shared/editor/paste/listTree';
import { pasteOverLimit, PASTE_LIMITS } from '../../../../../shared/editor/paste/pasteLimits';
import { plainTextBlocks } from '../../../../../shared/editor/paste/plainTextBlocks';

describe('parseInlineStyle and what it says', () => {
  it('parses Word and Google Docs styles, quotes and !important included', () => {
    const style = parseInlineStyle(`font-family:"Times New Roman; serif";mso-list:l0 level2 lfo1; FONT-WEIGHT: 700 !important;;bad`);
    expect(style.get('font-family')).toBe('"times new roman; serif"');
    expect(msoListPlace(style)).toEqual({ list: 'l0', level: 2 });
    expect(styleBold(style)).toBe(true);
  });
  it.each([
    ['font-weight:bold', true],
    ['font-weight:600', true],
    ['font-weight:normal', false],
    ['font-weight:400', false],
    ['color:red', undefined],
  ])('bold in %s is %s', (css, expected) => expect(styleBold(parseInlineStyle(css))).toBe(expected));
  it.each([
    ['font-style:italic', true],
    ['font-style:oblique 10deg', true],
    ['font-style:normal', false],
    ['', undefined],
  ])('italic in %s is %s', (css, expected) => expect(styleItalic(parseInlineStyle(css))).toBe(expected));
  it('knows Word markers and hidden elements', () => {
    expect(isMsoListMarker(parseInlineStyle('mso-list:Ignore'))).toBe(true);
    expect(msoListPlace(parseInlineStyle('mso-list:Ignore'))).toBeNull();
    expect(styleHidden(parseInlineStyle('display: none'))).toBe(true);
    expect(styleHidden(parseInlineStyle('mso-hide:all'))).toBe(true);
    expect(styleHidden(parseInlineStyle('display:block'))).toBe(false);
  });
});

describe('isOrderedMarker', () => {
  it.each(['1.', '12)', 'a.', 'B)', 'iv.', '(2)', '1.2.'])('%s numbers', (m) => expect(isOrderedMarker(m)).toBe(true));
  it.each(['·', 'o', '§', '-', '•', '▪', ''])('%s does not', (m) => expect(isOrderedMarker(m)).toBe(false));
});

describe('buildListTree', () => {
  const item = (level: number, value: string, ordered = false) => ({ level, value, ordered });
  it('nests by level and climbs back out', () => {
    const trees = buildListTree([item(1, 'a'), item(2, 'a1'), item(3, 'a1x'), item(1, 'b')]);
    expect(trees).toEqual([
      {
        ordered: false,
        items: [
          { value: 'a', children: [{ ordered: false, items: [{ value: 'a1', children: [{ ordered: false, items: [{ value: 'a1x', children: [] }] }] }] }] },
          { value: 'b', children: [] },
        ],
      },
    ]);
  });
  it('nests a jump of levels one step at a time and caps the depth', () => {
    const [tree] = buildListTree([item(1, 'a'), item(5, 'deep')]);
    expect(tree?.items[0]?.children[0]?.items[0]?.value).toBe('deep');
    let depth = 0;
    let node = buildListTree(Array.from({ length: 100 }, (_, i) => item(i + 1, `l${i}`)), 9)[0];
    while (node) {
      depth++;
      node = node.items[0]?.children[0];
    }
    expect(depth).toBe(9);
  });
  it('starts a new list when bullets turn into numbers at the top level', () => {
    expect(buildListTree([item(1, 'a'), item(1, '1', true)]).map((t) => t.ordered)).toEqual([false, true]);
  });
});

describe('checkHref', () => {
  it('accepts http(s) and mailto as written', () => {
    expect(checkHref(' https://www.regjeringen.no/ ')).toEqual({ kind: 'ok', href: 'https://www.regjeringen.no/' });
    expect(checkHref('mailto:post@hod.dep.no')).toEqual({ kind: 'ok', href: 'mailto:post@hod.dep.no' });
  });
  it('offers https:// for a bare host and mailto: for an address', () => {
    expect(checkHref('www.regjeringen.no')).toEqual({ kind: 'suggest', href: 'https://www.regjeringen.no' });
    expect(checkHref('regjeringen.no/no/aktuelt')).toEqual({ kind: 'suggest', href: 'https://regjeringen.no/no/aktuelt' });
    expect(checkHref('post@hod.dep.no')).toEqual({ kind: 'suggest', href: 'mailto:post@hod.dep.no' });
  });
  it.each(['javascript:alert(1)', 'JavaScript:void(0)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x', 'ftp://x.no'])('refuses the scheme of %s', (href) => {
    expect(checkHref(href)).toEqual({ kind: 'refused', reason: 'scheme' });
  });
  it('refuses empty and meaningless addresses', () => {
    expect(checkHref('  ')).toEqual({ kind: 'refused', reason: 'empty' });
    expect(checkHref('hei på deg')).toEqual({ kind: 'refused', reason: 'invalid' });
    expect(checkHref('https://')).toEqual({ kind: 'refused', reason: 'invalid' });
  });
});

describe('cleanText', () => {
  it('removes what JSON and XML cannot carry, keeps the rest', () => {
    expect(cleanText('a\u0000b\u0001\u001f\u007f\u0085c\ufeff\ud800\udc00\ud83d😀\tæ\n')).toBe('abc\ud800\udc00😀\tæ\n');
  });
});

describe('plainTextBlocks', () => {
  it('makes paragraphs at blank lines, line breaks within them, and lists of "- " and "1. " lines', () => {
    expect(plainTextBlocks('Første avsnitt\nandre linje\r\n\r\n- en\n- to\n\n1. første\n2) andre')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Første avsnitt' }, { type: 'hardBreak' }, { type: 'text', text: 'andre linje' }] },
      { type: 'bulletList', content: ['en', 'to'].map((t) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] })) },
      { type: 'orderedList', content: ['første', 'andre'].map((t) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] })) },
    ]);
  });
  it('keeps a huge single line as one paragraph and strips control characters', () => {
    const line = 'ord '.repeat(100_000).trim();
    const blocks = plainTextBlocks(`\u0000${line}`);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.content?.[0]?.text).toBe(line);
  });
});

describe('pasteOverLimit', () => {
  it('names the limit a paste exceeds', () => {
    expect(pasteOverLimit(1000, 1000)).toBeNull();
    expect(pasteOverLimit(PASTE_LIMITS.htmlChars + 1, 10)).toBe('html');
    expect(pasteOverLimit(0, PASTE_LIMITS.textChars + 1)).toBe('text');
  });
});

describe('htmlNestingExceeds', () => {
  it('finds a nesting bomb in linear time without a parser', () => {
    expect(htmlNestingExceeds(`${'<div><b>'.repeat(50_000)}x${'</b></div>'.repeat(50_000)}`, 1_000)).toBe(true);
  });
  it('lets real documents through: closed tags, unclosed <li> and <p>, void elements, comments and quoted >', () => {
    const libreOffice = `<ul>${'<li><p>punkt'.repeat(5_000)}</ul>`;
    expect(htmlNestingExceeds(libreOffice, 1_000)).toBe(false);
    expect(htmlNestingExceeds(`${'<div><span title="a>b">x</span><br><img src=x></div>'.repeat(5_000)}<!-- <div><div> -->`, 1_000)).toBe(false);
    expect(htmlNestingExceeds('<div>'.repeat(20), 10)).toBe(true);
  });
});

describe('htmlNestingExceeds on hostile text', () => {
  it('stays linear on unterminated tags and comments', () => {
    expect(htmlNestingExceeds('<a "'.repeat(500_000), 1_000_000)).toBe(false);
    expect(htmlNestingExceeds('<!--'.repeat(500_000), 1_000)).toBe(false);
  });
});
