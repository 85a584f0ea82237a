/**
 * Starts the browser's runtime worker (./browser-worker.ts): the one place the page names
 * it, so Vite emits one worker chunk, whoever asks (playground, Check, diagnostics). A DOM
 * Worker already has the shape the protocol client wants (WorkerLike). Not named after the
 * worker: the page's tests tell the worker chunk's download by its name.
 */
import type { WorkerLike } from '../protocol/client';

export function startBrowserWorker(): WorkerLike {
  return new Worker(new URL('./browser-worker.ts', import.meta.url), { type: 'module', name: 'assoclab-runtime' });
}
