// Translation with the real Apertium (Debian packages apertium, apertium-nno-nob and
// apertium-apy; .ci/run installs them). Nothing here is faked: the command line and the HTTP
// service translate the same press release, and the library stores the result.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Document, DocumentContent, RichNode } from '../../../shared/domain/document';
import type { TranslationSettings } from '../../../shared/domain/settings';
import type { EventBus } from '../../../electron/services/eventBus';
import { silentLogger } from '../../../electron/services/logger';
import { findOnPath } from '../../../electron/services/translation/apertiumCli';
import { TranslationService } from '../../../electron/services/translation/translationService';
import { startApy } from '../../../scripts/apertium/startApy.mjs';
import pressRelease from '../../fixtures/translation/press-release-nb.json';
import { libraryDir, openLibrary } from '../../unit/support/libraryFixture';

const source = pressRelease as DocumentContent;

// Apertium takes a second or two per call on an idle machine and much longer on a busy one:
// room to finish, never a timing assertion.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

if (!findOnPath('apertium', process.env.PATH)) {
  throw new Error('These tests need Apertium: apt-get install -y apertium apertium-nno-nob apertium-apy (.ci/run does).');
}

async function setUp(settings: Partial<TranslationSettings> = {}, env?: NodeJS.ProcessEnv) {
  const opened = await openLibrary(await libraryDir());
  const created = await opened.library.create({ type: 'pressemelding', maalform: source.maalform });
  if (!created.ok) throw new Error('create failed');
  const saved = await opened.library.save(created.value.id, 0, { ...source, maalform: source.maalform });
  if (!saved.ok) throw new Error('save failed');
  const bus = (opened.library as unknown as { deps: { bus: EventBus } }).deps.bus;
  const progress: { done: number; total: number }[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'translation:progress') progress.push(payload as { done: number; total: number });
  });
  const translation = new TranslationService({
    library: opened.library,
    bus,
    logger: silentLogger,
    settings: () => ({ engine: 'auto', apyUrl: '', nynorskInfinitive: 'e', ...settings }),
    env,
  });
  return { ...opened, translation, id: created.value.id, revision: saved.value.revision, progress };
}

/** Every text node's text, in order, with its marks, and the block structure around it. */
function shape(node: RichNode | { type: string; content?: RichNode[] }): unknown {
  const { type, content } = node as RichNode;
  const attrs = (node as RichNode).attrs;
  return { type, attrs, content: content?.filter((c) => c.type !== 'text').map(shape) };
}
function linkHrefs(node: RichNode | { content?: RichNode[] }): string[] {
  const own = ((node as RichNode).marks ?? []).filter((m) => m.type === 'link').map((m) => String(m.attrs?.href));
  return [...own, ...((node as RichNode).content ?? []).flatMap(linkHrefs)];
}
function allText(node: RichNode | { content?: RichNode[] }): string {
  return (node as RichNode).text ?? ((node as RichNode).content ?? []).map(allText).join(' ');
}
function marked(node: RichNode | { content?: RichNode[] }, type: string): string[] {
  const own = (node as RichNode).text !== undefined && ((node as RichNode).marks ?? []).some((m) => m.type === type) ? [(node as RichNode).text as string] : [];
  return [...own, ...((node as RichNode).content ?? []).flatMap((c) => marked(c, type))];
}

describe('Translation with Apertium’s command line', () => {
  let translated: Document;
  let unknownWords: { field: string; index: number; from: number; to: number; word: string }[];
  let env: Awaited<ReturnType<typeof setUp>>;

  beforeAll(async () => {
    env = await setUp();
    const status = await env.translation.status();
    expect(status).toMatchObject({ engine: 'cli', available: true, problem: null });
    expect(status.pairs).toEqual(expect.arrayContaining(['nob-nno', 'nob-nno_e', 'nno-nob']));
    const result = await env.translation.translateDocument(env.id, env.revision, 'nn');
    if (!result.ok) throw new Error(result.error.message);
    ({ document: translated, unknownWords } = result.value);
  });

  it('translates a press release into Nynorsk (e-infinitive) with known words in the right form', () => {
    expect(translated.maalform).toBe('nn');
    expect(translated.title).toBe('Regjeringa vil styrkje sjukehusa');
    expect(allText(translated.body)).toContain('Regjeringa vil styrkje sjukehusa.');
    expect(translated.ingress).toMatch(/^Regjeringa foreslår å auke løyvingane til sjukehusa med 2,4 milliardar kroner neste år\. Pengane skal gi fleire tilsette/);
    const heading = translated.body.content?.find((n) => n.type === 'heading');
    expect(allText(heading as RichNode)).toBe('Fleire tilsette og kortare ventetid');
    expect(allText(translated.body)).toContain('Kva skjer vidare?');
  });

  it('keeps the markup: headings, lists, bold, italic, links with their href, figures', () => {
    expect(shape(translated.body)).toEqual(shape(source.body));
    expect(linkHrefs(translated.body)).toEqual(linkHrefs(source.body));
    expect(linkHrefs(translated.body)).toContain('https://www.regjeringen.no/no/statsbudsjett/2027/helse/id3012345/?tab=sykehus&lang=nb');
    expect(marked(translated.body, 'bold').join(' ')).toMatch(/styrkjer vi sjukehusa/);
    expect(marked(translated.body, 'italic')).toEqual(['lokalsjukehusa']);
    expect(marked(translated.body, 'link').join(' ')).toMatch(/statsbudsjettet for helse og omsorg/);
    const list = translated.body.content?.find((n) => n.type === 'bulletList');
    expect(list?.content).toHaveLength(4);
    expect(allText(list as RichNode)).toContain('betre turnusordningar');
  });

  it('translates the caption and the alt text, keeps the credit, and fills the Nynorsk role', () => {
    expect(translated.images[0]?.caption).toBe('Statsministeren på talarstolen under besøket ved sjukehuset i Bodø.');
    // Apertium reads "taler" here as a noun and keeps it: machine translation, to be read.
    expect(translated.images[0]?.alt).toMatch(/^Statsministeren \w+ til tilsette i ein sjukehusgang\.$/);
    expect(translated.images[0]?.credit).toBe('Foto: Ola Nordmann / NTB');
    expect(translated.contacts[0]).toMatchObject({ roleNb: 'kommunikasjonsrådgiver', roleNn: 'kommunikasjonsrådgivar' });
    expect(translated.internalNote).toBe(source.internalNote);
  });

  it('stores a new revision with snapshots before and after, so the original can be restored', async () => {
    expect(translated.revision).toBe(env.revision + 1);
    const list = await env.library.revisionList(env.id);
    if (!list.ok) throw new Error('no revisions');
    const kinds = list.value.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['before-translate', 'translate']));
    const before = list.value.find((r) => r.kind === 'before-translate');
    const restored = await env.library.restore(env.id, before?.id as string, translated.revision);
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.maalform).toBe('nb');
    expect(restored.value.title).toBe(source.title);
    expect(restored.value.body).toEqual(source.body);
  });

  it('reports progress up to the whole document', () => {
    const last = env.progress[env.progress.length - 1];
    expect(last?.total).toBeGreaterThan(20);
    expect(last?.done).toBe(last?.total);
  });

  it('reports the one word of the sample Apertium does not know, where it is, and leaves no marks in the text', () => {
    expect(unknownWords.map((u) => u.word)).toEqual(['medisinsk-teknisk']);
    const [word] = unknownWords;
    expect(word?.field).toBe('body');
    // The textblock the offsets count in (list items' paragraphs included, in document order).
    const blocks: RichNode[] = [];
    const walk = (nodes: RichNode[] | undefined) => nodes?.forEach((n) => (n.type === 'paragraph' || n.type === 'heading' ? blocks.push(n) : walk(n.content)));
    walk(translated.body.content);
    const text = (blocks[word?.index ?? -1]?.content ?? []).map((n) => n.text ?? '').join('');
    expect(text.slice(word?.from, word?.to)).toBe('medisinsk-teknisk');
    expect(JSON.stringify(translated.body)).not.toMatch(/[*#@][\p{L}]/u);
  });
});

describe('Unknown words, the a-infinitive, and the way back to Bokmål', () => {
  it('marks words Apertium does not know, without the asterisk, at the right place', async () => {
    const env = await setUp();
    const body = {
      type: 'doc' as const,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Regjeringen vil styrke ' }, { type: 'text', text: 'Blahfoo', marks: [{ type: 'bold' }] }, { type: 'text', text: ' og sykehusene. Vi trenger gnurkeplikt. Se 3 * 4.' }] },
      ],
    };
    const saved = await env.library.save(env.id, env.revision, { ...source, title: 'Gnurkeplikt for alle', ingress: '', body, images: [], contacts: [] });
    if (!saved.ok) throw new Error('save');
    const result = await env.translation.translateDocument(env.id, saved.value.revision, 'nn');
    if (!result.ok) throw new Error(result.error.message);
    const { document, unknownWords } = result.value;
    const paragraph = document.body.content?.[0] as RichNode;
    const text = (paragraph.content ?? []).map((n) => n.text ?? '').join('');
    expect(text).toBe('Regjeringa vil styrkje Blahfoo og sjukehusa. Vi treng gnurkeplikt. Sjå 3 * 4.');
    expect(unknownWords).toEqual(
      expect.arrayContaining([
        { field: 'title', index: 0, from: 0, to: 11, word: 'Gnurkeplikt' },
        { field: 'body', index: 0, from: text.indexOf('Blahfoo'), to: text.indexOf('Blahfoo') + 7, word: 'Blahfoo' },
        { field: 'body', index: 0, from: text.indexOf('gnurkeplikt'), to: text.indexOf('gnurkeplikt') + 11, word: 'gnurkeplikt' },
      ]),
    );
    expect(document.title).toBe('Gnurkeplikt for alle');
    expect(paragraph.content?.find((n) => n.text === 'Blahfoo')?.marks).toEqual([{ type: 'bold' }]);
  });

  it('writes the a-infinitive when Settings choose it', async () => {
    const env = await setUp({ nynorskInfinitive: 'a' });
    const result = await env.translation.translateDocument(env.id, env.revision, 'nn');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.document.title).toBe('Regjeringa vil styrkja sjukehusa');
  });

  it('translates Nynorsk back into Bokmål', async () => {
    const env = await setUp();
    const first = await env.translation.translateDocument(env.id, env.revision, 'nn');
    if (!first.ok) throw new Error(first.error.message);
    const back = await env.translation.translateDocument(env.id, first.value.document.revision, 'nb');
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.document.maalform).toBe('nb');
    expect(back.value.document.title).toBe('Regjeringen vil styrke sykehusene');
    expect(back.value.document.images[0]?.caption).toBe('Statsministeren på talerstolen under besøket ved sykehuset i Bodø.');
  });

  it('refuses a translation built on an old revision, and one into the målform the document has', async () => {
    const env = await setUp();
    expect(await env.translation.translateDocument(env.id, env.revision - 1, 'nn')).toMatchObject({ ok: false, error: { code: 'document_conflict' } });
    expect(await env.translation.translateDocument(env.id, env.revision, 'nb')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('Cancel and a missing Apertium', () => {
  it('stops a long translation when cancelled, and leaves the document as it was', async () => {
    const env = await setUp();
    const long = { ...source, body: { type: 'doc' as const, content: Array.from({ length: 15 }, () => source.body.content ?? []).flat() } };
    const saved = await env.library.save(env.id, env.revision, long);
    if (!saved.ok) throw new Error('save');
    const running = env.translation.translateDocument(env.id, saved.value.revision, 'nn');
    // Cancel once Apertium has started answering (the first pieces are back), not before.
    await new Promise<void>((resolve) => {
      const check = () => (env.progress.some((p) => p.done > 0) ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(env.translation.cancel(env.id)).toBe(true);
    expect(await running).toMatchObject({ ok: false, error: { code: 'translation_cancelled' } });
    const after = await env.library.get(env.id);
    expect(after.ok && after.value.document).toMatchObject({ maalform: 'nb', revision: saved.value.revision, title: source.title });
    expect(env.translation.cancel(env.id)).toBe(false);
  });

  it('says what to install when Apertium is not on the PATH, and changes nothing', async () => {
    const env = await setUp({}, { PATH: '' });
    expect(await env.translation.status()).toMatchObject({ engine: 'cli', available: false, problem: 'cli_not_found' });
    const result = await env.translation.translateDocument(env.id, env.revision, 'nn');
    expect(result).toMatchObject({ ok: false, error: { code: 'translation_unavailable' } });
    expect(await env.translation.test()).toMatchObject({ ok: false, error: { code: 'translation_unavailable' } });
    const after = await env.library.get(env.id);
    expect(after.ok && after.value.document.revision).toBe(env.revision);
  });

  it('says the service does not answer when the apertium-apy address is wrong', async () => {
    const env = await setUp({ apyUrl: 'http://127.0.0.1:9' });
    expect(await env.translation.status()).toMatchObject({ engine: 'apy', available: false, problem: 'apy_unreachable' });
    expect(await env.translation.translateDocument(env.id, env.revision, 'nn')).toMatchObject({ ok: false, error: { code: 'translation_failed' } });
  });
});

describe('Translation through apertium-apy on 127.0.0.1', () => {
  let apy: Awaited<ReturnType<typeof startApy>>;
  beforeAll(async () => {
    apy = await startApy();
  }, 60_000);
  afterAll(async () => {
    await apy?.stop();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(apy.addresses).toEqual(['127.0.0.1']);
  });

  it('gives the same document as the command line, in several requests', async () => {
    const viaApy = await setUp({ apyUrl: apy.url });
    expect(await viaApy.translation.status()).toMatchObject({ engine: 'apy', available: true, detail: apy.url });
    const viaCli = await setUp();
    const [a, c] = await Promise.all([viaApy.translation.translateDocument(viaApy.id, viaApy.revision, 'nn'), viaCli.translation.translateDocument(viaCli.id, viaCli.revision, 'nn')]);
    if (!a.ok || !c.ok) throw new Error('translation failed');
    expect(a.value.document.body).toEqual(c.value.document.body);
    expect(a.value.document.title).toBe('Regjeringa vil styrkje sjukehusa');
    expect(a.value.document.images).toEqual(c.value.document.images);
    // More than one request: progress came in steps.
    expect(new Set(viaApy.progress.map((p) => p.done)).size).toBeGreaterThan(2);
    const test = await viaApy.translation.test();
    expect(test).toMatchObject({ ok: true, value: { engine: 'apy', translated: 'Regjeringa vil styrkje sjukehusa.' } });
  });
});
