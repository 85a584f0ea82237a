/**
 * The grading engine: runs a learner's program (and, when a check needs it, the reference
 * solution with the same hidden seed) through a ProgramRunner, then computes every verdict
 * here, from plain data, outside the runtime the programs ran in.
 */
import type { Exercise, ProbeObservation, ProbeRequest, ProgramLanguageName } from '../schemas/exercise';
import { runtimeFailure, type RunResult } from '../schemas/run-result';
import { DEFAULT_TIME_BUDGET_MS } from '../schemas/time-budget';
import type { CheckResult, CheckRunRequest, CheckRunResponse, ProgramRunner, VerdictContext } from './types';
import { judge } from './verdicts';

export interface GradeOptions {
  /** The hidden seed for the probes' data; random when left out. */
  seed?: number;
  language?: ProgramLanguageName;
  /** The program's time budget (ms); default DEFAULT_TIME_BUDGET_MS. */
  timeBudgetMs?: number;
  /**
   * Runs the reference solution; `runner` when left out. A page passes one that remembers
   * its answers (the same solution with the same seed answers the same), so a second Check
   * runs only the learner's program.
   */
  referenceRunner?: ProgramRunner;
}

export interface GradeReport {
  exerciseId: string;
  /** True when every check passed. */
  passed: boolean;
  checks: CheckResult[];
  /** The learner program's run, for showing console, SQL and errors beside the verdicts. */
  run: RunResult;
  seed: number;
}

export function randomSeed(): number {
  const crypto = globalThis.crypto;
  if (crypto?.getRandomValues) return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
  return Math.floor(Math.random() * 0xffffffff);
}

export function probesOf(exercise: Exercise): ProbeRequest[] {
  return exercise.checks.flatMap((check) => (check.kind === 'probe' ? [{ id: check.id, spec: check.probe }] : []));
}

/**
 * Runs through the runner and never throws: a runner failure becomes a failed run. The
 * response's shape is the runner's promise: the worker-backed one validates every reply
 * where it arrives (src/runtime/protocol/client.ts).
 */
async function safeRun(runner: ProgramRunner, ...args: Parameters<ProgramRunner>): Promise<CheckRunResponse> {
  try {
    return await runner(...args);
  } catch (error) {
    return { result: runtimeFailure(error instanceof Error ? error.message : 'The runtime failed.'), observations: [] };
  }
}

function byId(observations: readonly ProbeObservation[]): Map<string, ProbeObservation> {
  const map = new Map<string, ProbeObservation>();
  // The first observation per id wins: later (forged) duplicates cannot override it.
  for (const observation of observations)
    if (observation && typeof observation.id === 'string' && !map.has(observation.id)) map.set(observation.id, observation);
  return map;
}

/** What a grading asks the runner to run for `source` (the learner's program or the solution). */
export function checkRequest(exercise: Exercise, source: string, seed: number, options: Pick<GradeOptions, 'language' | 'timeBudgetMs'> = {}): CheckRunRequest {
  return {
    source,
    language: options.language ?? 'javascript',
    timeBudgetMs: options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS,
    probes: probesOf(exercise),
    seed,
  };
}

/** Grades `source` against `exercise`. */
export async function gradeProgram(exercise: Exercise, source: string, runner: ProgramRunner, options: GradeOptions = {}): Promise<GradeReport> {
  const seed = options.seed ?? randomSeed();
  const [learner, reference] = await Promise.all([
    safeRun(runner, checkRequest(exercise, source, seed, options)),
    probesOf(exercise).length
      ? safeRun(options.referenceRunner ?? runner, checkRequest(exercise, exercise.solution, seed, options))
      : Promise.resolve(undefined),
  ]);
  const context: VerdictContext = {
    run: learner.result,
    observations: byId(learner.observations),
    ...(reference ? { reference: byId(reference.observations) } : {}),
    checks: exercise.checks,
  };
  const checks = exercise.checks.map((check) => judge(check, context));
  return { exerciseId: exercise.id, passed: checks.every((check) => check.passed), checks, run: learner.result, seed };
}
