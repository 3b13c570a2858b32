import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What renderer code may not import (plus `extra` patterns for some folders). */
function rendererImports(extra) {
  return {
    paths: [
      { name: 'electron', message: 'The renderer never imports Electron: it talks to the main process through renderer/platform (window.steward).' },
      ...['fs', 'path', 'child_process', 'worker_threads', 'os', 'crypto'].map((name) => ({ name, message: 'The renderer is a web page: no Node modules.' })),
    ],
    patterns: [
      { regex: '^node:', message: 'The renderer is a web page: no Node modules.' },
      { regex: '(^|/)host(/|$)', message: 'The renderer never imports host/ (Node services): bytes come through renderer/platform.' },
      { regex: '(^|/)electron/(?!ipc-contract$)', message: 'Only the IPC contract (types and schemas) is shared with electron/.' },
      { regex: '(^|/)cli/', message: 'The renderer never imports the CLI.' },
      ...extra,
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'dist/**', 'dist-web/**', 'coverage/**', '**/*.d.ts', 'fixtures/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['models/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['fs', 'path', 'child_process', 'worker_threads', 'electron', 'react', 'os', 'zustand'].flatMap((name) => [
          { name, message: 'models/ is pure: pass bytes or data in; the host (electron/, host/, cli/) does I/O.' },
          { name: `node:${name}`, message: 'models/ is pure: pass bytes or data in; the host does I/O.' },
        ]),
        patterns: [{ regex: '(^|/)(host|renderer|electron|cli)(/|$)', message: 'models/ imports no UI, host, Electron or CLI code: they import models.' }],
      }],
    },
  },
  {
    // The renderer is a web page: the same code in the browser build and in Electron's sandboxed
    // window. Bytes come through renderer/platform; the models run in renderer/engine's worker.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts', 'renderer/features/**'],
    rules: { 'no-restricted-imports': ['error', rendererImports([])] },
  },
  {
    files: ['renderer/features/**/*.ts', 'renderer/features/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', rendererImports([
        { regex: '^\\.\\./(?!\\.\\.)[^/]+/.+', message: 'Features import each other only through their index.ts (import "../data", not "../data/Grid").' },
      ])],
    },
  },
  {
    // zustand lives in the store, and screens never build the demo (the engine worker does).
    files: ['renderer/features/**', 'renderer/ui/**', 'renderer/charts/**', 'renderer/platform/**', 'renderer/*.ts', 'renderer/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'ImportDeclaration[source.value=/^zustand/]',
        message: 'zustand only in renderer/store/: use useApp/useAppShallow from the store.',
      }, {
        selector: 'ImportDeclaration[source.value=/models\\/demo\\//]',
        message: 'Screens never build the demo: the engine worker does (renderer/engine).',
      }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.cts', 'electron/build.mjs', 'test/e2e/**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The steward bin and its esbuild script: plain Node ESM.
    files: ['bin/*.mjs', 'cli/build.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
);
