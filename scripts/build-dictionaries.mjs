// Builds resources/dictionaries/: the hunspell dictionaries the spellchecker loads
// (electron/services/language), from the npm packages dictionary-nb and dictionary-nn
// (GPL-2.0 data: shipped as separate data files, see the README there).
//
//   node scripts/build-dictionaries.mjs
//
// Writes {nb,nn}.aff (plain), {nb,nn}.dic.gz (gzip, the .dic files are 5 MB and 3.6 MB), the
// Bokmål supplement nb-supplement.dic, LICENSE and SOURCE.txt. Needs nothing but Node.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'resources', 'dictionaries');

/** The file limit of the repository: no committed file over 2 MB. */
const MAX_BYTES = 2 * 1024 * 1024;

/**
 * Words dictionary-nb 3.0.0 lacks (it has "ingen" and "ingenting", not "noe"/"noen"). Loaded with
 * the Bokmål .aff, so the flags work as in the main dictionary: J adds the genitive s (noens).
 * The forms are those of Bokmålsordboka; "noen gang" is two words and is not listed.
 */
const NB_SUPPLEMENT = ['noe', 'noen/J', 'noensinne', 'noenlunde', 'noensteds'];

function packageFile(name, file) {
  const path = join(root, 'node_modules', name, file);
  if (!existsSync(path)) throw new Error(`${name} is not installed: npm install --save-dev dictionary-nb dictionary-nn`);
  return path;
}

function version(name) {
  return JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')).version;
}

mkdirSync(outDir, { recursive: true });
const report = [];
for (const lang of ['nb', 'nn']) {
  const name = `dictionary-${lang}`;
  copyFileSync(packageFile(name, 'index.aff'), join(outDir, `${lang}.aff`));
  const dic = readFileSync(packageFile(name, 'index.dic'));
  const gz = gzipSync(dic, { level: 9 });
  if (gz.length > MAX_BYTES) throw new Error(`${lang}.dic.gz is ${gz.length} bytes, over the 2 MB file limit`);
  writeFileSync(join(outDir, `${lang}.dic.gz`), gz);
  report.push(`${name} ${version(name)}: ${lang}.aff ${readFileSync(packageFile(name, 'index.aff')).length} bytes, ${lang}.dic ${dic.length} bytes (${gz.length} gzip)`);
}
writeFileSync(join(outDir, 'nb-supplement.dic'), `${NB_SUPPLEMENT.length}\n${NB_SUPPLEMENT.join('\n')}\n`);
report.push(`nb-supplement.dic: ${NB_SUPPLEMENT.length} entries`);

const licence = (lang) => readFileSync(packageFile(`dictionary-${lang}`, 'license'), 'utf8').trim();
writeFileSync(
  join(outDir, 'LICENSE'),
  [
    'The files in this folder are the hunspell dictionaries of the npm packages dictionary-nb and',
    'dictionary-nn (https://github.com/wooorm/dictionaries), generated from the spell-norwegian',
    'project, licensed under the GNU General Public License version 2 (GPL-2.0,',
    'https://www.gnu.org/licenses/old-licenses/gpl-2.0.html). They are shipped unchanged (the .dic',
    'files gzip-compressed) as separate data files, not compiled into Melding. nb-supplement.dic adds',
    'a few Bokmål words the dictionary lacks, under the same licence.',
    '',
    '--- dictionary-nb ---',
    licence('nb'),
    '',
    '--- dictionary-nn ---',
    licence('nn'),
    '',
  ].join('\n'),
);
writeFileSync(join(outDir, 'SOURCE.txt'), `${report.join('\n')}\n`);
console.log(report.join('\n'));
