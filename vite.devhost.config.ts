import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/** The devhost is a plain Node program: bundled like main, but without Electron. */
export default defineConfig({
  define: { __MELDING_VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: resolve(import.meta.dirname, 'electron/devhost/index.ts'),
    outDir: resolve(import.meta.dirname, 'out/devhost'),
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'index.mjs' },
    },
  },
  ssr: { noExternal: true },
});
