#!/usr/bin/env node
/**
 * `npm test`: everything, packed onto both cores.
 *
 * 1. The CLI build the unit tests need (skipped when its sources have not changed).
 * 2. At once: the type check, the linter, the format check, the site build (skipped when
 *    unchanged), and Vitest's `unit` project. Each one's output is printed when it ends,
 *    with its time.
 * 3. Vitest's `browser` project, in Chromium against the built site.
 *
 * It ends with one line for all tests, "N passed, N failed", as CI reads it. Extra
 * arguments go to both Vitest runs (`npm test -- -t "placed twice"`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const vitest = (project) => [node, 'node_modules/vitest/vitest.mjs', 'run', '--project', project, ...process.argv.slice(2)];

/** Runs a command; its output is printed when it ends (or as it comes, with `live`). */
function run(name, [command, ...args], { live = false } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
    let output = '';
    const take = (chunk) => {
      output += chunk;
      if (live) process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const shown = live ? '' : output.trimEnd() ? `${output.trimEnd()}\n` : '';
      process.stdout.write(`\n── ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s\n${shown}`);
      resolve({ ok: code === 0, output });
    });
  });
}

/** The counts of Vitest's closing line (tests/summary-reporter.ts). */
function counts(output) {
  const match = [...output.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].at(-1);
  return match ? { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) } : { passed: 0, failed: 1, skipped: 0 };
}

function finish(results) {
  const total = results
    .map((result) => counts(result.output))
    .reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
  const ok = results.every((result) => result.ok);
  process.stdout.write(
    `\nAll tests:\n${total.passed} passed, ${total.failed + (ok || total.failed ? 0 : 1)} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`,
  );
  process.exit(ok ? 0 : 1);
}

const cli = await run('CLI build', [node, 'scripts/build-if-changed.mjs', 'cli']);
if (!cli.ok) process.exit(1);

const [unit, ...checks] = await Promise.all([
  run('unit tests (vitest --project unit)', vitest('unit')),
  // astro check type-checks the .astro files and every .ts file tsc would (tsconfig's include).
  run('type check (astro check)', [node, 'node_modules/astro/astro.js', 'check']),
  // Both tools keep a cache of the files they found clean (node_modules/.cache), so only
  // changed files are read again; a changed config invalidates it.
  run('lint (eslint)', [node, 'node_modules/eslint/bin/eslint.js', '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']),
  run('format (prettier --check)', [node, 'node_modules/prettier/bin/prettier.cjs', '--check', '--cache', '.']),
  run('site build', [node, 'scripts/build-if-changed.mjs', 'site']),
]);
if (checks.some((check) => !check.ok)) {
  console.error('\nnpm test: a check above failed; the browser tests were not run.');
  finish([unit, { ok: false, output: '' }]);
}

const browser = await run('browser tests (vitest --project browser)', vitest('browser'), { live: true });
finish([unit, browser]);
