import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../../electron/services/library/searchIndex';

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
