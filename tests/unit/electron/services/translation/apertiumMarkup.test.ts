import { describe, expect, it } from 'vitest';
import type { DocumentContent, RichNode } from '../../../../../shared/domain/document';
import { splitLongPiece } from '../../../../../electron/services/translation/apertiumApy';
import { decodeInline, decodePlain, encodeInline, encodePlain, unwrapPieces, wrapPieces } from '../../../../../electron/services/translation/apertiumMarkup';
import { applyTranslations, collectTexts, pairFor } from '../../../../../electron/services/translation/documentTexts';

const text = (value: string, ...marks: RichNode['marks'] & object): RichNode => (marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const link = (href: string) => ({ type: 'link', attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null } });

const inline: RichNode[] = [
  text('Regjeringen vil '),
  text('styrke', { type: 'bold' }),
  text(' '),
  text('sykehusene', { type: 'bold' }, { type: 'italic' }),
  text(' – les '),
  text('rapporten', link('https://www.regjeringen.no/no/dokumenter/rapport/id1/?a=1&b=2')),
  text(' & se 3 * 4, #helse og kari@hod.dep.no <nå>.'),
  { type: 'hardBreak' },
  text('Ny linje.'),
];

describe('Apertium markup: the way there and back', () => {
  it('sends marks as tags, links by number, and literal mark characters and breaks as placeholders', () => {
    const encoded = encodeInline(inline);
    expect(encoded.html).toBe(
      'Regjeringen vil <b>styrke</b> <b><i>sykehusene</i></b> – les <a data-m="0">rapporten</a> &amp; se 3 <span data-n="0"></span> 4, <span data-n="1"></span>helse og <span data-n="2"></span> &lt;nå&gt;.<br data-n="3">Ny linje.',
    );
    // The href never travels: Apertium cannot touch it.
    expect(encoded.html).not.toContain('regjeringen.no');
    expect(encoded.links).toEqual([link('https://www.regjeringen.no/no/dokumenter/rapport/id1/?a=1&b=2')]);
  });

  it('reads an untouched answer back to exactly the same content', () => {
    const encoded = encodeInline(inline);
    const decoded = decodeInline(encoded.html, encoded);
    expect(decoded.content).toEqual(inline);
    expect(decoded.unknown).toEqual([]);
  });

  it('keeps a mark that Apertium moved to other words, and tolerates misnested tags', () => {
    const encoded = encodeInline([text('Se '), text('nettsiden', link('https://x.no/a')), text(' i dag')]);
    // What Apertium 3.8 answers for "Se <a>nettsiden</a>": the link spreads to the verb.
    const decoded = decodeInline('<a data-m="0">Sjå nettsida</a> i dag', encoded);
    expect(decoded.content).toEqual([text('Sjå nettsida', link('https://x.no/a')), text(' i dag')]);
    const misnested = decodeInline('<b><i>a</b> b</i> c', encodeInline([text('x')]));
    expect(misnested.content).toEqual([text('a', { type: 'bold' }, { type: 'italic' }), text(' b', { type: 'italic' }), text(' c')]);
  });

  it('strips Apertium’s marks for unknown words and reports them with offsets in the decoded text', () => {
    const encoded = encodeInline([text('Foo '), text('x', { type: 'bold' }), { type: 'hardBreak' }, text('y')]);
    const decoded = decodeInline('*Blahfoo og <b>*Ukjentord</b>.<br data-n="0">Han sa &quot;#Gnurk&quot; &amp; @Snork, 3 <span data-n="1"></span> 4', {
      ...encoded,
      atoms: [{ type: 'hardBreak' }, '*'],
    });
    const plain = 'Blahfoo og Ukjentord.\nHan sa "Gnurk" & Snork, 3 * 4';
    expect(decoded.content.map((n) => (n.type === 'hardBreak' ? '\n' : (n.text ?? ''))).join('')).toBe(plain);
    expect(decoded.unknown).toEqual([
      { from: 0, to: 7, word: 'Blahfoo' },
      { from: 11, to: 20, word: 'Ukjentord' },
      { from: 30, to: 35, word: 'Gnurk' },
      { from: 39, to: 44, word: 'Snork' },
    ]);
    for (const u of decoded.unknown) expect(plain.slice(u.from, u.to)).toBe(u.word);
  });

  it('counts a hard break as one character, as ProseMirror does', () => {
    const encoded = encodeInline([text('Ein'), { type: 'hardBreak' }, text('to')]);
    const decoded = decodeInline('Ein<br data-n="0">*Tvo', encoded);
    expect(decoded.unknown).toEqual([{ from: 4, to: 7, word: 'Tvo' }]);
  });

  it('sends web addresses, e-mail addresses and domain names as placeholders, so they come back as written', () => {
    const encoded = encodePlain('Les mer på regjeringen.no, https://www.regjeringen.no/no/id1/?a=1. Skriv til post@hod.dep.no.');
    expect(encoded.html).toBe('Les mer på <span data-n="0"></span>, <span data-n="1"></span>. Skriv til <span data-n="2"></span>.');
    expect(encoded.atoms).toEqual(['regjeringen.no', 'https://www.regjeringen.no/no/id1/?a=1', 'post@hod.dep.no']);
    expect(decodePlain('Les meir på <span data-n="0"></span>, <span data-n="1"></span>. Skriv til <span data-n="2"></span>.', encoded).text).toBe(
      'Les meir på regjeringen.no, https://www.regjeringen.no/no/id1/?a=1. Skriv til post@hod.dep.no.',
    );
  });

  it('round-trips plain fields with line breaks and literal asterisks', () => {
    const encoded = encodePlain('Første linje *\nAndre & <tredje>');
    expect(decodePlain(encoded.html, encoded)).toEqual({ text: 'Første linje *\nAndre & <tredje>', unknown: [] });
  });

  it('numbers pieces for one call and finds them again; a lost piece is refused', () => {
    const wrapped = wrapPieces(['a', 'b <b>c</b>'], 5);
    expect(unwrapPieces(wrapped, 5, 2)).toEqual(['a', 'b <b>c</b>']);
    expect(unwrapPieces('<div data-s="5">a</div>', 5, 2)).toBeNull();
    expect(unwrapPieces(`${wrapped}<div data-s="5">a</div>`, 5, 2)).toBeNull();
  });

  it('splits a piece too long for one apertium-apy request at sentence ends, never inside a tag', () => {
    const sentence = 'Dette er en setning med <a data-m="0">en lenke i</a> seg. ';
    const html = sentence.repeat(200);
    const parts = splitLongPiece(html, 1000);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.join('')).toBe(html);
    for (const part of parts) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(1000);
      expect(part.lastIndexOf('<')).toBeLessThanOrEqual(part.lastIndexOf('>'));
      expect(part.endsWith('. ') || part === parts[parts.length - 1]).toBe(true);
    }
  });
});

describe('Document texts', () => {
  const content: DocumentContent = {
    type: 'pressemelding',
    maalform: 'nb',
    title: 'Tittel',
    ingress: 'Ingress',
    body: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Overskrift')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Punkt')] }] }] },
        { type: 'figure', attrs: { imageUseId: 'u1' } },
        { type: 'paragraph' },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('Sitat', { type: 'italic' })] }] },
      ],
    },
    contacts: [
      { contactId: null, name: 'Kari', roleNb: 'rådgiver', roleNn: '', phone: '', email: '' },
      { contactId: null, name: 'Ola', roleNb: 'seniorrådgiver', roleNn: 'seniorrådgivar', phone: '', email: '' },
    ],
    images: [{ id: 'u1', mediaId: 'a'.repeat(64), caption: 'Bildetekst', alt: 'Alt', credit: 'Foto: NTB', rights: '', decorative: false, featured: true }],
    tags: ['helse'],
    embargoAt: null,
    internalNote: 'Intern',
  };

  it('collects title, ingress, every textblock in order, captions, alt texts and empty target roles', () => {
    const { pieces } = collectTexts(content, 'nn');
    expect(pieces.map((p) => `${p.field}:${p.index}:${p.encoded.html}`)).toEqual([
      'title:0:Tittel',
      'ingress:0:Ingress',
      'body:0:Overskrift',
      'body:1:Punkt',
      'body:3:<i>Sitat</i>',
      'caption:0:Bildetekst',
      'alt:0:Alt',
      'contactRole:0:rådgiver',
    ]);
  });

  it('puts translations back where they came from, structure untouched, and switches the målform', () => {
    const { draft, pieces } = collectTexts(content, 'nn');
    const unknown = applyTranslations(draft, pieces, ['Tittel', 'Ingress', 'Overskrift', '*Punkt', '<i>Sitat</i>', 'Bilettekst', 'Alt', 'rådgivar'], 'nn');
    expect(draft.maalform).toBe('nn');
    expect(draft.images[0]?.caption).toBe('Bilettekst');
    expect(draft.images[0]?.credit).toBe('Foto: NTB');
    expect(draft.contacts.map((c) => [c.roleNb, c.roleNn])).toEqual([
      ['rådgiver', 'rådgivar'],
      ['seniorrådgiver', 'seniorrådgivar'],
    ]);
    expect(draft.body.content?.map((n) => n.type)).toEqual(['heading', 'bulletList', 'figure', 'paragraph', 'blockquote']);
    expect(draft.body.content?.[0]?.attrs).toEqual({ level: 2 });
    expect(draft.internalNote).toBe('Intern');
    expect(unknown).toEqual([{ field: 'body', index: 1, from: 0, to: 5, word: 'Punkt' }]);
    // The source is not changed.
    expect(content.maalform).toBe('nb');
  });

  it('chooses the Apertium direction from the target and the Nynorsk variant', () => {
    expect(pairFor('nn', 'e')).toBe('nob-nno_e');
    expect(pairFor('nn', 'a')).toBe('nob-nno');
    expect(pairFor('nb', 'e')).toBe('nno-nob');
  });
});
