import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { META_CONTENT_SECURITY_POLICY } from './electron/services/contentSecurityPolicy';

/**
 * In `electron-vite dev` the React plugin injects an inline preamble and HMR connects over a
 * websocket, which the strict CSP forbids; relax it for the dev server only. Builds keep the
 * policy in renderer/index.html unchanged (a unit test compares it with the header).
 */
const devCsp = {
  name: 'melding-dev-csp',
  apply: 'serve' as const,
  transformIndexHtml(html: string) {
    return html.replace(META_CONTENT_SECURITY_POLICY, `${META_CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:")}`);
  },
};

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The language worker is its own entry (a worker thread starts from a file), named .mjs
        // as in the devhost so the services find it the same way.
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          languageWorker: resolve(import.meta.dirname, 'electron/services/language/languageWorker.ts'),
        },
        output: { entryFileNames: (chunk) => (chunk.name === 'languageWorker' ? '[name].mjs' : '[name].js') },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react(), devCsp],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
