/**
 * One runtime per page, shared by every playground on it: a single worker with sql.js and
 * Sequelize, started when the first playground comes near the viewport.
 */
import { createRuntimeClient, type RuntimeClient, type WorkerLike } from '../../runtime/worker/client';
import type { ProgramLanguage } from '../../runtime/core/execute';
import type { ConsoleEntry, RunResult } from '../../schemas/run-result';
import type { WorkerMessage } from '../../runtime/worker/protocol';

let client: RuntimeClient | undefined;

function createBrowserWorker(): WorkerLike {
  const worker = new Worker(new URL('../../runtime/worker/browser-worker.ts', import.meta.url), { type: 'module', name: 'assoclab-runtime' });
  // Adapts the DOM Worker to the client's narrow interface.
  const adapter: WorkerLike = {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    addEventListener(type: 'message' | 'error', listener: ((event: { data: WorkerMessage }) => void) | ((event: { message?: string }) => void)) {
      if (type === 'message') {
        const onMessage = listener as (event: { data: WorkerMessage }) => void;
        worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => onMessage({ data: event.data }));
      } else {
        const onError = listener as (event: { message?: string }) => void;
        worker.addEventListener('error', (event: ErrorEvent) => onError({ message: event.message }));
      }
    },
  };
  return adapter;
}

/** The page's runtime client (created on first call; the worker starts on ready() or run()). */
export function getRuntime(): RuntimeClient {
  client ??= createRuntimeClient({ createWorker: createBrowserWorker });
  return client;
}

let started = false;

/** True once something asked for the runtime (before that, 'loading' means "not started"). */
export function runtimeStarted(): boolean {
  return started;
}

/** Starts loading the runtime in the background. */
export function warmUpRuntime(): void {
  started = true;
  void getRuntime().ready().catch(() => undefined);
}

let inFlight: Promise<RunResult> | undefined;

/**
 * Runs a program on the shared runtime. A run still in progress (from any playground) is
 * cancelled first; its promise resolves with a 'cancelled' error.
 */
export async function runProgram(
  source: string,
  language: ProgramLanguage,
  timeBudgetMs?: number,
  onConsole?: (entry: ConsoleEntry) => void,
): Promise<RunResult> {
  const runtime = getRuntime();
  started = true;
  await runtime.ready();
  if (inFlight) {
    runtime.cancel();
    await inFlight;
    await runtime.ready();
  }
  const options = { language, onConsole, ...(timeBudgetMs === undefined ? {} : { timeBudgetMs }) };
  const current = runtime.run(source, options);
  inFlight = current;
  try {
    return await current;
  } finally {
    if (inFlight === current) inFlight = undefined;
  }
}
