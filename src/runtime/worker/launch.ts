/**
 * Starts the browser's runtime worker (./browser-worker.ts): the one place the page names
 * it, so Vite emits one worker chunk, whoever asks (playground, Check, diagnostics). The
 * worker runs in the page's isolated runtime frame (./runtime-frame.ts), in a process of
 * its own. Not named after the worker: the page's tests tell the worker chunk's download
 * by its name.
 */
import type { WorkerLike } from '../protocol/client';
import { startIsolatedWorker } from './runtime-frame';

export function startBrowserWorker(): WorkerLike {
  return startIsolatedWorker();
}
