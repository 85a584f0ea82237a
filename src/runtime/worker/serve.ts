/**
 * The worker side of the protocol, shared by the browser worker and the Node worker
 * thread: answers every request with exactly one reply. The reply function is taken
 * before any learner code runs, so a program that replaces `postMessage` cannot forge
 * or alter replies.
 */
import { runProgram, type RuntimeHost } from '../core/execute';
import type { WorkerMessage, WorkerRequest } from './protocol';

export interface WorkerEndpoint {
  /** Sends one message to the page (bound before any program runs). */
  post(message: WorkerMessage): void;
  /** Registers the handler for requests from the page. */
  listen(handler: (request: WorkerRequest) => void): void;
}

export function serveRuntime(endpoint: WorkerEndpoint, host: RuntimeHost, startupMs: number): void {
  const post = endpoint.post;
  // Requests run one at a time: a run's database and timers are its own.
  let queue = Promise.resolve();
  endpoint.listen((request) => {
    queue = queue.then(async () => {
      if (request.type !== 'run') return;
      try {
        const result = await runProgram(request.source, host, { language: request.language, timeBudgetMs: request.timeBudgetMs });
        post({ type: 'result', id: request.id, result });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        post({ type: 'error', id: request.id, error: { name: e.name, message: e.message } });
      }
    });
  });
  post({ type: 'ready', startupMs });
}
