/**
 * The worker side of the protocol, shared by the browser worker and the Node worker
 * thread: answers every request with exactly one reply. The reply function is taken
 * before any learner code runs, so a program that replaces `postMessage` cannot forge
 * or alter replies.
 */
import { runProgram, type RuntimeHost } from '../core/execute';
import { warmUp } from '../core/warm-up';
import type { LiveApp } from '../core/live-app';
import { noAppExchange } from '../../schemas/app-exchange';
import { runProbes } from '../../checks/probe';
import type { ProbeObservation } from '../../schemas/exercise';
import type { RunResult } from '../../schemas/run-result';
import type { CheckRequest, WorkerMessage, WorkerRequest } from './protocol';

/** Runs a program, then the checks' probes against what it left behind (also used in-process by tests). */
export async function runWithProbes(
  host: RuntimeHost,
  request: Pick<CheckRequest, 'source' | 'language' | 'timeBudgetMs' | 'probes' | 'seed'>,
): Promise<{ result: RunResult; observations: ProbeObservation[] }> {
  let observations: ProbeObservation[] = [];
  const result = await runProgram(request.source, host, {
    language: request.language,
    timeBudgetMs: request.timeBudgetMs,
    afterRun: async (outcome) => {
      observations = await runProbes(request.probes, outcome, request.seed);
    },
  });
  // A program that never got to run (a syntax error) leaves nothing to probe.
  const seen = new Set(observations.map((observation) => observation.id));
  for (const probe of request.probes) {
    if (!seen.has(probe.id)) observations.push({ id: probe.id, status: 'unavailable', error: 'the program did not run' });
  }
  return { result, observations };
}

/**
 * How a worker talks to its page. Generic over the message types so the benchmark's worker
 * can put its own requests in front of serveRuntime (bench/bench-requests.ts) without
 * the production protocol knowing them.
 */
export interface WorkerEndpoint<Request = WorkerRequest, Message = WorkerMessage> {
  /** Sends one message to the page (bound before any program runs). */
  post(message: Message): void;
  /** Registers the handler for requests from the page. */
  listen(handler: (request: Request) => void): void;
}

/** A worker whose sql.js memory grew past this (it never shrinks) asks to be retired after its reply. */
export const RETIRE_ABOVE_BYTES = 128 * 1024 * 1024;

export function serveRuntime(endpoint: WorkerEndpoint, host: RuntimeHost, startupMs: number): void {
  const post = endpoint.post;
  // Requests run one at a time: a run's database and timers are its own.
  let queue = Promise.resolve();
  // The app the last run left listening, until the next run or check frees it.
  let live: { runId: string; app: LiveApp } | undefined;
  endpoint.listen((request) => {
    queue = queue.then(async () => {
      // No reply, and no app to end: the client sends it only to a worker that has run nothing.
      if (request.type === 'warm-up') return warmUp(host);
      try {
        if (request.type === 'request') {
          const exchange = live?.runId === request.runId ? await live.app.request(request.request) : noAppExchange();
          post({ type: 'response', id: request.id, exchange });
          return;
        }
        live?.app.close();
        live = undefined;
        if (request.type === 'check') {
          const { result, observations } = await runWithProbes(host, request);
          post({ type: 'check-result', id: request.id, result, observations });
          return;
        }
        const result = await runProgram(request.source, host, {
          language: request.language,
          timeBudgetMs: request.timeBudgetMs,
          onConsoleEntry: (entry) => post({ type: 'output', id: request.id, entry }),
          onListening: (app) => (live = { runId: request.id, app }),
        });
        post({ type: 'result', id: request.id, result });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        post({ type: 'error', id: request.id, error: { name: e.name, message: e.message } });
      }
      if ((host.sqlMemoryBytes?.() ?? 0) > RETIRE_ABOVE_BYTES) post({ type: 'retire' });
    });
  });
  post({ type: 'ready', startupMs });
}
