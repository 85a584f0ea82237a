/**
 * How a sandbox member process is started: Node's permission model with file-system reads
 * limited to the grader's own code and the packages the runtime loads, no writes, no child
 * processes; worker threads allowed (the member's own, which run the programs); no code
 * from strings; a small heap for the member itself (each worker has the memory budget as
 * its own limit). Its environment is empty: a CI job's secrets never reach a program.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';

/**
 * A path, each link it goes through (a worktree's node_modules may link to another's,
 * which links on), and where it ends: Node's resolution reads each of them.
 */
function linkChain(path: string): string[] {
  const chain = [path];
  let current = path;
  for (let hops = 0; hops < 16 && lstatSync(current).isSymbolicLink(); hops++) {
    current = resolve(dirname(current), readlinkSync(current));
    chain.push(current);
  }
  chain.push(realpathSync(path));
  return [...new Set(chain)];
}

/** The node_modules folder the runtime's packages load from, walking up from `start` (as Node resolves them). */
function nodeModulesOf(start: string): string[] {
  let folder = start;
  for (;;) {
    const candidate = join(folder, 'node_modules');
    // Node resolves through the path as found, then the real one: all are read.
    if (existsSync(join(candidate, 'sequelize', 'package.json'))) return linkChain(candidate);
    if (folder === parse(folder).root) throw new Error(`The grader cannot find Sequelize in a node_modules folder above ${start}.`);
    folder = dirname(folder);
  }
}

/** The folders a member may read: where the built grader is, and the packages it loads. */
export function readableFolders(distFolder: string): string[] {
  return [...new Set([...linkChain(distFolder), ...nodeModulesOf(distFolder)])];
}

/** Node's flags for a member process. */
export function memberExecArgv(distFolder: string): string[] {
  return [
    '--experimental-permission',
    ...readableFolders(distFolder).map((folder) => `--allow-fs-read=${folder}`),
    '--allow-worker',
    '--disallow-code-generation-from-strings',
    '--max-old-space-size=256',
    // The permission model's "experimental" and "--allow-worker" warnings are ours, not a program's.
    '--no-warnings',
  ];
}
