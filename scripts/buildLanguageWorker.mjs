// Builds the language worker (electron/services/language/languageWorker.ts) the way the devhost
// build does, into a folder of the caller's choice, for the unit tests and the bench: a worker
// thread starts from a JavaScript file, which Vitest cannot provide from TypeScript sources.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');

/** Builds into a new temporary folder and answers the worker script's URL. */
export async function buildLanguageWorker() {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'melding-language-worker-'));
  await build({
    configFile: join(root, 'vite.devhost.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: { languageWorker: join(root, 'electron/services/language/languageWorker.ts') } } },
  });
  return pathToFileURL(join(outDir, 'languageWorker.mjs'));
}
