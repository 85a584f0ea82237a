/**
 * The messages between a page (or Node) and a runtime worker. Every request carries an
 * id and gets exactly one reply with the same id: a result, or an error as data. A run
 * also streams its console output, as `output` messages with its id, before its reply.
 *
 * Only what the site and the grader need is here: the benchmark's own requests live in
 * bench/ and never reach the production worker.
 */
import type { ConsoleEntry, RunResult } from '../../schemas/run-result';
import type { ProgramLanguage } from '../core/execute';
import type { ProbeObservation, ProbeRequest } from '../../schemas/exercise';
import type { AppExchange, AppRequest } from '../../schemas/app-exchange';

export interface RunRequest {
  type: 'run';
  id: string;
  source: string;
  language: ProgramLanguage;
  /** The run's time budget in ms; the worker ends a program still busy after it. */
  timeBudgetMs: number;
}

/**
 * Runs a program for grading: like `run`, then runs the checks' probes against what the
 * program left behind. The reply carries plain data only; the page computes the verdicts.
 */
export interface CheckRequest {
  type: 'check';
  id: string;
  source: string;
  language: ProgramLanguage;
  timeBudgetMs: number;
  /** The probes to run after the program, in order. */
  probes: ProbeRequest[];
  /** Picked by the page per grading; the probes draw their hidden data from it. */
  seed: number;
}

/**
 * A request to the Express app a run left listening (its `listening` ports). `runId` is
 * that run's id: an app a later run replaced is not asked by mistake.
 */
export interface AppRequestMessage {
  type: 'request';
  id: string;
  runId: string;
  request: AppRequest;
}

/**
 * Warms a fresh worker up with the runtime's own program (../core/warm-up.ts), so that
 * the next request runs on compiled code. The one request without a reply: nothing waits
 * for it, and a request sent meanwhile simply runs after it.
 */
export interface WarmUpRequest {
  type: 'warm-up';
}

export type WorkerRequest = RunRequest | CheckRequest | AppRequestMessage | WarmUpRequest;

/** Sent once, unprompted, when the worker has loaded sql.js and Sequelize. */
export interface ReadyMessage {
  type: 'ready';
  /** Milliseconds the worker took from its first line to ready. */
  startupMs: number;
}

/**
 * A console entry of the run in progress, sent as the program prints it: a program that
 * then hangs is ended by terminating its worker, and what it printed before survives.
 */
export interface OutputMessage {
  type: 'output';
  id: string;
  entry: ConsoleEntry;
}

export interface RunReply {
  type: 'result';
  id: string;
  result: RunResult;
}

/** A failure of the runtime itself (not of the learner's program), as data. */
export interface ErrorReply {
  type: 'error';
  id: string;
  error: { name: string; message: string };
}

/** The answer to a CheckRequest. */
export interface CheckReply {
  type: 'check-result';
  id: string;
  result: RunResult;
  observations: ProbeObservation[];
}

/** The answer to an AppRequestMessage: the response, the SQL and output it caused, or why there is none. */
export interface AppReply {
  type: 'response';
  id: string;
  exchange: AppExchange;
}

/**
 * Sent after a reply when the worker holds much memory it cannot give back (sql.js's
 * memory never shrinks): the client gives the next request another worker.
 */
export interface RetireMessage {
  type: 'retire';
}

export type WorkerMessage = ReadyMessage | OutputMessage | RunReply | CheckReply | AppReply | ErrorReply | RetireMessage;
