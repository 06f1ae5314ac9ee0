// Realistic documents for the storage bench: Norwegian press releases, news and articles built
// from sentences of the seed texts (and the app's own samples), varied so that no two documents
// are alike and the vocabulary grows with the library the way a real one does (new compounds,
// names, places and figures), not stuck at the few thousand words of the seeds.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOCUMENT_SCHEMA_VERSION, plainText, type Document, type DocumentType, type Maalform, type RichDoc, type RichNode, type WorkflowStatus } from '../../shared/domain/document';
import { SAMPLE_DOCUMENTS } from '../../shared/domain/samples';

/** A small, fast, seedable generator (mulberry32): the same seed gives the same library. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Skewed towards the start of the list, the way word frequencies are. */
  skewed<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() ** 2.5 * items.length)] as T;
  }

  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    return entries[entries.length - 1]![0];
  }

  /** An RFC 9562 version 4 UUID, as the app's randomUUID makes them. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = (8 + this.int(0, 3)).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

interface Pool {
  /** Whole sentences, in the order they were read (neighbours make coherent paragraphs). */
  sentences: string[];
  /** Short lines without a full stop: headings and title material. */
  phrases: string[];
  /** Longer lowercase words, most frequent first: the stems of new compounds. */
  words: string[];
}

export type Corpus = Record<Maalform, Pool>;

// Words only one of the forms writes. Lookarounds, not \b, which knows no letter beyond ASCII.
const NYNORSK = /(?<!\p{L})(ikkje|òg|meir|korleis|kva|dei|eit|frå|berre|kommunane|regjeringa|tenester|sjukehusa|desse|vore|vorte|ein|heile)(?!\p{L})/giu;
const BOKMAAL = /(?<!\p{L})(ikke|også|mer|hvordan|hva|de|et|fra|bare|kommunene|regjeringen|tjenester|sykehusene|disse|vært|hele)(?!\p{L})/giu;

/** Reads the seed texts (any *.txt in `seedsDir`, if there is one) and the built-in samples. */
export async function loadCorpus(seedsDir: string | undefined): Promise<Corpus> {
  const corpus: Corpus = { nb: { sentences: [], phrases: [], words: [] }, nn: { sentences: [], phrases: [], words: [] } };
  if (seedsDir) {
    for (const name of (await readdir(seedsDir)).filter((n) => n.endsWith('.txt')).sort()) {
      const text = await readFile(join(seedsDir, name), 'utf8');
      // Pages mix the two forms (a Nynorsk news item on a Bokmål page): decide line by line.
      const fileForm = formOf(text, 'nb');
      for (const line of text.split(/\n+/)) split(line, corpus[formOf(line, fileForm)]);
    }
  }
  for (const sample of SAMPLE_DOCUMENTS) split([sample.title, sample.ingress, plainText(sample.body)].join('\n'), corpus[sample.maalform]);
  for (const pool of Object.values(corpus)) pool.words = frequentWords(pool.sentences);
  // Either form borrows from the other rather than run dry on a small seed set.
  for (const [form, other] of [['nb', 'nn'], ['nn', 'nb']] as const) {
    if (corpus[form].sentences.length < 20) corpus[form].sentences.push(...corpus[other].sentences);
    if (corpus[form].phrases.length < 10) corpus[form].phrases.push(...corpus[other].phrases);
  }
  return corpus;
}

function formOf(text: string, otherwise: Maalform): Maalform {
  const nn = text.match(NYNORSK)?.length ?? 0;
  const nb = text.match(BOKMAAL)?.length ?? 0;
  return nn > nb ? 'nn' : nb > nn ? 'nb' : otherwise;
}

function split(text: string, pool: Pool): void {
  for (const raw of text.split(/\n+/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    for (const sentence of line.split(/(?<=[.!?])\s+(?=[«"–•A-ZÆØÅ0-9])/u)) {
      const part = sentence.replace(/^•\s*/u, '');
      const words = part.split(' ').length;
      if (/[.!?]$/.test(part) && words >= 6 && words <= 60) pool.sentences.push(part);
      else if (!/[.!?:]$/.test(part) && words >= 3 && words <= 14 && /^[\p{Lu}«]/u.test(part) && !/[:@/]|\d{2}/.test(part)) pool.phrases.push(part);
    }
  }
}

function frequentWords(sentences: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s.toLowerCase().match(/\p{L}{5,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

const PLACES = [
  'Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromsø', 'Bodø', 'Kristiansand', 'Drammen', 'Fredrikstad', 'Ålesund', 'Molde',
  'Førde', 'Lillehammer', 'Hamar', 'Gjøvik', 'Skien', 'Arendal', 'Haugesund', 'Harstad', 'Alta', 'Hammerfest', 'Vadsø',
  'Kirkenes', 'Mo i Rana', 'Mosjøen', 'Steinkjer', 'Levanger', 'Namsos', 'Kristiansund', 'Volda', 'Ørsta', 'Voss', 'Odda',
  'Stord', 'Sogndal', 'Florø', 'Kongsberg', 'Tønsberg', 'Sandefjord', 'Larvik', 'Porsgrunn', 'Notodden', 'Elverum', 'Røros',
  'Narvik', 'Svolvær', 'Sortland', 'Finnsnes', 'Lyngdal', 'Egersund', 'Sandnes', 'Bryne', 'Jessheim', 'Lillestrøm', 'Ski',
];
const FIRST = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Sigrid', 'Håkon', 'Astrid', 'Magnus', 'Solveig', 'Eirik', 'Marit', 'Torbjørn', 'Åse', 'Knut', 'Liv', 'Jon', 'Ragnhild', 'Per', 'Hilde', 'Øystein', 'Tone', 'Bjørn', 'Guro', 'Sindre'];
const LAST = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Bakken', 'Solberg', 'Strand', 'Lunde', 'Vik', 'Aasen', 'Myklebust', 'Øvrebø', 'Dahle', 'Sæther'];
const TAGS = ['sykehus', 'ventetider', 'fastlege', 'budsjett', 'beredskap', 'psykisk helse', 'rus', 'eldreomsorg', 'folkehelse', 'legemidler', 'digitalisering', 'kommunehelse', 'forskning', 'rekruttering'];
const LINKING = ['', '', '', 's', 'e'];

const TYPE_WEIGHTS: Record<DocumentType, number> = { pressemelding: 50, nyhet: 35, artikkel: 15 };
const FORM_WEIGHTS: Record<Maalform, number> = { nb: 75, nn: 25 };
const STATUS_WEIGHTS: Record<WorkflowStatus, number> = { utkast: 28, til_godkjenning: 10, godkjent: 7, planlagt: 5, publisert: 42, returnert: 5, avpublisert: 3 };
/** The newest document was last touched this day; the oldest is about three years older. */
const LATEST = Date.UTC(2025, 10, 28, 15, 0, 0);
const SPAN_MS = 3 * 365 * 24 * 3600 * 1000;

/** Makes documents one at a time, so a large library never has to be held in memory. */
export class DocumentFactory {
  readonly #templates = new Map<string, Part[]>();

  constructor(
    private readonly corpus: Corpus,
    private readonly random: Random,
  ) {}

  next(): Document {
    const r = this.random;
    const maalform = r.weighted(FORM_WEIGHTS);
    const type = r.weighted(TYPE_WEIGHTS);
    const status = r.weighted(STATUS_WEIGHTS);
    const pool = this.corpus[maalform];
    const createdMs = LATEST - Math.floor(r.next() * SPAN_MS);
    const updatedMs = Math.min(LATEST, createdMs + Math.floor(r.next() ** 3 * 30 * 24 * 3600 * 1000));
    const author = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const contact = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const id = r.uuid();
    return {
      schemaVersion: DOCUMENT_SCHEMA_VERSION,
      id,
      type,
      maalform,
      title: this.title(pool),
      ingress: this.ingress(pool),
      body: this.body(pool, maalform),
      contacts:
        type === 'pressemelding'
          ? [
              {
                contactId: null,
                name: contact,
                roleNb: 'kommunikasjonsrådgiver',
                roleNn: 'kommunikasjonsrådgivar',
                phone: `+47 ${r.int(22, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
                email: `${contact.toLowerCase().replace(/ /g, '.').replace(/[æøå]/g, (c) => ({ æ: 'ae', ø: 'o', å: 'aa' })[c] ?? c)}@hod.dep.no`,
              },
            ]
          : [],
      images: [],
      tags: Array.from(new Set(Array.from({ length: r.int(0, 3) }, () => r.pick(TAGS)))),
      embargoAt: status === 'planlagt' || r.chance(0.03) ? new Date(updatedMs + r.int(1, 14) * 24 * 3600 * 1000).toISOString() : null,
      internalNote: r.chance(0.1) ? this.sentence(pool) : '',
      status,
      author: { name: author, email: '' },
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(updatedMs).toISOString(),
      revision: r.int(1, 40),
      remote:
        status === 'publisert' || status === 'avpublisert'
          ? { backend: 'regjeringen.no', remoteId: String(r.int(100_000, 999_999)), remoteVersion: String(r.int(1, 9)), url: `https://www.regjeringen.no/${maalform === 'nb' ? 'no' : 'nn'}/aktuelt/id${r.int(100_000, 999_999)}/` }
          : null,
      approval: null,
      audit: [],
      publishedAt: status === 'publisert' ? new Date(updatedMs).toISOString() : null,
      deletedAt: r.chance(0.015) ? new Date(updatedMs + r.int(1, 60) * 24 * 3600 * 1000).toISOString() : null,
    };
  }

  private title(pool: Pool): string {
    const r = this.random;
    let source = r.pick(pool.phrases);
    // A whole sentence now and then, but only one short enough to be a title as it is.
    for (let tries = 0; tries < 10 && r.chance(0.4); tries++) {
      const sentence = r.pick(pool.sentences);
      if (sentence.length <= 120) {
        source = sentence.replace(/[.!?]$/, '');
        break;
      }
    }
    let title = this.vary(source, 0.02, pool);
    let placed = false;
    for (let tries = 0; title.length < 60 && tries < 4; tries++) {
      if (!placed && r.chance(0.4)) {
        title += ` i ${r.pick(PLACES)}`;
        placed = true;
      } else title += `${r.pick([' – ', ': '])}${lowerFirst(this.vary(r.pick(pool.phrases), 0.02, pool))}`;
    }
    return clip(title, 120).replace(/[\s,:;–-]+$/, '');
  }

  private ingress(pool: Pool): string {
    let text = '';
    for (let tries = 0; text.length < 200 && tries < 6; tries++) {
      const next = this.sentence(pool);
      if (text.length + next.length + 1 <= 400) text = text ? `${text} ${next}` : next;
    }
    if (text.length < 200) text = `${text} ${this.sentence(pool)}`.trim();
    return text.length <= 400 ? text : `${clip(text, 399).replace(/[\s,:;–-]+$/, '')}.`;
  }

  /** About 5 KB of text: paragraphs of neighbouring sentences, two or three h2, now and then a list. */
  private body(pool: Pool, maalform: Maalform): RichDoc {
    const r = this.random;
    const target = r.int(4300, 5700);
    const blocks: RichNode[] = [];
    let chars = 0;
    let at = r.int(0, pool.sentences.length - 1);
    let sinceHeading = 0;
    const headings = r.int(2, 3);
    let headingsLeft = headings;
    const quoteVerb = maalform === 'nb' ? 'sier' : 'seier';
    while (chars < target) {
      if (headingsLeft > 0 && blocks.length > 0 && sinceHeading >= r.int(2, 4)) {
        const heading = clip(this.vary(r.pick(pool.phrases), 0.03, pool), 80);
        blocks.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] });
        chars += heading.length;
        headingsLeft--;
        sinceHeading = 0;
        continue;
      }
      if (r.chance(0.08)) {
        const items = Array.from({ length: r.int(3, 5) }, () => this.sentence(pool));
        blocks.push({ type: 'bulletList', content: items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) });
        chars += items.join('').length;
        continue;
      }
      const sentences: string[] = [];
      for (let n = r.int(2, 4); n > 0; n--) {
        at = r.chance(0.75) ? (at + 1) % pool.sentences.length : r.int(0, pool.sentences.length - 1);
        sentences.push(this.vary(pool.sentences[at]!, 0.04, pool));
      }
      if (r.chance(0.2)) sentences.push(`– ${this.sentence(pool).replace(/[.!?]$/, '')}, ${quoteVerb} ${r.pick(FIRST)} ${r.pick(LAST)}.`);
      const text = sentences.join(' ');
      const content: RichNode[] =
        r.chance(0.12) && sentences.length > 1
          ? [{ type: 'text', text: sentences[0]!, marks: [{ type: 'bold' }] }, { type: 'text', text: ` ${sentences.slice(1).join(' ')}` }]
          : [{ type: 'text', text }];
      blocks.push({ type: 'paragraph', content });
      chars += text.length;
      sinceHeading++;
    }
    return { type: 'doc', content: blocks };
  }

  private sentence(pool: Pool): string {
    return this.vary(this.random.pick(pool.sentences), 0.04, pool);
  }

  /**
   * A new version of `text`: other figures and years, now and then a place, and a share of the
   * longer words turned into compounds (helse + beredskap), which is where a real library's
   * vocabulary keeps growing.
   */
  private vary(text: string, compoundShare: number, pool: Pool): string {
    const r = this.random;
    const words = pool.words.length > 0 ? pool.words : ['helse'];
    let parts = this.#templates.get(text);
    if (!parts) this.#templates.set(text, (parts = template(text)));
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else if (part.kind === 'date') out += `${String(r.int(1, 28)).padStart(2, '0')}.${String(r.int(1, 12)).padStart(2, '0')}.${r.int(2015, 2027)}`;
      else if (part.kind === 'day') out += `${r.int(1, 28)}.`;
      else if (part.kind === 'year') out += String(r.int(2015, 2027));
      else if (part.kind === 'number') out += String(r.int(10 ** (part.text.length - 1), 10 ** part.text.length - 1));
      else if (!r.chance(compoundShare)) out += part.text;
      else {
        const stem = r.skewed(words).replace(/(ene|ane|ens|en|er|et|a)$/u, '');
        out += stem.length >= 4 && stem !== part.text ? `${stem}${r.pick(LINKING)}${part.text}` : part.text;
      }
    }
    if (r.chance(0.12)) out = out.replace(/([.!?])$/, ` i ${r.pick(PLACES)}$1`);
    return out;
  }
}

type Part = string | { kind: 'date' | 'day' | 'year' | 'number' | 'word'; text: string };

/** Dates, days of the month, years, other figures, and longer lowercase words: what `vary` may change. */
const VARIABLE =
  /(?<date>\b\d{1,2}\.\d{1,2}\.\d{4}\b)|(?<day>\b\d{1,2}\.(?= ?\p{Ll}))|(?<year>\b(?:19|20)\d\d\b)|(?<number>(?<![\d.,])\b\d{2,3}\b(?![.,]\d)(?!\. ?\p{Ll}))|(?<word>(?<![\p{L}\p{N}-])\p{Ll}{6,}(?![\p{L}\p{N}]))/gu;

/** A sentence cut into fixed text and variable parts once, so each new version is a cheap join. */
function template(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const kind = (Object.keys(match.groups ?? {}) as Exclude<Part, string>['kind'][]).find((k) => match.groups?.[k] !== undefined);
    if (!kind) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ kind, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** A few words changed in one paragraph: what an autosave sends while someone edits. */
export function editedBody(body: RichDoc, random: Random): RichDoc {
  const next = structuredClone(body);
  const texts: RichNode[] = [];
  const walk = (node: RichNode): void => {
    if (node.type === 'text' && node.text && node.text.length > 40) texts.push(node);
    for (const child of node.content ?? []) walk(child);
  };
  for (const block of next.content ?? []) walk(block);
  const target = random.pick(texts);
  const words = target.text!.split(' ');
  const original = [...words];
  const changed = new Set<number>();
  for (let n = random.int(1, 3); n > 0; n--) changed.add(random.int(0, words.length - 1));
  for (const at of changed) {
    // Never a no-op: an unchanged body is acknowledged without a write, which would flatter the figure.
    const other = random.pick(original);
    words[at] = other !== original[at] ? other : `${other}e`;
  }
  target.text = words.join(' ');
  return next;
}

/** Queries of one to three words as people type them: neighbouring words from a document, the last one at times unfinished. */
export function queryFrom(doc: Document, random: Random): string {
  const words = `${doc.title} ${doc.ingress} ${plainText(doc.body)}`.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? ['helse'];
  const count = random.pick([1, 1, 2, 2, 3]);
  let start = random.int(0, Math.max(0, words.length - count));
  // Nobody searches for «til» alone: a single word is a content word.
  for (let tries = 0; count === 1 && words[start]!.length < 5 && tries < 20; tries++) start = random.int(0, words.length - 1);
  const picked = words.slice(start, start + count);
  const last = picked[picked.length - 1]!;
  if (last.length > 5 && random.chance(0.3)) picked[picked.length - 1] = last.slice(0, random.int(3, last.length - 1));
  return picked.join(' ');
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max * 0.6 ? cut.slice(0, space) : cut;
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
