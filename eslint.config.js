import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
        paths: ['fs', 'path', 'child_process', 'worker_threads', 'electron', 'react', 'os'].flatMap((name) => [
          { name, message: 'models/ is pure: pass bytes or data in; the host (electron/, host/, cli/) does I/O.' },
          { name: `node:${name}`, message: 'models/ is pure: pass bytes or data in; the host does I/O.' },
        ]),
      }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.cts', 'electron/build.mjs', 'test/e2e/**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
