import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadModule } from 'hunspell-asm';
import type { Maalform } from '../../../shared/domain/vocabulary';
import { createMaalformChecker } from '../../../shared/language/maalformChecker';
import { SortedWordList } from '../../../shared/language/sortedWordList';
import { LanguageEngine } from './languageEngine';

/** Where the files of one målform are, relative to the app's resources folder. */
export function dictionaryFiles(resourcesDir: string, maalform: Maalform) {
  const dictionaries = join(resourcesDir, 'dictionaries');
  const lists = join(resourcesDir, 'maalform');
  return {
    aff: join(dictionaries, `${maalform}.aff`),
    dic: join(dictionaries, `${maalform}.dic.gz`),
    /** Optional: only Bokmål has one. */
    supplement: join(dictionaries, `${maalform}-supplement.dic`),
    nbOnly: join(lists, 'nb-only.txt.gz'),
    nnOnly: join(lists, 'nn-only.txt.gz'),
    both: join(lists, 'both.txt.gz'),
  };
}

async function readOptional(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readList(path: string): Promise<SortedWordList> {
  const list = new SortedWordList(gunzipSync(await readFile(path)).toString('utf8'));
  // Bisection needs the order the build script writes; a list out of order would answer wrongly.
  if (list.size === 0) throw new Error(`${path} holds no words`);
  for (const i of [0, list.size >>> 1, list.size - 2]) if (!(list.at(i) < list.at(i + 1))) throw new Error(`${path} is not sorted`);
  return list;
}

/**
 * Loads the dictionary and the målform lists of one målform and builds its engine. Throws when a
 * file is missing or damaged (the caller reports `language_unavailable`). Takes 0.5–1 s and some
 * 100–150 MB, so it runs once per målform, in the worker.
 */
export async function loadEngine(resourcesDir: string, maalform: Maalform, personal: Iterable<string> = []): Promise<LanguageEngine> {
  const files = dictionaryFiles(resourcesDir, maalform);
  const [aff, dicGz, supplement, nbOnly, nnOnly, both] = await Promise.all([
    readFile(files.aff),
    readFile(files.dic),
    readOptional(files.supplement),
    readList(files.nbOnly),
    readList(files.nnOnly),
    readList(files.both),
  ]);
  const dic = gunzipSync(dicGz);
  if (!aff.toString('latin1', 0, 200).includes('SET UTF-8')) throw new Error(`${files.aff} is not a UTF-8 hunspell affix file`);
  // The loader gives up after 3 s by default; compiling the WebAssembly on a busy machine can take longer.
  const factory = await loadModule({ timeout: 60_000 });
  const speller = factory.create(factory.mountBuffer(aff, `${maalform}.aff`), factory.mountBuffer(dic, `${maalform}.dic`));
  // hunspell accepts any file and then knows no words; a word every dictionary has tells.
  if (!speller.spell('og')) throw new Error(`The ${maalform} dictionary knows no words: ${files.dic} is damaged`);
  if (supplement !== null) speller.addDictionary(factory.mountBuffer(supplement, `${maalform}-supplement.dic`));
  const checker = createMaalformChecker({ nbOnly, nnOnly, both });
  return new LanguageEngine(maalform, speller, checker, personal);
}
