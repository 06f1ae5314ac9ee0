// Lint: TypeScript + React hooks, and the layer boundaries of ../shared/STYLE.md.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Exact module names: 'fs', 'node:fs', 'fs/promises'… (a pattern like 'domain/*' would catch ../domain/x). */
const nodeBuiltinNames = [...new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))];
const electronModule = { regex: '^electron(/.*)?$' };

/** The DOM globals shared/ may not touch (it runs in Node and in the renderer alike). */
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'DOMParser', 'fetch', 'location']
  .map((name) => ({ name, message: 'shared/ is pure: no DOM. Take what you need as a parameter.' }));

const restrict = (patterns, paths = []) => ({ 'no-restricted-imports': ['error', { patterns, paths }] });
const noNode = (message) => [{ regex: '^node:' , message }];
const noNodePaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));

export const boundaryRules = [
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    rules: {
      ...restrict(
        [
          { ...electronModule, message: 'shared/ never imports electron.' },
          ...noNode('shared/ never imports Node built-ins.'),
          { regex: '^(react|react-dom|react-i18next)(/.*)?$', message: 'shared/ never imports React.' },
          { regex: '^\\.{1,2}/(.*/)?(electron|renderer)(/|$)', message: 'shared/ depends on nothing in electron/ or renderer/.' },
        ],
        noNodePaths('shared/ never imports Node built-ins.'),
      ),
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict(
      [
        { ...electronModule, message: 'The renderer talks to Electron only through window.melding.' },
        ...noNode('The renderer never imports Node built-ins.'),
        { regex: '^\\.{1,2}/(.*/)?electron(/|$)', message: 'The renderer never imports code from electron/.' },
      ],
      noNodePaths('The renderer never imports Node built-ins.'),
    ),
  },
  {
    files: ['electron/services/**/*.ts', 'electron/devhost/**/*.ts'],
    rules: restrict([
      { ...electronModule, message: "Only electron/main and electron/preload import 'electron'; services take a Platform." },
      { regex: '^\\.{1,2}/(.*/)?(main|preload|renderer)(/|$)', message: 'Services and the devhost do not depend on main, preload or the renderer.' },
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([{ regex: '^\\.{1,2}/(.*/)?(services|main|devhost)(/|$)', message: 'The preload bundles only shared/ipc and electron.' }]),
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...boundaryRules,
);
