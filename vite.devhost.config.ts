import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/** The devhost is a plain Node program: bundled like main, but without Electron. */
export default defineConfig({
  define: { __MELDING_VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, 'out/devhost'),
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    rolldownOptions: {
      // The language worker is its own entry: a worker thread starts from a file.
      input: {
        index: resolve(import.meta.dirname, 'electron/devhost/index.ts'),
        languageWorker: resolve(import.meta.dirname, 'electron/services/language/languageWorker.ts'),
      },
      output: {
        format: 'es',
        entryFileNames: '[name].mjs',
        chunkFileNames: '[name]-[hash].mjs',
        // hunspell's Emscripten glue, bundled from CommonJS, reads __dirname (to locate itself only:
        // its WebAssembly is inline). An ES module has import.meta.dirname instead.
        banner: (chunk) => (chunk.name === 'languageWorker' ? 'const __dirname = import.meta.dirname;' : ''),
      },
    },
  },
  // sharp is native code with its libvips beside it in node_modules: it cannot be bundled, and
  // exifr picks its Node or browser build at run time. Both load from node_modules.
  ssr: { noExternal: true, external: ['sharp', 'exifr'] },
  resolve: {
    // The ES builds of hunspell-asm and its loader call namespace imports (nanoid, unixify) as
    // functions, which only works unbundled; their CommonJS builds bundle correctly.
    alias: [
      { find: /^hunspell-asm$/, replacement: 'hunspell-asm/dist/cjs/index.js' },
      { find: /^emscripten-wasm-loader$/, replacement: 'emscripten-wasm-loader/dist/cjs/index.js' },
    ],
  },
});
