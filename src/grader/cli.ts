/**
 * `assoclab`: the command line of Associations Lab. It runs programs exactly as the site
 * does (same core, same worker protocol, in a worker thread).
 *
 *   assoclab run <file> [--json] [--sql] [--budget <ms>]
 *   assoclab exercises [--json]
 *   assoclab grade <exercise-id> <file> [--json]
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createNodeCheckRunner, createNodeRuntimeClient } from '../runtime/node/node-client';
import { listExercises, UnknownExerciseError } from './exercises';
import { printConsoleEntry, printRun, type PrintTarget } from './format-run';
import { gradeSource, type GradeSourceReport } from './grade';

const USAGE = `Usage:
  assoclab run <file> [--json] [--sql] [--budget <ms>]   run a program as the site does
      --json          print the whole run result as JSON
      --sql           also print the SQL Sequelize sent
      --budget <ms>   time budget (default 5000)
  assoclab exercises [--json]                           list every exercise (id, lesson, title)
  assoclab grade <exercise-id> <file> [--json]          grade a program against an exercise's checks
      exit 0 once graded, whatever the verdict; 2 for an unknown id or unreadable file`;

/** A mistake in how the command was called: its message, then the usage. */
class UsageError extends Error {}
/** A clear failure that needs no usage text (an unknown exercise id). */
class CommandError extends Error {}

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
    const json = parsed.flags.has('--json');
    const terminal: PrintTarget = { out: (line) => console.log(line), err: (line) => console.error(line) };
    // Output appears as the program prints it, as with node; --json prints once, at the end.
    const result = await client.run(source, { language, ...(json ? {} : { onConsole: (entry) => printConsoleEntry(entry, terminal) }) });
    if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else printRun(result, file!, terminal, { sql: parsed.flags.has('--sql'), consolePrinted: true });
    return result.ok ? 0 : 1;
  } finally {
    client.dispose();
  }
}

async function exercisesCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, []);
  const listing = listExercises();
  if (parsed.flags.has('--json')) {
    process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(2, ...listing.map((exercise) => exercise.id.length));
  const lessonWidth = Math.max(6, ...listing.map((exercise) => exercise.lesson.length));
  console.log(`${'ID'.padEnd(idWidth)}  ${'LESSON'.padEnd(lessonWidth)}  TITLE`);
  for (const exercise of listing) console.log(`${exercise.id.padEnd(idWidth)}  ${exercise.lesson.padEnd(lessonWidth)}  ${exercise.title}`);
  return 0;
}

function printGrade(report: GradeSourceReport): void {
  console.log(`${report.title} (${report.exerciseId}): ${report.status.toUpperCase()}, ${report.passed}/${report.total} checks passed`);
  for (const check of report.checks) {
    console.log(`  ${check.passed ? '✔' : '✘'} ${check.title}`);
    if (!check.passed) {
      console.log(`      ${check.message}`);
      const indent = (text: string) => text.split('\n').join('\n                ');
      if (check.expected !== undefined) console.log(`      expected: ${indent(check.expected)}`);
      if (check.found !== undefined) console.log(`      found:    ${indent(check.found)}`);
    }
  }
  if (report.error) {
    const at = report.error.location ? `line ${report.error.location.line}: ` : '';
    console.log(`  The program stopped: ${at}${report.error.name}: ${report.error.message}`);
  }
}

async function gradeCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, ['--budget']);
  const [exerciseId, file] = parsed.positional;
  if (!exerciseId) throw new UsageError('Missing <exercise-id> (list them with `assoclab exercises`).');
  const source = readProgram(file);
  const language = ['.ts', '.mts'].includes(extname(file!)) ? 'typescript' : 'javascript';
  try {
    const report = await gradeSource(exerciseId, source, createNodeCheckRunner(), { language });
    if (parsed.flags.has('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printGrade(report);
    return 0;
  } catch (error) {
    if (error instanceof UnknownExerciseError) throw new CommandError(error.message);
    throw error;
  }
}

export const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  run: runCommand,
  exercises: exercisesCommand,
  grade: gradeCommand,
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
    if (error instanceof CommandError) {
      console.error(`assoclab: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
