/**
 * One runtime per page, shared by every playground on it: a single worker with sql.js and
 * Sequelize, started when the first playground comes near the viewport.
 */
import { createRuntimeClient, type RuntimeClient } from '../../runtime/protocol/client';
import { startBrowserWorker } from '../../runtime/worker/launch';
import type { ProgramLanguage } from '../../runtime/core/execute';
import type { ConsoleEntry, RunResult } from '../../schemas/run-result';

let client: RuntimeClient | undefined;

/** The page's runtime client (created on first call; the worker starts on ready() or run()). */
export function getRuntime(): RuntimeClient {
  // A standby worker starts while a run lasts: if that run's worker has to be ended, the next Run does not wait for a new one.
  client ??= createRuntimeClient({ createWorker: startBrowserWorker, standby: true });
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
  void getRuntime()
    .ready()
    .catch(() => undefined);
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
