/**
 * A FRESH runtime worker for every program a check runs (the learner's and the reference
 * solution's), adapted to the check runner's narrow WorkerLike interface. The page's shared
 * playground runtime is not used: a check must not see state left by earlier runs.
 */
import type { WorkerLike } from '../../runtime/worker/client';
import type { WorkerMessage } from '../../runtime/worker/protocol';

export function createCheckWorker(): WorkerLike {
  const worker = new Worker(new URL('../../runtime/worker/browser-worker.ts', import.meta.url), { type: 'module', name: 'assoclab-check' });
  const messageListeners: ((event: { data: WorkerMessage }) => void)[] = [];
  const errorListeners: ((event: { message?: string }) => void)[] = [];
  worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    for (const listener of messageListeners) listener({ data: event.data });
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    for (const listener of errorListeners) listener({ message: event.message });
  });
  function addEventListener(type: 'message', listener: (event: { data: WorkerMessage }) => void): void;
  function addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  function addEventListener(type: 'message' | 'error', listener: ((event: { data: WorkerMessage }) => void) | ((event: { message?: string }) => void)): void {
    if (type === 'message') messageListeners.push(listener as (event: { data: WorkerMessage }) => void);
    else errorListeners.push(listener as (event: { message?: string }) => void);
  }
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    addEventListener,
  };
}
