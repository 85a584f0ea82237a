/**
 * The messages between a page (or Node) and a runtime worker. Every request carries an
 * id and gets exactly one reply with the same id: a result, or an error as data. A run
 * also streams its console output, as `output` messages with its id, before its reply.
 */
import type { ConsoleEntry, JsonValue, RunResult } from '../../schemas/run-result';
import type { ProgramLanguage } from '../core/execute';
import type { ProbeObservation, ProbeRequest } from '../../schemas/exercise';

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

/** Asks how much memory the runtime holds (the benchmark's leak check). */
export interface StatsRequest {
  type: 'stats';
  id: string;
}

/** Runs statements on raw sql.js, without Sequelize: the floor a run cannot go below. */
export interface ReplayRequest {
  type: 'replay';
  id: string;
  statements: { sql: string; bind: JsonValue[] }[];
}

export type WorkerRequest = RunRequest | CheckRequest | StatsRequest | ReplayRequest;

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

export interface RuntimeStats {
  /** JS heap in use by the runtime, when the engine tells (null in browsers without it). */
  jsHeapBytes: number | null;
  /** Bytes of WebAssembly memory sql.js holds. */
  wasmMemoryBytes: number | null;
}

export interface StatsReply {
  type: 'stats';
  id: string;
  stats: RuntimeStats;
}

export interface ReplayReply {
  type: 'replay';
  id: string;
  durationMs: number;
}

export type WorkerMessage = ReadyMessage | OutputMessage | RunReply | CheckReply | ErrorReply | StatsReply | ReplayReply;
