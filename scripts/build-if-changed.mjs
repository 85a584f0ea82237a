#!/usr/bin/env node
/**
 * Builds what the tests need, skipping any part whose sources have not changed since its
 * last build: the site (dist/, with its search index) and the Node CLI (dist-cli/). Each
 * output holds a stamp: a hash of every source file it is built from (names and bytes)
 * and of the installed packages' lock.
 *
 *   node scripts/build-if-changed.mjs             build what is stale
 *   node scripts/build-if-changed.mjs cli|site    only that one
 *   node scripts/build-if-changed.mjs --force     build everything
 *   node scripts/build-if-changed.mjs --quiet     say nothing when all is up to date; build messages go to stderr
 *                                                 (bin/assoclab.mjs, whose stdout is the command's own)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = '.assoclab-build-stamp';
const SKIP = new Set(['node_modules', 'dist', 'dist-cli', 'dist-bench', '.astro', '.git', 'screenshots', 'test-results']);

/** Every file under `paths`, sorted, test files excluded (they are not built into anything). */
function files(paths) {
  const found = [];
  const walk = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isFile()) return void found.push(path);
    for (const entry of readdirSync(path)) if (!SKIP.has(entry)) walk(join(path, entry));
  };
  paths.forEach((path) => walk(join(root, path)));
  return found.filter((file) => !/\.test\.ts$/.test(file)).sort();
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const file of files(paths)) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const TARGETS = [
  {
    name: 'CLI',
    key: 'cli',
    out: 'dist-cli',
    sources: ['src', 'lessons', 'bench', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'],
    commands: [['node', ['scripts/build-cli.mjs']]],
  },
  {
    name: 'site',
    key: 'site',
    out: 'dist',
    // docs/: the guides the site renders for instructors (src/pages/instructors/).
    sources: ['src', 'lessons', 'docs', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'],
    commands: [
      ['node', ['node_modules/astro/astro.js', 'build']],
      ['node', ['node_modules/pagefind/lib/runner/bin.cjs', '--site', 'dist', '--silent']],
    ],
  },
];

const force = process.argv.includes('--force');
const quiet = process.argv.includes('--quiet');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const target of TARGETS.filter((candidate) => only.length === 0 || only.includes(candidate.key))) {
  const stampFile = join(root, target.out, STAMP);
  const hash = hashOf(target.sources);
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) {
    if (!quiet) console.log(`build-if-changed: the ${target.name} is up to date (${target.out}/), not rebuilt`);
    continue;
  }
  (quiet ? console.error : console.log)(`build-if-changed: building the ${target.name} (${target.out}/), its sources changed`);
  for (const [command, args] of target.commands) {
    const result = spawnSync(command === 'node' ? process.execPath : command, args, { cwd: root, stdio: quiet ? ['ignore', 2, 2] : 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, hash);
}
