import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../../shared/i18n/catalogues';
import { resolveUiLanguage } from '../../../../shared/i18n/resolveUiLanguage';
import { ERROR_CODES } from '../../../../shared/ipc/result';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = {
  nb: flatten(CATALOGUES.nb as Tree),
  nn: flatten(CATALOGUES.nn as Tree),
  en: flatten(CATALOGUES.en as Tree),
};
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*(,[^}]*)?\}\}/g)].map((m) => `${m[1]}${m[2] ?? ''}`).sort();

describe('UI catalogues', () => {
  it.each(['nb', 'nn'] as const)('%s has exactly the keys of en, none missing and none extra', (language) => {
    const keys = [...flat[language].keys()].sort();
    const english = [...flat.en.keys()].sort();
    expect(english.filter((k) => !flat[language].has(k)), `missing in ${language}`).toEqual([]);
    expect(keys.filter((k) => !flat.en.has(k)), `extra in ${language}`).toEqual([]);
  });

  it.each(['nb', 'nn', 'en'] as const)('%s has no empty messages and the same {{variables}} as en', (language) => {
    for (const [key, text] of flat[language]) {
      expect(text.trim(), key).not.toBe('');
      expect(variables(text), key).toEqual(variables(flat.en.get(key) ?? ''));
    }
  });

  it('translates every error code', () => {
    for (const code of ERROR_CODES) for (const language of ['nb', 'nn', 'en'] as const) expect(flat[language].has(`errors.${code}`), `${language} errors.${code}`).toBe(true);
  });

  it('keeps nb and nn apart: no common Bokmål-only forms in nn and no Nynorsk-only forms in nb', () => {
    // Letter-aware word boundaries: \b treats ø as a boundary, so "tømer" would contain "mer".
    const words = (list: string) => new RegExp(`(?<!\\p{L})(${list})(?!\\p{L})`, 'iu');
    const nbOnly = words('ikke|hva|hvordan|jeg|mer|noen|fra|lagres|dokumenter|innstillinger|kan ikke|nettleseren|tjenesten|ennå|hvert|mens|lagret|endret|filen|vinduet?|skadet|finnes');
    const nnOnly = words('ikkje|kva|korleis|eg|meir|nokon|frå|blir lagra|innstillingar|nettlesaren|tenesta|enno|òg|kvart|medan|lagra|endra|fila|vindauge|skadd|finst');
    for (const [key, text] of flat.nn) expect(nbOnly.test(text) ? text : '', `nn ${key}`).toBe('');
    for (const [key, text] of flat.nb) expect(nnOnly.test(text) ? text : '', `nb ${key}`).toBe('');
  });
});

describe('resolveUiLanguage', () => {
  it('uses the saved choice first', () => {
    expect(resolveUiLanguage('nn', ['en-US'])).toBe('nn');
  });
  it.each([
    [['nb-NO'], 'nb'],
    [['no'], 'nb'],
    [['no_NO'], 'nb'],
    [['nn-NO'], 'nn'],
    [['nn'], 'nn'],
    [['en-GB', 'nb'], 'en'],
    [['sv-SE', 'nn-NO'], 'nn'],
    [['de-DE'], 'en'],
    [[], 'en'],
  ] as const)('follows the system locale %j -> %s', (locales, expected) => {
    expect(resolveUiLanguage(null, locales)).toBe(expected);
  });
});
