// Builds resources/maalform/{nb-only,nn-only,both}.txt.gz: the word forms valid in one written form
// of Norwegian and not the other, and those valid in both (to check suggestions and compounds
// against), from the hunspell dictionaries in the npm packages dictionary-nb and dictionary-nn
// (GPL-2.0 data: the derived lists ship as separate data files, see the README there).
//
//   node scripts/build-maalform-lists.mjs
//
// Needs `unmunch` on PATH (Debian/Ubuntu: apt-get install hunspell-tools) to expand the .dic/.aff
// pairs into full form lists (about a second for both). Installs nothing itself.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'resources', 'maalform');

/**
 * Lower-case letters of Norwegian words (with the accents the dictionaries use: òg, kafé, fôr) and
 * the hyphen of compounds, 2–30 long. Anything else (names, abbreviations with digits) is left out.
 */
const FORM = /^[a-zæøåéèêóòôâàüç][a-zæøåéèêóòôâàüç-]{1,29}$/;

/**
 * Forms the dictionaries lack but the checker must know (dictionary-nb 3.0.0 has no "noe"/"noen").
 * They join the expanded list of that written form before the two are compared.
 */
const SUPPLEMENT = {
  nb: ['noe', 'noen', 'noens'],
  nn: [],
};

/** The file limit of the repository: no committed file over 2 MB. */
const MAX_BYTES = 2 * 1024 * 1024;

/** The packages export only their loader, so their files are read from node_modules directly. */
function packageFile(name, file) {
  const path = join(root, 'node_modules', name, file);
  if (!existsSync(path)) throw new Error(`${name} is not installed: npm install --save-dev dictionary-nb dictionary-nn`);
  return path;
}

/** Expands one dictionary with unmunch; keeps the forms that are lower-case in the dictionary (upper-case entries are names). */
function expand(lang) {
  const dic = packageFile(`dictionary-${lang}`, 'index.dic');
  const aff = packageFile(`dictionary-${lang}`, 'index.aff');
  let raw;
  try {
    raw = execFileSync('unmunch', [dic, aff], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    const missing = error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT';
    throw new Error(missing ? 'unmunch is not on PATH: apt-get install hunspell-tools' : `unmunch failed for ${lang}: ${String(error)}`, { cause: error });
  }
  const forms = new Set(SUPPLEMENT[lang]);
  for (const line of raw.split('\n')) {
    const form = line.trim().normalize('NFC');
    if (FORM.test(form)) forms.add(form);
  }
  return forms;
}

function only(a, b) {
  return [...a].filter((form) => !b.has(form)).sort(compareCodeUnits);
}

function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function version(name) {
  return JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')).version;
}

const nb = expand('nb');
const nn = expand('nn');
mkdirSync(outDir, { recursive: true });

const report = [];
const both = [...nb].filter((form) => nn.has(form)).sort(compareCodeUnits);
for (const [name, forms] of [['nb-only', only(nb, nn)], ['nn-only', only(nn, nb)], ['both', both]]) {
  const text = `${forms.join('\n')}\n`;
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  if (gz.length > MAX_BYTES) throw new Error(`${name}.txt.gz is ${gz.length} bytes, over the 2 MB file limit`);
  writeFileSync(join(outDir, `${name}.txt.gz`), gz);
  report.push(`${name}: ${forms.length} forms, ${Buffer.byteLength(text)} bytes plain, ${gz.length} bytes gzip`);
}

writeFileSync(
  join(outDir, 'SOURCE.txt'),
  [
    `dictionary-nb ${version('dictionary-nb')}, dictionary-nn ${version('dictionary-nn')} (GPL-2.0)`,
    `expanded: nb ${nb.size} forms, nn ${nn.size} forms, ${both.length} in both`,
    ...report,
    '',
  ].join('\n'),
);
console.log(report.join('\n'));
