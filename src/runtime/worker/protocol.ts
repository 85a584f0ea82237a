/**
 * The messages between a page (or Node) and a runtime worker. Every request carries an
 * id and gets exactly one reply with the same id: a result, or an error as data.
 */
import type { RunResult } from '../../schemas/run-result';
import type { ProgramLanguage } from '../core/execute';

export interface RunRequest {
  type: 'run';
  id: string;
  source: string;
  language: ProgramLanguage;
  /** The run's time budget in ms; the worker ends a program still busy after it. */
  timeBudgetMs: number;
}

export type WorkerRequest = RunRequest;

/** Sent once, unprompted, when the worker has loaded sql.js and Sequelize. */
export interface ReadyMessage {
  type: 'ready';
  /** Milliseconds the worker took from its first line to ready. */
  startupMs: number;
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

export type WorkerMessage = ReadyMessage | RunReply | ErrorReply;
