/**
 * The check engine's vocabulary: what a runner returns, what a verdict sees, what a
 * check reports. Plain data throughout, so results cross workers and processes.
 */
import type { JsonValue, RunResult } from '../schemas/run-result';
import type { CheckSpec, ProbeObservation, ProbeRequest, ProgramLanguageName } from '../schemas/exercise';

/** One check's verdict, in words a learner understands. */
export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** Why it passed or, more usefully, what to change. */
  message: string;
  /** On failure: what the check wanted. */
  expected?: string;
  /** On failure: what the program did instead. */
  found?: string;
  /**
   * The check could not be answered (the program stopped before the work it asks about):
   * it does not pass, yet it is not the learner's mistake either, so it is shown apart.
   */
  notJudged?: true;
}

/** "Run this program with these probes in a fresh runtime." */
export interface CheckRunRequest {
  source: string;
  language: ProgramLanguageName;
  timeBudgetMs: number;
  probes: ProbeRequest[];
  seed: number;
}

export interface CheckRunResponse {
  result: RunResult;
  observations: ProbeObservation[];
}

/**
 * Runs a program in a fresh runtime and returns what it did plus the probes' observations.
 * The browser's runner uses a fresh Web Worker, the grader a fresh worker thread, unit
 * tests may run in-process. The engine never cares which.
 */
export type ProgramRunner = (request: CheckRunRequest) => Promise<CheckRunResponse>;

/** Everything a verdict may look at: data only. */
export interface VerdictContext {
  /** The program's run, read before any probe ran: its SQL, rows and output are its own. */
  run: RunResult;
  observations: ReadonlyMap<string, ProbeObservation>;
  /** The same probes run against the reference solution with the same seed. */
  reference?: ReadonlyMap<string, ProbeObservation>;
  /** The exercise's checks, for a check that reads another's observation (`during`: the SQL of a request probe). */
  checks?: readonly CheckSpec[];
}

export type Verdict = Omit<CheckResult, 'id' | 'title'>;

export type { JsonValue };
