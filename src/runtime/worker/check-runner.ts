/**
 * Runners for the check engine (src/checks/grade.ts):
 *
 * - createWorkerRunner(createWorker): every run in a FRESH runtime worker, ended with
 *   terminate() afterwards or when it overruns its budget. The browser passes a factory
 *   for its module Web Worker; Node passes one for a worker thread adapted to WorkerLike.
 *   Only plain data comes back (structured clone); the caller computes the verdicts.
 *
 * createInProcessRunner (trusted programs, unit tests) lives in ./in-process-runner: it
 * pulls in the whole runtime core, which must stay out of the page's main-thread bundle.
 *
 * checkInBrowser(exercise, source, createWorker) is the page's one-call entry point.
 */
import { failedRun, type RunError } from '../../schemas/run-result';
import type { Exercise } from '../../schemas/exercise';
import { gradeProgram, type GradeOptions, type GradeReport } from '../../checks/grade';
import type { CheckRunRequest, CheckRunResponse, ProgramRunner } from '../../checks/types';
import type { WorkerLike } from './client';

export interface WorkerRunnerOptions {
  /** How long past the program's budget to wait for the worker's answer, covering probes and startup (ms). Default 4000. */
  graceMs?: number;
}

function failed(error: RunError): CheckRunResponse {
  return { result: failedRun(error), observations: [] };
}

let counter = 0;

export function createWorkerRunner(createWorker: () => WorkerLike, options: WorkerRunnerOptions = {}): ProgramRunner {
  const grace = options.graceMs ?? 4_000;
  return (request: CheckRunRequest) =>
    new Promise<CheckRunResponse>((resolve) => {
      const id = `check-${++counter}-${Math.random().toString(36).slice(2)}`;
      let worker: WorkerLike | undefined;
      let done = false;
      const finish = (response: CheckRunResponse) => {
        if (done) return;
        done = true;
        clearTimeout(watchdog);
        worker?.terminate();
        resolve(response);
      };
      const watchdog = setTimeout(
        () =>
          finish(
            failed({
              kind: 'timeout',
              name: 'Timeout',
              message: `Stopped after ${(request.timeBudgetMs / 1000).toFixed(1)} s: the program was still running (an endless loop?).`,
              details: [],
            }),
          ),
        request.timeBudgetMs + grace,
      );
      try {
        worker = createWorker();
      } catch (error) {
        finish(failed({ kind: 'internal', name: 'RuntimeError', message: error instanceof Error ? error.message : 'The runtime could not start.', details: [] }));
        return;
      }
      const current = worker;
      current.addEventListener('message', (event) => {
        const message = event.data;
        if (message.type === 'ready') {
          current.postMessage({ type: 'check', id, source: request.source, language: request.language, timeBudgetMs: request.timeBudgetMs, probes: request.probes, seed: request.seed });
        } else if (message.type === 'check-result' && message.id === id) {
          finish({ result: message.result, observations: message.observations });
        } else if (message.type === 'error' && message.id === id) {
          finish(failed({ kind: 'internal', name: message.error.name, message: message.error.message, details: [] }));
        }
      });
      current.addEventListener('error', (event) => {
        finish(failed({ kind: 'internal', name: 'RuntimeError', message: event.message || 'The runtime failed.', details: [] }));
      });
    });
}

/**
 * Grades a learner's program in the browser: each run (the learner's and the reference
 * solution's) in a fresh worker from `createWorker`, verdicts computed on the page.
 */
export function checkInBrowser(exercise: Exercise, source: string, createWorker: () => WorkerLike, options: GradeOptions & WorkerRunnerOptions = {}): Promise<GradeReport> {
  return gradeProgram(exercise, source, createWorkerRunner(createWorker, options), options);
}
