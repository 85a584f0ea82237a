/**
 * `assoclab`: the command line of Associations Lab. It runs programs exactly as the site
 * does (same core, same worker protocol, in a worker thread).
 *
 *   assoclab run <file> [--json] [--sql] [--budget <ms>]
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createNodeRuntimeClient } from '../runtime/node/node-client';
import { printRun } from './format-run';

const USAGE = `Usage:
  assoclab run <file> [--json] [--sql] [--budget <ms>]   run a program as the site does
      --json          print the whole run result as JSON
      --sql           also print the SQL Sequelize sent
      --budget <ms>   time budget (default 5000)`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

function parseArgs(args: string[], valued: string[]): Parsed {
  const parsed: Parsed = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) parsed.positional.push(arg);
    else if (valued.includes(arg)) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      parsed.values.set(arg, value);
    } else parsed.flags.add(arg);
  }
  return parsed;
}

function readProgram(file: string | undefined): string {
  if (!file) throw new UsageError('Missing <file>.');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

async function runCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, ['--budget']);
  const file = parsed.positional[0];
  const source = readProgram(file);
  const budget = Number(parsed.values.get('--budget') ?? 5000);
  if (!Number.isFinite(budget) || budget <= 0) throw new UsageError('--budget takes a number of milliseconds.');
  const client = createNodeRuntimeClient({ timeBudgetMs: budget });
  try {
    const language = ['.ts', '.mts'].includes(extname(file!)) ? 'typescript' : 'javascript';
    const result = await client.run(source, { language });
    if (parsed.flags.has('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else printRun(result, file!, { out: (line) => console.log(line), err: (line) => console.error(line) }, { sql: parsed.flags.has('--sql') });
    return result.ok ? 0 : 1;
  } finally {
    client.dispose();
  }
}

export const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  run: runCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const handler = COMMANDS[command];
  try {
    if (!handler) throw new UsageError(`Unknown command '${command}'.`);
    return await handler(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`assoclab: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
