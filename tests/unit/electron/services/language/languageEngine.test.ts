import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LanguageEngine } from '../../../../../electron/services/language/languageEngine';
import { loadEngine } from '../../../../../electron/services/language/loadEngine';
import type { LanguageIssue } from '../../../../../shared/domain/language';

const resourcesDir = join(import.meta.dirname, '../../../../../resources');
const seed = (name: string) => readFileSync(join(import.meta.dirname, '../../../../../../shared/seeds', name), 'utf8');

let nb: LanguageEngine;
let nn: LanguageEngine;
beforeAll(async () => {
  [nb, nn] = await Promise.all([loadEngine(resourcesDir, 'nb'), loadEngine(resourcesDir, 'nn')]);
}, 30_000);

const marks = (issues: readonly LanguageIssue[]) => issues.map((i) => [i.kind, i.word, i.suggestion]);
const flagged = (engine: LanguageEngine, text: string) => engine.checkText(text).issues.map((i) => i.word);

describe('LanguageEngine with the real dictionaries', () => {
  it('flags few words in correct ministry prose (false-flag rate printed)', () => {
    const rows = [
      { engine: () => nb, file: '003_0fe287bd447c9d7c.txt' },
      { engine: () => nb, file: '001_fc598337c6246a48.txt' },
      { engine: () => nn, file: '004_9bb93e832a96154f.txt' },
    ].map(({ engine, file }) => {
      const { issues, stats } = engine().checkText(seed(file));
      const spelling = issues.filter((i) => i.kind === 'spelling');
      return { file, maalform: engine().maalform, words: stats.words, spelling: spelling.length, rate: spelling.length / stats.words, words_flagged: spelling.map((i) => i.word).join(' ') };
    });
    console.table(rows);
    for (const row of rows) {
      expect(row.words).toBeGreaterThan(200);
      // Measured 0.3–0.9 %; a dictionary or tokeniser regression shows as several per cent.
      expect(row.rate).toBeLessThan(0.015);
    }
  });

  it('flags typical misspellings, and a form of the other målform as målform only', () => {
    expect(marks(nb.checkText('Regjringen og departemnetet sier ikkje noe.').issues)).toEqual([
      ['spelling', 'Regjringen', null],
      ['spelling', 'departemnetet', null],
      ['maalform', 'ikkje', 'ikke'],
    ]);
    expect(marks(nn.checkText('Kommunane kjenslar at dei ikke får hjelp frå regjeringen.').issues)).toEqual([
      ['spelling', 'kjenslar', null],
      ['maalform', 'ikke', 'ikkje'],
      ['maalform', 'regjeringen', 'regjeringa'],
    ]);
  });

  it('accepts compounds, within hunspell’s rule and beyond it', () => {
    expect(flagged(nb, 'Helseforetak og fastlegene, omsorgsminister og rusavhengige, velferdsteknologiprogram.')).toEqual([]);
    expect(flagged(nn, 'Sjukehusbehandling, helseføretaka og fastlegane, lågterskeltilbod og smittevernomsyn.')).toEqual([]);
  });

  it('knows noe and noen in Bokmål (the supplement), with inflection and compounds', () => {
    expect(flagged(nb, 'Noen sa noe. Det var noens ansvar, noensinne og noenlunde, noensteds.')).toEqual([]);
  });

  it('does not flag names, abbreviations, addresses, e-mail, numbers or single letters', () => {
    const text =
      'I 2026 sa Støre i Vestre Toten at NAV, EØS og KI, Covid-19 og Helse- og omsorgsdepartementet svarer på e-post til postmottak@hod.dep.no og på https://www.regjeringen.no/nb/dep/hod/ i nb-dokument.';
    expect(nb.checkText(text).issues).toEqual([]);
  });

  it('checks a capitalised word at the start of a sentence as lower case', () => {
    expect(flagged(nb, 'Departemnetet svarer. Regjeringen svarer.')).toEqual(['Departemnetet']);
    expect(marks(nb.checkText('Svaret kom. Ikkje alle var enige.').issues)).toEqual([['maalform', 'Ikkje', 'Ikke']]);
  });

  it('gives exact UTF-16 offsets after emoji and æøå', () => {
    const text = '🙂👩‍⚕️ Blåbær og ærlig øl – regjringen 😀 sa ikkje';
    const issues = nb.checkText(text).issues;
    expect(issues.map((i) => text.slice(i.from, i.to))).toEqual(['regjringen', 'ikkje']);
    expect(issues.map((i) => i.word)).toEqual(['regjringen', 'ikkje']);
  });

  it('marks only the wrong part of a hyphenated word', () => {
    const text = 'Helse-og omsorgstjenestne er e-post-baserte.';
    const issues = nb.checkText(text).issues;
    expect(issues.map((i) => [i.kind, text.slice(i.from, i.to)])).toEqual([['spelling', 'omsorgstjenestne']]);
    const parts = nb.checkText('Vi fikk helse-tjenestne.').issues;
    expect(parts.map((i) => i.word)).toEqual(['tjenestne']);
  });

  it('counts words and the words of each målform', () => {
    expect(nb.checkText('Regjeringen vil styrke sykehusene, men kommunane ikkje.').stats).toEqual({ words: 7, thisForm: 2, otherForm: 2 });
    expect(nn.checkText('Han møtte Støre og NAV.').stats).toEqual({ words: 5, thisForm: 0, otherForm: 0 });
  });

  it('applies the personal dictionary to spelling and målform, also capitalised at sentence start', () => {
    const text = 'Vrømpfliksen sa at vrømpfliksen og ikkje.';
    expect(flagged(nb, text)).toEqual(['Vrømpfliksen', 'vrømpfliksen', 'ikkje']);
    nb.setPersonal(['vrømpfliksen', 'ikkje']);
    try {
      expect(flagged(nb, text)).toEqual([]);
    } finally {
      nb.setPersonal([]);
    }
    expect(flagged(nb, text)).toHaveLength(3);
  });

  it('suggests the right word for typical typos', () => {
    expect(nb.suggest('regjringen')[0]).toBe('regjeringen');
    expect(nb.suggest('departemnetet')[0]).toBe('departementet');
    expect(nn.suggest('regjeirnga')[0]).toBe('regjeringa');
    expect(nn.suggest('kommunnae')[0]).toBe('kommunane');
    expect(nb.suggest('regjeringen')).toEqual([]);
    expect(nb.suggest('helsetjenestne').length).toBeLessThanOrEqual(8);
  });

  it('survives junk: a 50,000-character word, lone surrogates, control characters', () => {
    const junk = `${'x'.repeat(50_000)} \ud800ab\udfffcd \u0000\u0007 ${'ø'.repeat(59)} ${'qwrtzp '.repeat(500)}`;
    const { issues } = nb.checkText(junk);
    for (const i of issues) expect(junk.slice(i.from, i.to)).toBe(i.word);
    expect(issues.some((i) => i.word === 'qwrtzp')).toBe(true);
    expect(nb.suggest('\ud800\udfff\ud800')).toEqual(expect.any(Array));
  });
});
