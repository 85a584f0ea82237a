#!/usr/bin/env node
/**
 * `npm test`: everything, in two phases, using both cores.
 *
 * 1. At once: the type check, the linter, the format check, and the builds the tests need
 *    (skipped when their sources have not changed: scripts/build-if-changed.mjs). Each
 *    one's output is printed when it ends, with its time.
 * 2. Vitest: unit, CLI and authoring tests in parallel, then the browser tests in Chromium.
 *
 * Extra arguments go to Vitest (`npm test -- tests/e2e/site.test.ts`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;

const CHECKS = [
  // astro check type-checks the .astro files and every .ts file tsc would (tsconfig's include).
  ['type check (astro check)', [node, 'node_modules/astro/astro.js', 'check']],
  ['lint (eslint)', [node, 'node_modules/eslint/bin/eslint.js', '.']],
  ['format (prettier --check)', [node, 'node_modules/prettier/bin/prettier.cjs', '--check', '.']],
  ['build', [node, 'scripts/build-if-changed.mjs']],
];

function run(name, [command, ...args]) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n── ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s\n${output.trimEnd() ? `${output.trimEnd()}\n` : ''}`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(CHECKS.map(([name, command]) => run(name, command)));
if (results.includes(false)) {
  console.error('\nnpm test: a check above failed; the tests were not run.');
  process.exit(1);
}

const vitest = spawn(node, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
vitest.on('close', (code) => process.exit(code ?? 1));
