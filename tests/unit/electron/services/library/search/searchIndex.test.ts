import { describe, expect, it } from 'vitest';
import { checksum } from '../../../../../../electron/services/library/search/blob';
import { SearchIndex } from '../../../../../../electron/services/library/search/searchIndex';

const doc = (title: string, ingress = '', body = ''): { title: string; ingress: string; body: string } => ({ title, ingress, body });

function indexOf(entries: Record<string, { title: string; ingress: string; body: string }>): SearchIndex {
  const index = new SearchIndex();
  for (const [id, fields] of Object.entries(entries)) index.add(id, fields);
  return index;
}

const ids = (index: SearchIndex, query: string): string[] => index.search(query).map((hit) => hit.id);

describe('SearchIndex', () => {
  it('ranks a title match above an ingress match above a body match', () => {
    const index = indexOf({
      body: doc('Nytt budsjett', 'Regjeringen legger fram forslaget.', 'Vindkraft vindkraft vindkraft er nevnt i teksten om vindkraft.'),
      title: doc('Vindkraft til havs', 'Regjeringen legger fram forslaget.', 'Teksten handler om energi.'),
      ingress: doc('Nytt budsjett', 'Satsing på vindkraft i nord.', 'Teksten handler om energi.'),
    });
    expect(ids(index, 'vindkraft')).toEqual(['title', 'ingress', 'body']);
    const [first, second] = index.search('vindkraft');
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it('requires every word to match (AND), in any field', () => {
    const index = indexOf({
      both: doc('Sykehus i nord', '', 'Regjeringen styrker budsjettet.'),
      one: doc('Sykehus i sør', '', 'Ventetidene går ned.'),
      other: doc('Skole', '', 'Budsjettet for skolen.'),
    });
    expect(ids(index, 'sykehus budsjettet')).toEqual(['both']);
    expect(ids(index, 'sykehus').sort()).toEqual(['both', 'one']);
    expect(ids(index, 'sykehus finnesikke')).toEqual([]);
  });

  it('matches the last word as a prefix, and only the last', () => {
    const index = indexOf({ a: doc('Sykehusene får mer', '', 'Regjeringen vil korte ned ventetidene.') });
    expect(ids(index, 'sykeh')).toEqual(['a']);
    expect(ids(index, 'regjeringen venteti')).toEqual(['a']);
    expect(ids(index, 'venteti regjeringen')).toEqual([]);
    // A trailing space or punctuation ends the word: it must then match whole.
    expect(ids(index, 'sykeh ')).toEqual([]);
    expect(ids(index, 'sykehusene ')).toEqual(['a']);
  });

  it('ranks the whole word above its completions', () => {
    const index = indexOf({ longer: doc('Helsetjenesten'), exact: doc('Helse') });
    expect(ids(index, 'helse')).toEqual(['exact', 'longer']);
  });

  it('replaces the old text when a document is added again', () => {
    const index = indexOf({ a: doc('Gammel overskrift', 'Gammel ingress', 'Gammel brødtekst') });
    index.add('a', doc('Ny overskrift', 'Ny ingress', 'Ny brødtekst'));
    expect(index.size).toBe(1);
    expect(ids(index, 'gammel')).toEqual([]);
    expect(ids(index, 'ny overskrift')).toEqual(['a']);
  });

  it('forgets a removed document, and ignores an unknown id', () => {
    const index = indexOf({ a: doc('Fiskeri'), b: doc('Fiskeri og havbruk') });
    index.remove('a');
    index.remove('finnes-ikke');
    expect(index.size).toBe(1);
    expect(ids(index, 'fiskeri')).toEqual(['b']);
    index.remove('b');
    expect(index.size).toBe(0);
    expect(ids(index, 'fiskeri')).toEqual([]);
  });

  it('stays correct over many saves, while dead text is swept out', () => {
    const index = new SearchIndex();
    for (let n = 0; n < 20; n++) index.add(`doc-${n}`, doc(`Dokument ${n}`, '', 'felles tekst'));
    for (let save = 0; save < 300; save++) {
      const n = save % 20;
      index.add(`doc-${n}`, doc(`Dokument ${n}`, '', `felles tekst versjon${save}`));
    }
    expect(index.size).toBe(20);
    expect(ids(index, 'felles tekst')).toHaveLength(20);
    expect(ids(index, 'versjon0 ')).toEqual([]);
    expect(ids(index, 'versjon299 ')).toEqual(['doc-19']);
    // Each document's last save was 280 + n: the prefix finds versjon280–289, not the older versjon28.
    expect(ids(index, 'versjon28').sort()).toEqual(Array.from({ length: 10 }, (_, n) => `doc-${n}`).sort());
    index.add('doc-19', doc('Omskrevet'));
    expect(ids(index, 'versjon299')).toEqual([]);
  });

  it('is case-insensitive and keeps æ, ø and å as letters of their own', () => {
    const index = indexOf({
      aa: doc('Åpen høring om Ærlighet'),
      far: doc('Far og mor'),
      faar: doc('Hun får svar'),
    });
    expect(ids(index, 'ÅPEN HØRING ærlighet')).toEqual(['aa']);
    expect(ids(index, 'får')).toEqual(['faar']);
    expect(ids(index, 'far')).toEqual(['far']);
    expect(ids(index, 'hor')).toEqual([]);
  });

  it('folds other accents (òg finds og, idé finds ide) and reads decomposed or Swedish letters', () => {
    const index = indexOf({
      nn: doc('Dette gjeld òg kommunane', '', 'Ein god idé.'),
      decomposed: doc('Pa\u030Aske i Tromsø'),
      swedish: doc('Möte i Malmö om ärende'),
    });
    expect(ids(index, 'og kommunane')).toEqual(['nn']);
    expect(ids(index, 'ide ')).toEqual(['nn']);
    expect(ids(index, 'påske')).toEqual(['decomposed']);
    expect(ids(index, 'møte malmø ærende')).toEqual(['swedish']);
  });

  it('finds both parts of a hyphenated compound, and the joined word', () => {
    const index = indexOf({
      hod: doc('Helse- og omsorgsdepartementet informerer'),
      mail: doc('Send e-post til covid-19-teamet'),
    });
    expect(ids(index, 'omsorgsdepartementet')).toEqual(['hod']);
    expect(ids(index, 'helse')).toEqual(['hod']);
    expect(ids(index, 'helse- og omsorgsdepartementet')).toEqual(['hod']);
    expect(ids(index, 'epost')).toEqual(['mail']);
    expect(ids(index, 'e-post')).toEqual(['mail']);
    expect(ids(index, 'post')).toEqual(['mail']);
    expect(ids(index, 'covid19teamet')).toEqual(['mail']);
    expect(ids(index, 'covid 19')).toEqual(['mail']);
  });

  it('finds numbers, also inside dates', () => {
    const index = indexOf({ a: doc('Revidert nasjonalbudsjett 2024', 'Nyhet 14.05.2025', '250 millioner kroner') });
    expect(ids(index, '2024')).toEqual(['a']);
    expect(ids(index, '2025')).toEqual(['a']);
    expect(ids(index, '250 millioner')).toEqual(['a']);
    expect(ids(index, '2023')).toEqual([]);
  });

  it('returns nothing for an empty query or one of only punctuation', () => {
    const index = indexOf({ a: doc('Noe å finne') });
    expect(index.search('')).toEqual([]);
    expect(index.search('   \n\t')).toEqual([]);
    expect(index.search('?!.,;:-–—«»"\'()')).toEqual([]);
    expect(new SearchIndex().search('noe')).toEqual([]);
  });

  it('copes with a 10,000-character query', () => {
    const index = indexOf({ a: doc('Regjeringen styrker sykehusene', '', 'Ventetidene skal ned.') });
    const words = 'regjeringen styrker sykehusene ventetidene skal ned '.repeat(200).slice(0, 10_000);
    expect(words).toHaveLength(10_000);
    expect(ids(index, words)).toEqual(['a']);
    expect(index.search('x'.repeat(10_000))).toEqual([]);
    expect(index.search('ord '.repeat(2_500))).toEqual([]);
  });

  it('finds a word longer than the indexed length by its full text and by a prefix', () => {
    const long = 'langt'.repeat(40);
    const index = indexOf({ a: doc(`Et ${long} ord`) });
    expect(ids(index, long)).toEqual(['a']);
    expect(ids(index, long.slice(0, 30))).toEqual(['a']);
  });

  it('agrees with a brute-force search through random adds, saves and removes', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    const common = ['hav', 'havbruk', 'havn', 'skole', 'skolen', 'skip', 'sky', 'fisk', 'fiske', 'fiskeri', 'vei', 'veien', 'vann', 'by', 'bygd'];
    // Many rare words as well, so the index is big enough for a sweep to span several saves.
    const rare = Array.from({ length: 20_000 }, (_, n) => `q${n.toString(36)}`);
    const words = (count: number, from: string[]): string[] => Array.from({ length: count }, () => from[random(from.length)]!);
    const index = new SearchIndex();
    const truth = new Map<string, Set<string>>();
    for (let op = 0; op < 1500; op++) {
      const id = `d${random(150)}`;
      if (random(10) === 0) {
        index.remove(id);
        truth.delete(id);
      } else {
        const fields = doc(words(1 + random(3), common).join(' '), words(random(4), common).join(' '), [...words(random(12), common), ...words(600, rare)].join(' '));
        index.add(id, fields);
        truth.set(id, new Set(`${fields.title} ${fields.ingress} ${fields.body}`.split(' ').filter(Boolean)));
      }
      if (op % 50 !== 49) continue;
      expect(index.size).toBe(truth.size);
      for (let q = 0; q < 20; q++) {
        const whole = [...words(random(3), common), ...words(random(2), rare)];
        const prefix = common[random(common.length)]!.slice(0, 1 + random(4));
        const expected = [...truth]
          .filter(([, has]) => whole.every((w) => has.has(w)) && common.some((w) => w.startsWith(prefix) && has.has(w)))
          .map(([id]) => id)
          .sort();
        expect(ids(index, [...whole, prefix].join(' ')).sort()).toEqual(expected);
      }
    }
  });

  it('honours the limit, best first', () => {
    const index = new SearchIndex();
    for (let n = 0; n < 300; n++) index.add(`body-${n}`, doc('Melding', '', 'om klima'));
    index.add('title', doc('Klima'));
    const hits = index.search('klima', { limit: 5 });
    expect(hits).toHaveLength(5);
    expect(hits[0]!.id).toBe('title');
    expect(index.search('klima')).toHaveLength(301);
    expect(index.search('klima', { limit: 0 })).toEqual([]);
  });
});

/** A small seeded generator (LCG), so every run sees the same documents. */
function generator(seed: number): (n: number) => number {
  return (n) => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return (seed >>> 8) % n;
  };
}

const COMMON = ['hav', 'havbruk', 'havn', 'skole', 'skolen', 'skip', 'sky', 'fisk', 'fiske', 'fiskeri', 'vei', 'veien', 'vann', 'by', 'bygd', 'får', 'ærlig', 'økonomi', 'idé', 'e-post', 'covid-19'];

/** Random documents over common words and a long tail of rare ones, and queries to match. */
function corpus(seed: number) {
  const random = generator(seed);
  const rare = Array.from({ length: 20_000 }, (_, n) => `q${n.toString(36)}`);
  const words = (count: number, from: string[]): string[] => Array.from({ length: count }, () => from[random(from.length)]!);
  return {
    random,
    document: (rareWords = 300) => doc(words(1 + random(3), COMMON).join(' '), words(random(4), COMMON).join(' '), [...words(random(12), COMMON), ...words(rareWords, rare)].join(' ')),
    query: () => {
      const whole = [...words(random(3), COMMON), ...words(random(2), rare)];
      const last = random(3) === 0 ? rare[random(rare.length)]! : COMMON[random(COMMON.length)]!;
      return [...whole, last.slice(0, 1 + random(last.length))].join(' ') + (random(4) === 0 ? ' ' : '');
    },
  };
}

const roundTrip = (index: SearchIndex): SearchIndex => {
  const loaded = SearchIndex.deserialize(index.serialize());
  if (!loaded) throw new Error('deserialize refused a blob serialize wrote');
  return loaded;
};

/** The same hits with the same scores, in the same order, with and without a limit. */
function expectSameAnswers(actual: SearchIndex, expected: SearchIndex, queries: string[]): void {
  expect(actual.size).toBe(expected.size);
  for (const query of queries) {
    expect(actual.search(query)).toEqual(expected.search(query));
    expect(actual.search(query, { limit: 3 })).toEqual(expected.search(query, { limit: 3 }));
  }
}

// toEqual walks a megabyte of typed array element by element, for seconds.
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, k) => byte === b[k]);

describe('SearchIndex.serialize and deserialize', () => {
  it('loads an index that answers exactly as the one saved, and goes on changing as it would have', () => {
    const { random, document, query } = corpus(11);
    const saved = new SearchIndex();
    const twin = new SearchIndex();
    for (let op = 0; op < 400; op++) {
      const id = `d${random(120)}`;
      if (random(8) === 0) {
        saved.remove(id);
        twin.remove(id);
      } else {
        const fields = document();
        saved.add(id, fields, op);
        twin.add(id, fields, op);
      }
    }
    const queries = Array.from({ length: 200 }, query);
    expect(queries.filter((q) => saved.search(q).length > 1).length).toBeGreaterThan(50); // enough to compare rankings
    let loaded = roundTrip(saved);
    expectSameAnswers(loaded, saved, queries);
    for (let op = 0; op < 600; op++) {
      const id = `d${random(150)}`;
      if (random(8) === 0) {
        loaded.remove(id);
        twin.remove(id);
      } else {
        const fields = document();
        loaded.add(id, fields, op);
        twin.add(id, fields, op);
      }
      if (op % 100 === 99) {
        expectSameAnswers(loaded, twin, queries.slice(0, 40));
        // Saving again mid-way, dead documents, half-done sweeps and all, must not change a thing.
        loaded = roundTrip(loaded);
      }
    }
    expectSameAnswers(loaded, twin, queries);
    // Not only the same answers: the same state, down to the last byte.
    expect(sameBytes(loaded.serialize(), twin.serialize())).toBe(true);
  });

  it('survives a save after every single change, sweeps included', () => {
    const { random, document, query } = corpus(5);
    let loaded = new SearchIndex();
    const twin = new SearchIndex();
    let savedMidSweep = 0;
    for (let op = 0; op < 300; op++) {
      const id = `d${random(40)}`;
      if (random(6) === 0) {
        loaded.remove(id);
        twin.remove(id);
      } else {
        const fields = document(600);
        loaded.add(id, fields);
        twin.add(id, fields);
      }
      const blob = loaded.serialize();
      // The first section holds the index's counters; the fourth is the next term to sweep, or -1.
      if (new Float64Array(blob.buffer, 24, 8)[3]! >= 0) savedMidSweep++;
      loaded = SearchIndex.deserialize(blob)!;
      if (op % 30 === 29) expectSameAnswers(loaded, twin, Array.from({ length: 10 }, query));
    }
    expect(sameBytes(loaded.serialize(), twin.serialize())).toBe(true);
    expect(savedMidSweep).toBeGreaterThan(10);
  });

  it('keeps ids and stamps', () => {
    const index = new SearchIndex();
    index.add('a', doc('Første'), 3);
    index.add('b', doc('Andre'));
    index.add('c', doc('Tredje'), 1);
    index.add('a', doc('Første, igjen'), 4);
    index.remove('c');
    const loaded = roundTrip(index);
    expect([...loaded.ids()].sort()).toEqual(['a', 'b']);
    expect([loaded.has('a'), loaded.has('b'), loaded.has('c')]).toEqual([true, true, false]);
    expect([loaded.stamp('a'), loaded.stamp('b'), loaded.stamp('c'), loaded.stamp('x')]).toEqual([4, undefined, undefined, undefined]);
    loaded.add('b', doc('Andre'), 9);
    expect(loaded.stamp('b')).toBe(9);
    expect(ids(loaded, 'igjen')).toEqual(['a']);
  });

  it('round-trips an empty index, and ids beyond ASCII', () => {
    const empty = roundTrip(new SearchIndex());
    expect(empty.size).toBe(0);
    expect(empty.search('noe')).toEqual([]);
    empty.add('ø-1 😀', doc('Noe nytt'));
    const loaded = roundTrip(empty);
    expect(ids(loaded, 'noe')).toEqual(['ø-1 😀']);
  });

  it('writes only what is used, not the capacity behind it', () => {
    const index = indexOf({ a: doc('Kort', '', 'Et lite dokument') });
    // Empty, the pools alone hold 64 KB of postings and 64 KB of term bytes.
    expect(index.serialize().length).toBeLessThan(1_000);
  });

  it('reads a blob that does not start on an aligned offset', () => {
    const blob = indexOf({ a: doc('Fiskeri og havbruk') }).serialize();
    const shifted = new Uint8Array(blob.length + 3);
    shifted.set(blob, 3);
    expect(ids(SearchIndex.deserialize(shifted.subarray(3))!, 'havbruk')).toEqual(['a']);
  });

  it('returns null for a wrong magic number or version, a truncated or damaged blob, or trailing bytes', () => {
    const index = indexOf({ a: doc('Sykehus i nord', 'Ingress', 'Regjeringen styrker budsjettet.'), b: doc('Skole') });
    index.remove('b');
    const blob = index.serialize();
    const changed = (at: number, value: number): Uint8Array => {
      const copy = blob.slice();
      copy[at] = value;
      return copy;
    };
    expect(SearchIndex.deserialize(new Uint8Array(0))).toBeNull();
    expect(SearchIndex.deserialize(changed(0, blob[0]! ^ 1))).toBeNull(); // magic
    expect(SearchIndex.deserialize(changed(4, blob[4]! + 1))).toBeNull(); // version
    for (let length = 0; length < blob.length; length++) expect(SearchIndex.deserialize(blob.subarray(0, length))).toBeNull();
    for (let at = 0; at < blob.length; at++) expect(SearchIndex.deserialize(changed(at, blob[at]! ^ 0x10))).toBeNull();
    const longer = new Uint8Array(blob.length + 8);
    longer.set(blob);
    expect(SearchIndex.deserialize(longer)).toBeNull();
    const random = generator(3);
    for (let n = 0; n < 50; n++) expect(SearchIndex.deserialize(Uint8Array.from({ length: random(4096) }, () => random(256)))).toBeNull();
  });

  it('returns null for a blob with a valid checksum that does not hold together', () => {
    const index = indexOf({ a: doc('Sykehus i nord', 'Ingress', 'Regjeringen styrker budsjettet.'), b: doc('Skole') });
    index.remove('b');
    const blob = index.serialize();
    // Walk the sections (u32 byte length, u32 element size, elements, padding to 8).
    const sections: { at: number; byteLength: number }[] = [];
    const words = new Uint32Array(blob.buffer);
    for (let at = 16; at < blob.length; at += 8 + ((words[at / 4]! + 7) & ~7)) sections.push({ at: at + 8, byteLength: words[at / 4]! });
    expect(sections).toHaveLength(16);
    // The links between posting slices (heads, tails, freed slices, the pool itself: sections 3,
    // 4, 8 and 9) are only as good as the checksum says; everything else is checked on loading.
    const checked = sections.filter((_, n) => ![3, 4, 8, 9].includes(n));
    let tried = 0;
    // Every byte of those sections set to a few values, resealed: refused or a working index, never a throw.
    for (const { at, byteLength } of checked) {
      for (let k = 0; k < byteLength; k++) {
        for (const value of [0, 1, 2, 0x7f, 0xff]) {
          const copy = blob.slice();
          if (copy[at + k] === value) continue;
          copy[at + k] = value;
          const copyWords = new Uint32Array(copy.buffer);
          copyWords[3] = checksum(copyWords, 4);
          const loaded = SearchIndex.deserialize(copy);
          tried++;
          if (!loaded) continue;
          for (const query of ['sykehus', 'skole', 'nord budsjettet', 'r', '']) expect(() => loaded.search(query)).not.toThrow();
          expect(() => loaded.add('c', doc('Sykehus og skole', '', 'i nord'))).not.toThrow();
          expect(() => loaded.search('sykehus')).not.toThrow();
        }
      }
    }
    expect(tried).toBeGreaterThan(500);
    // Section by section: a section of the wrong kind, or cut short.
    const resealed = (copy: Uint8Array): Uint8Array => {
      const copyWords = new Uint32Array(copy.buffer);
      copyWords[3] = checksum(copyWords, 4);
      return copy;
    };
    for (const { at } of sections) {
      const wrongKind = blob.slice();
      new Uint32Array(wrongKind.buffer)[at / 4 - 1] = 2;
      expect(SearchIndex.deserialize(resealed(wrongKind))).toBeNull();
    }
  });
});

