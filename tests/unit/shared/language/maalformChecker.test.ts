import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMaalformChecker, type MaalformChecker } from '../../../../shared/language/maalformChecker';

const listDir = join(import.meta.dirname, '../../../../resources/maalform');
const readList = (name: string): string[] => gunzipSync(readFileSync(join(listDir, `${name}.txt.gz`))).toString('utf8').split('\n').filter(Boolean);

let checker: MaalformChecker;
beforeAll(() => {
  checker = createMaalformChecker({ nbOnly: readList('nb-only'), nnOnly: readList('nn-only'), both: readList('both') });
});

const PAIRS: readonly (readonly [string, string])[] = [
  ['ikke', 'ikkje'], ['hva', 'kva'], ['hvordan', 'korleis'], ['mer', 'meir'], ['kommunene', 'kommunane'],
  ['jeg', 'eg'], ['tjenesten', 'tenesta'], ['fra', 'frå'], ['noen', 'nokon'], ['hvis', 'viss'],
];

describe('maalformChecker', () => {
  it.each(PAIRS)('flags %s in Nynorsk and %s in Bokmål, suggesting the other', (nb, nn) => {
    expect(checker.check(`Dei seier ${nb} her.`, 'nn')).toEqual([{ start: 10, end: 10 + nb.length, word: nb, suggestion: nn }]);
    expect(checker.check(`De sier ${nn} her.`, 'nb')).toEqual([{ start: 8, end: 8 + nn.length, word: nn, suggestion: nb }]);
  });

  it('never flags forms valid in both', () => {
    const text = 'regjeringa sjukehus heim òg blir';
    expect(checker.check(text, 'nb')).toEqual([]);
    expect(checker.check(text, 'nn')).toEqual([]);
  });

  it('suggests inflections through the other list, also for shared targets and compounds', () => {
    const words = (text: string, maalform: 'nb' | 'nn') => checker.check(text, maalform).map((f) => [f.word, f.suggestion]);
    expect(words('regjeringen og personer', 'nn')).toEqual([['regjeringen', 'regjeringa'], ['personer', 'personar']]);
    expect(words('helsetjenesten', 'nn')).toEqual([['helsetjenesten', 'helsetenesta']]);
    expect(words('Oslo-kommunene', 'nn')).toEqual([['Oslo-kommunene', 'Oslo-kommunane']]);
  });

  it('ignores names, numbers and addresses, but checks a capital at sentence start', () => {
    expect(checker.check('Han heiter Hva Ikke, og 10-ikke kom 2ikke. Sjå regjeringen.no', 'nn')).toEqual([]);
    const flags = checker.check('Ikke nå. «Hvordan går det?» Mer kommer.\nJeg', 'nn');
    expect(flags.map((f) => [f.word, f.suggestion])).toEqual([
      ['Ikke', 'Ikkje'], ['Hvordan', 'Korleis'], ['Mer', 'Meir'], ['kommer', 'kjem'], ['Jeg', 'Eg'],
    ]);
  });

  it('keeps offsets on words with æøå, apostrophes and hyphens', () => {
    const text = "Sa'n: både tjenesten og høgskole-kommunene.";
    const flags = checker.check(text, 'nn');
    expect(flags.map((f) => text.slice(f.start, f.end))).toEqual(['tjenesten', 'høgskole-kommunene']);
  });

  it('tells a Bokmål paragraph from a Nynorsk one', () => {
    const nb = 'Regjeringen vil styrke sykehusene og gi kommunene mer ansvar, slik at pasientene ikke må vente.';
    const nn = 'Regjeringa vil styrkje sjukehusa og gi kommunane meir ansvar, slik at pasientane ikkje må vente.';
    const a = checker.share(nb);
    const b = checker.share(nn);
    expect(a.nbOnly).toBeGreaterThan(3);
    expect(a.nnOnly).toBe(0);
    expect(b.nnOnly).toBeGreaterThan(3);
    expect(b.nbOnly).toBe(0);
  });

  it('lets the caller extend the hand table', () => {
    const custom = createMaalformChecker({ nbOnly: [], nnOnly: [] }, { nbToNn: { dessuten: 'dessutan' } });
    expect(custom.check('dessuten', 'nn')).toEqual([{ start: 0, end: 8, word: 'dessuten', suggestion: 'dessutan' }]);
    expect(custom.check('dessuten', 'nb')).toEqual([]);
  });
});
