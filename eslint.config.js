// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import node from 'eslint-plugin-n';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output and generated files (ESLint does not read .gitignore).
  globalIgnores([
    'dist/',
    'dist-cli/',
    'dist-bench/',
    'node_modules/',
    '.astro/',
    'test-results/',
    'bench/results/',
    'screenshots/',
    // The differential suite's copies of its programs while it runs them natively.
    'tests/differential/reference/.run/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    // The project runs in the browser (site, editor, runtime worker) and in Node (grader, scripts, bench, tests):
    // TypeScript checks which globals each file may use; plain JS files get both sets.
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    // A leading underscore marks a parameter kept for its position or an interface's shape (shims, stubs).
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }] },
  },
  {
    // Learners' programs, shown verbatim in the editor (imported with ?raw; the Classroom template's are starters): a starter's stub keeps the
    // parameter the learner is to use, and the sample program sets up an Express app the learner may add
    // routes to. A disable comment in them would be shown to the learner.
    files: ['lessons/**/*.js', 'tests/fixtures/**/*.js', 'docs/classroom-template/exercises/**/*.js'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // Every package the code imports is declared in package.json (not reached through another package's dependencies).
    plugins: { n: node },
    rules: { 'n/no-extraneous-import': ['error', { allowModules: [] }] },
  },
  // Last: turns off the stylistic rules that Prettier owns.
  prettier,
);
