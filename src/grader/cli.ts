/**
 * `assoclab`: the command line of Associations Lab. It runs programs exactly as the site
 * does (same core, same worker protocol, in a worker thread).
 *
 *   assoclab run <file> [--json] [--sql] [--request "<METHOD> <path> [json]"]... [--budget <ms>] [--memory <MB>]
 *   assoclab exercises [--json]
 *   assoclab grade <exercise-id> <file> [--json] [--budget <ms>] [--memory <MB>] [--seed <n>]
 *   assoclab diagram <file> [--text] [--budget <ms>] [--memory <MB>]
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { createNodeCheckRunner, createNodeRuntimeClient } from '../runtime/node/node-client';
import { DEFAULT_TIME_BUDGET_MS } from '../schemas/time-budget';
import { MEMORY_BUDGET_MB } from '../schemas/memory-budget';
import { listExercises, UnknownExerciseError } from './exercises';
import { explainRun } from '../explain/mistakes';
import { diagramOf, mermaidErDiagram } from '../insight/diagram';
import { printConsoleEntry, printRun, type PrintTarget } from './format-run';
import { gradeSource, type GradeSourceReport } from './grade';
import { printExchange } from './format-exchange';
import { parseRequestLine, requestLine } from '../schemas/request-line';
import type { AppExchange, AppRequest } from '../schemas/app-exchange';

const USAGE = `Usage:
  assoclab run <file> [--json] [--sql] [--request "<METHOD> <path> [json body]"]... [--budget <ms>] [--memory <MB>]
                                                        run a program as the site does
      --json          print the whole run result as JSON
      --sql           also print the SQL Sequelize sent
      --request "GET /users/1/posts"
                      after the program ran, send this request to the Express app it left
                      listening and print the response (repeatable, sent in order; a JSON
                      body follows the path: --request 'POST /users {"name":"Ann"}')
      --budget <ms>   time budget (default ${DEFAULT_TIME_BUDGET_MS})
      --memory <MB>   memory budget (default ${MEMORY_BUDGET_MB})
  assoclab exercises [--json]                           list every exercise (id, lesson, topic, difficulty, title)
  assoclab grade <exercise-id> <file> [--json] [--budget <ms>] [--memory <MB>] [--seed <n>]
                                                        grade a program against an exercise's checks
      --json          print the report as JSON
      --budget <ms>   the program's time budget (default ${DEFAULT_TIME_BUDGET_MS})
      --memory <MB>   the program's memory budget (default ${MEMORY_BUDGET_MB})
      --seed <n>      the hidden data's seed (a report names its seed: repeat a grading exactly)
      exit 0 once graded, whatever the verdict; 2 for an unknown id or unreadable file
  assoclab diagram <file> [--text] [--budget <ms>] [--memory <MB>]
                                                        print the ER diagram of the models the program defines
      --text          the associations in words instead of Mermaid erDiagram source
      exit 1 when the program fails (the models defined before are still drawn)`;

/** A mistake in how the command was called: its message, then the usage. */
class UsageError extends Error {}
/** A clear failure that needs no usage text (an unknown exercise id). */
class CommandError extends Error {}

const JSON_FLAG = { json: { type: 'boolean' } } as const;
const BUDGET = { budget: { type: 'string' }, memory: { type: 'string' } } as const;

type Parsed<Options extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: Options; allowPositionals: true; strict: true }>>;

/**
 * Node's own parser, strict: an unknown flag, a flag missing its value or a stray
 * argument is a usage error rather than silently ignored. `--budget=500` works too.
 */
function parse<const Options extends ParseArgsOptionsConfig>(args: string[], options: Options, positionals: number): Parsed<Options> {
  let parsed: Parsed<Options>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages name the option and the problem ("Unknown option '--jsn'").
    if (String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_')) throw new UsageError((error as Error).message);
    throw error;
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`Unexpected argument '${parsed.positionals[positionals]}'.`);
  return parsed;
}

/**
 * The program's memory budget: the --memory value in MB, the runtime's default when absent.
 * Below 64 MB the runtime itself (Sequelize, sql.js) would not fit in the worker's heap.
 */
function memoryOf(value: string | undefined): number {
  if (value === undefined) return MEMORY_BUDGET_MB;
  const memory = Number(value);
  if (value.trim() === '' || !Number.isInteger(memory) || memory < 64) throw new UsageError('--memory takes a whole number of megabytes, 64 or more.');
  return memory;
}

/** The program's time budget: the --budget value in ms, the runtime's default when absent. */
function budgetOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIME_BUDGET_MS;
  const budget = Number(value);
  if (value.trim() === '' || !Number.isFinite(budget) || budget <= 0) throw new UsageError('--budget takes a number of milliseconds.');
  return budget;
}

function readProgram(file: string | undefined): string {
  if (!file) throw new UsageError('Missing <file>.');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** The --request values, each one line as a lesson presets it; a bad one is a usage error. */
function requestsOf(lines: string[] | undefined): AppRequest[] {
  return (lines ?? []).map((line) => {
    const parsed = parseRequestLine(line);
    if (!parsed.ok) throw new UsageError(`--request: ${parsed.problem}`);
    return parsed.request;
  });
}

async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...JSON_FLAG, ...BUDGET, sql: { type: 'boolean' }, request: { type: 'string', multiple: true } }, 1);
  const requests = requestsOf(values.request);
  const budget = budgetOf(values.budget);
  const memoryBudgetMb = memoryOf(values.memory);
  const file = positionals[0];
  const source = readProgram(file);
  const client = createNodeRuntimeClient({ timeBudgetMs: budget, memoryBudgetMb });
  try {
    const language = ['.ts', '.mts'].includes(extname(file!)) ? 'typescript' : 'javascript';
    const json = values.json === true;
    const terminal: PrintTarget = { out: (line) => console.log(line), err: (line) => console.error(line) };
    // Output appears as the program prints it, as with node; --json prints once, at the end.
    const result = await client.run(source, { language, ...(json ? {} : { onConsole: (entry) => printConsoleEntry(entry, terminal) }) });
    // Recognised mistakes are explained as the site explains them (src/explain/mistakes.ts).
    const explanations = explainRun(result, source);
    if (!json) printRun(result, file!, terminal, { sql: values.sql === true, consolePrinted: true, explanations });
    // Requests go to the app the program left listening, in order, once it ran.
    const exchanges: (AppExchange & { request: AppRequest })[] = [];
    let requestsFailed = false;
    if (requests.length > 0 && result.ok) {
      if (client.listeningPort === undefined) {
        terminal.err(`${file}: --request needs an Express app: the program ended without one listening (call app.listen(3000)).`);
        requestsFailed = true;
      } else {
        for (const request of requests) {
          const exchange = await client.request(request);
          exchanges.push({ request, ...exchange });
          if (exchange.error) requestsFailed = true;
          if (!json) printExchange(requestLine(request), exchange, file!, terminal, { sql: values.sql === true });
        }
      }
    }
    if (json) process.stdout.write(`${JSON.stringify({ ...result, explanations, ...(requests.length > 0 ? { requests: exchanges } : {}) }, null, 2)}\n`);
    return result.ok && !requestsFailed ? 0 : 1;
  } finally {
    client.dispose();
  }
}

async function exercisesCommand(args: string[]): Promise<number> {
  const { values } = parse(args, JSON_FLAG, 0);
  const listing = listExercises();
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(2, ...listing.map((exercise) => exercise.id.length));
  const lessonWidth = Math.max(6, ...listing.map((exercise) => exercise.lesson.length));
  const topicWidth = Math.max(5, ...listing.map((exercise) => exercise.topic.length));
  console.log(`${'ID'.padEnd(idWidth)}  ${'LESSON'.padEnd(lessonWidth)}  ${'TOPIC'.padEnd(topicWidth)}  LEVEL  TITLE`);
  for (const exercise of listing)
    console.log(
      `${exercise.id.padEnd(idWidth)}  ${exercise.lesson.padEnd(lessonWidth)}  ${exercise.topic.padEnd(topicWidth)}  ${String(exercise.difficulty).padEnd(5)}  ${exercise.title}`,
    );
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
  const { values, positionals } = parse(args, { ...JSON_FLAG, ...BUDGET, seed: { type: 'string' } }, 2);
  const [exerciseId, file] = positionals;
  if (!exerciseId) throw new UsageError('Missing <exercise-id> (list them with `assoclab exercises`).');
  const timeBudgetMs = budgetOf(values.budget);
  const memoryBudgetMb = memoryOf(values.memory);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff))
    throw new UsageError('--seed takes a whole number from 0 to 4294967295.');
  const source = readProgram(file);
  const language = ['.ts', '.mts'].includes(extname(file!)) ? 'typescript' : 'javascript';
  try {
    const report = await gradeSource(exerciseId, source, createNodeCheckRunner({ memoryBudgetMb }), {
      language,
      timeBudgetMs,
      ...(seed !== undefined ? { seed } : {}),
    });
    if (values.json === true) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printGrade(report);
    return 0;
  } catch (error) {
    if (error instanceof UnknownExerciseError) throw new CommandError(error.message);
    throw error;
  }
}

/** Runs the program and prints its model graph as Mermaid `erDiagram` source (or, with --text, in words). */
async function diagramCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...BUDGET, text: { type: 'boolean' } }, 1);
  const budget = budgetOf(values.budget);
  const memoryBudgetMb = memoryOf(values.memory);
  const file = positionals[0];
  const source = readProgram(file);
  const client = createNodeRuntimeClient({ timeBudgetMs: budget, memoryBudgetMb });
  try {
    const language = ['.ts', '.mts'].includes(extname(file!)) ? 'typescript' : 'javascript';
    // The program's own output is not the diagram's: it is not printed.
    const result = await client.run(source, { language });
    const failure = result.error ? `${file}: the program failed: ${result.error.name}: ${result.error.message}` : '';
    if (result.models.models.length === 0) {
      console.error(failure || `${file}: the program defines no models (sequelize.define or Model.init), so there is nothing to draw.`);
      return 1;
    }
    if (values.text === true) for (const relation of diagramOf(result.models).relations) console.log(relation.sentence);
    else process.stdout.write(mermaidErDiagram(result.models));
    if (failure) console.error(`${failure}\nThe diagram shows the models it defined before that.`);
    return failure ? 1 : 0;
  } finally {
    client.dispose();
  }
}

export const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  run: runCommand,
  exercises: exercisesCommand,
  grade: gradeCommand,
  diagram: diagramCommand,
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
