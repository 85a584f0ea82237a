/**
 * `assoclab`: the command line of Associations Lab. It runs programs exactly as the site
 * does (same core, same worker protocol, in a worker thread), and grades them in a
 * sandbox (./pool.ts, ./sandbox/): see USAGE below and docs/grading.md.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { randomSeed } from '../checks/grade';
import { createNodeRuntimeClient } from '../runtime/node/node-client';
import { rememberingRunner } from '../runtime/protocol/check-runner';
import { DEFAULT_TIME_BUDGET_MS } from '../schemas/time-budget';
import { MEMORY_BUDGET_MB } from '../schemas/memory-budget';
import { listExercises, requireExercise, UnknownExerciseError } from './exercises';
import { explainRun } from '../explain/mistakes';
import { diagramOf, mermaidErDiagram } from '../insight/diagram';
import { printConsoleEntry, printRun, type PrintTarget } from './format-run';
import { gradeAssignment, InputError, readAssignment, readProgramsFolder, readSubmission, submissionFiles, type LearnerWork } from './assignment';
import { gradeExercise, learnerGrade, type LearnerGrade } from './grading';
import { createSandboxPool, type PoolStats, type SandboxPool } from './pool';
import { progressBar } from './progress';
import { formatPoints } from './scoring';
import { classroomOutputLine, classroomResult } from './formats/classroom';
import { exercismResults } from './formats/exercism';
import { gradebookCsv } from './formats/gradebook';
import { junitXml } from './formats/junit';
import { gradingSummary } from './formats/summary';
import { learnerReport, programReport } from './formats/text';
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
  assoclab grade <exercise-id> <file> [--format <f>] [--json] [--out <dir>] [--points <n>] [options]
                                                        grade a program against an exercise's checks
  assoclab grade --assignment <assignment.json> <submission.json | folder> [--format <f>] [--json] [--out <dir>] [options]
  assoclab grade --assignment <assignment.json> --programs <folder> [--learner <name>] [--format <f>] [--out <dir>] [options]
                                                        grade a learner's submission, a folder of submissions
                                                        (a gradebook and a report per learner), or one learner's
                                                        programs as files named <exercise-id>.js
      --format <f>    text (default), json, exercism (also writes results.json), junit (also
                      writes junit.xml; for a folder, junit/<file>.xml each), classroom (prints
                      only result=<base64> for GitHub Classroom, and appends it to $GITHUB_OUTPUT)
      --json          print JSON: the same as --format json (may go with exercism or junit)
      --out <dir>     where files go (default: . for results.json and junit.xml; grades for a
                      folder's gradebook.csv, reports/ and junit/)
      --points <n>    what a full pass of the one exercise is worth (default: 1 per check)
      --budget <ms>   each program's time budget (default ${DEFAULT_TIME_BUDGET_MS})
      --memory <MB>   each program's memory budget (default ${MEMORY_BUDGET_MB})
      --seed <n>      the hidden data's seed, one for the whole grading (reports name it: repeat it exactly)
      --jobs <n>      sandbox processes grading at once (default: one per core; one for a
                      single program)
      Every program runs in the sandbox: no files, processes or network, time and memory limits.
      An exercise scores its points x checks passed / checks, rounded to 2 decimals.
      exit 0 once graded, whatever the scores; 2 for a mistaken call or an input that cannot be
      read (named in the message); 1 when the grader's sandbox cannot start
  assoclab diagram <file> [--text] [--budget <ms>] [--memory <MB>]
                                                        print the ER diagram of the models the program defines
      --text          the associations in words instead of Mermaid erDiagram source
      exit 1 when the program fails (the models defined before are still drawn)`;

/** A mistake in how the command was called: its message, then the usage. */
class UsageError extends Error {}
/** A clear failure that needs no usage text (an unknown exercise id, an unreadable input): exit 2. */
class CommandError extends Error {}
/** The grader itself could not grade (its sandbox did not start): exit 1, nothing was graded. */
class GraderFailure extends Error {}

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

/** The output formats of `assoclab grade`. */
const FORMATS = ['text', 'json', 'exercism', 'classroom', 'junit'] as const;
type Format = (typeof FORMATS)[number];

const GRADE_OPTIONS = {
  ...JSON_FLAG,
  ...BUDGET,
  seed: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  points: { type: 'string' },
  jobs: { type: 'string' },
  assignment: { type: 'string' },
  programs: { type: 'string' },
  learner: { type: 'string' },
} as const;

type GradeValues = Parsed<typeof GRADE_OPTIONS>['values'];

/**
 * What a grading prints and writes: its report on stdout as text or JSON, or (classroom)
 * only the result line a workflow reads; exercism and junit are files, written besides.
 */
interface Output {
  stdout: 'text' | 'json' | 'classroom';
  file?: 'exercism' | 'junit';
}

function outputOf(values: GradeValues): Output {
  const format = values.format as Format | undefined;
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes one of ${FORMATS.join(', ')}.`);
  if (values.json === true && (format === 'text' || format === 'classroom'))
    throw new UsageError(`--json and --format ${format} both ask for what is printed: give one.`);
  if (format === 'classroom') return { stdout: 'classroom' };
  const stdout = values.json === true || format === 'json' ? 'json' : 'text';
  return { stdout, ...(format === 'exercism' || format === 'junit' ? { file: format } : {}) };
}

function wholeNumber(value: string | undefined, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < min || number > max)
    throw new UsageError(`${flag} takes a whole number from ${min} to ${max}.`);
  return number;
}

/** Writes a file the grading produced, creating its folder; a folder that cannot be written is the caller's mistake (exit 2). */
function writeOutput(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new CommandError(`Cannot write ${file}: ${(error as Error).message}`);
  }
}

/** Writes the formats that are files or GitHub outputs, for one learner; text and JSON are the caller's. */
function writeLearnerFormat(format: Output['file'] | 'classroom', learner: LearnerGrade, seed: number, out: string): void {
  if (format === 'exercism') {
    const file = join(out, 'results.json');
    writeOutput(file, `${JSON.stringify(exercismResults(learner), null, 2)}\n`);
    console.error(`Wrote ${file} (Exercism test-runner results, version 3).`);
  } else if (format === 'junit') {
    const file = join(out, 'junit.xml');
    writeOutput(file, junitXml(learner, seed));
    console.error(`Wrote ${file} (JUnit XML).`);
  } else if (format === 'classroom') {
    const line = classroomOutputLine(classroomResult(learner));
    // A workflow step's output: appended to $GITHUB_OUTPUT when there is one, and printed.
    if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${line}\n`);
    console.log(line);
  }
}

/**
 * Runs `grade` with a pool of sandbox members, closed whatever happens; a sandbox that
 * cannot start fails the command (exit 1). `size` is the pool's size unless --jobs says.
 */
async function withPool<T>(values: GradeValues, body: (pool: SandboxPool) => Promise<T>, size?: number): Promise<T> {
  const jobs = wholeNumber(values.jobs, '--jobs', 1, 64) ?? size;
  const pool = createSandboxPool({ memoryBudgetMb: memoryOf(values.memory), ...(jobs ? { size: jobs } : {}) });
  try {
    const result = await body(pool);
    if (pool.broken) throw new GraderFailure(pool.broken.message);
    return result;
  } finally {
    pool.close();
  }
}

async function gradeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, GRADE_OPTIONS, 2);
  const output = outputOf(values);
  const timeBudgetMs = budgetOf(values.budget);
  memoryOf(values.memory);
  wholeNumber(values.jobs, '--jobs', 1, 64);
  const seed = wholeNumber(values.seed, '--seed', 0, 0xffffffff) ?? randomSeed();
  try {
    if (values.assignment !== undefined) return await gradeAssignmentCommand(values, positionals, output, seed, timeBudgetMs);
    for (const flag of ['programs', 'learner'] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --assignment.`);
    return await gradeProgramCommand(values, positionals, output, seed, timeBudgetMs);
  } catch (error) {
    if (error instanceof UnknownExerciseError || error instanceof InputError) throw new CommandError(error.message);
    throw error;
  }
}

/** What the sandbox did, for the instructor (stderr): how many programs, and which workers it had to replace and why. */
function sandboxSummary(stats: PoolStats): string {
  const reasons = [...new Set(stats.retired.map((reason) => reason.slice(0, 160)))];
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    `Sandbox: ${count(stats.programs, 'program', 'programs')} run in ${count(stats.members, 'process', 'processes')}`,
    `${count(stats.retired.length, 'worker', 'workers')} replaced${reasons.length ? ` (${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? '; ...' : ''})` : ''}`,
    `${count(stats.reruns, 'program', 'programs')} run again in a fresh worker`,
    `${count(stats.lostMembers, 'process', 'processes')} lost`,
  ].join('; ');
}

/** `assoclab grade <exercise-id> <file>`: one program, one exercise. */
async function gradeProgramCommand(values: GradeValues, positionals: string[], output: Output, seed: number, timeBudgetMs: number): Promise<number> {
  const [exerciseId, file] = positionals;
  if (!exerciseId) throw new UsageError('Missing <exercise-id> (list them with `assoclab exercises`), or --assignment <assignment.json>.');
  const { exercise } = requireExercise(exerciseId);
  const points = wholeNumber(values.points, '--points', 1, 1000) ?? exercise.checks.length;
  const source = readProgram(file);
  const language = ['.ts', '.mts'].includes(extname(file!)) ? 'typescript' : 'javascript';
  // One member: starting a second costs more than the reference solution's run it would take.
  const grade = await withPool(
    values,
    (pool) =>
      gradeExercise({ exerciseId, points, source, language, file: file! }, pool.run, { seed, timeBudgetMs, referenceRunner: rememberingRunner(pool.run) }),
    1,
  );
  const report = grade.report!;
  const learner = learnerGrade({ name: basename(file!), file: file! }, [grade]);
  if (output.file) writeLearnerFormat(output.file, learner, seed, values.out ?? '.');
  if (output.stdout === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (output.stdout === 'text') console.log(programReport(report));
  else writeLearnerFormat('classroom', learner, seed, values.out ?? '.');
  return 0;
}

/** `assoclab grade --assignment <assignment.json> <submission.json | folder>` (or --programs <folder>). */
async function gradeAssignmentCommand(values: GradeValues, positionals: string[], output: Output, seed: number, timeBudgetMs: number): Promise<number> {
  if (values.points !== undefined) throw new UsageError('--points is for one program: an assignment gives each exercise its points.');
  if (values.learner !== undefined && values.programs === undefined) throw new UsageError('--learner goes with --programs.');
  const assignment = readAssignment(values.assignment!);
  const target = values.programs ?? positionals[0];
  if (values.programs !== undefined && positionals.length > 0)
    throw new UsageError(`Unexpected argument '${positionals[0]}': --programs names the learner's folder.`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument '${positionals[1]}'.`);
  if (!target) throw new UsageError('Missing <submission.json | folder> to grade.');
  const isFolder = values.programs === undefined && existsSync(target) && statSync(target).isDirectory();
  const oneLearnerOnly = output.stdout === 'classroom' ? 'classroom' : output.file === 'exercism' ? 'exercism' : undefined;
  if (isFolder && oneLearnerOnly) throw new UsageError(`--format ${oneLearnerOnly} reports on one learner: give one submission (or --programs), not a folder.`);
  let work: LearnerWork[];
  if (values.programs !== undefined) work = [readProgramsFolder(values.programs, assignment, values.learner ?? basename(resolve(values.programs)))];
  else if (isFolder) work = submissionFiles(target).map((file) => readSubmission(file, assignment));
  else {
    const single = readSubmission(target, assignment);
    if (single.problem) throw new InputError(single.problem);
    work = [single];
  }

  const progress = isFolder ? progressBar() : undefined;
  let stats: PoolStats | undefined;
  const learners = await withPool(values, (pool) => {
    stats = pool.stats;
    return gradeAssignment(assignment, work, pool.run, {
      seed,
      timeBudgetMs,
      referenceRunner: rememberingRunner(pool.run),
      ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
    });
  }).finally(() => progress?.done());

  if (!isFolder) {
    const learner = learners[0]!;
    if (output.file) writeLearnerFormat(output.file, learner, seed, values.out ?? '.');
    if (output.stdout === 'json') process.stdout.write(`${JSON.stringify(gradingSummary(assignment, learners, seed), null, 2)}\n`);
    else if (output.stdout === 'text') process.stdout.write(learnerReport(learner, assignment, seed));
    else writeLearnerFormat('classroom', learner, seed, values.out ?? '.');
    return 0;
  }

  const out = values.out ?? 'grades';
  writeOutput(join(out, 'gradebook.csv'), gradebookCsv(assignment, learners));
  learners.forEach((learner, index) => {
    const stem = work[index]!.stem;
    writeOutput(join(out, 'reports', `${stem}.txt`), learnerReport(learner, assignment, seed));
    if (output.file === 'junit') writeOutput(join(out, 'junit', `${stem}.xml`), junitXml(learner, seed));
  });
  for (const learner of learners) if (learner.problem) console.error(`assoclab: not graded: ${learner.problem}`);
  if (stats) console.error(sandboxSummary(stats));
  if (output.stdout === 'json') process.stdout.write(`${JSON.stringify(gradingSummary(assignment, learners, seed), null, 2)}\n`);
  else {
    const width = Math.max(7, ...learners.map((learner) => learner.name.length));
    console.log(`${assignment.title} (${assignment.id}): ${learners.length} submission${learners.length === 1 ? '' : 's'} graded, seed ${seed}`);
    for (const learner of learners)
      console.log(
        `  ${learner.name.padEnd(width)}  ${formatPoints(learner.total)}/${formatPoints(learner.max)}${learner.problem ? '  (not graded: see its report)' : ''}`,
      );
    console.log(`Gradebook: ${join(out, 'gradebook.csv')}; reports: ${join(out, 'reports')}${output.file === 'junit' ? `; JUnit: ${join(out, 'junit')}` : ''}`);
  }
  return 0;
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
    if (error instanceof GraderFailure) {
      console.error(`assoclab: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
