/**
 * One runtime per page, shared by every playground on it: a single worker with sql.js and
 * Sequelize, started when the first playground comes near the viewport.
 */
import { createRuntimeClient, type RuntimeClient } from '../../runtime/protocol/client';
import { startBrowserWorker } from '../../runtime/worker/launch';
import type { ProgramLanguage } from '../../runtime/core/execute';
import type { ConsoleEntry, RunResult } from '../../schemas/run-result';
import { noAppExchange, type AppExchange, type AppRequest } from '../../schemas/app-exchange';

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
/** The playground whose run left the app listening: the one runtime serves one app, for the page. */
let appOwner: object | undefined;

/**
 * Runs a program on the shared runtime. A run still in progress (from any playground) is
 * cancelled first; its promise resolves with a 'cancelled' error.
 */
export async function runProgram(
  source: string,
  language: ProgramLanguage,
  timeBudgetMs?: number,
  onConsole?: (entry: ConsoleEntry) => void,
  owner?: object,
): Promise<RunResult> {
  const runtime = getRuntime();
  started = true;
  // Any run ends the app a run before it left (the worker frees it).
  appOwner = undefined;
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
    const result = await current;
    if (inFlight === current && result.listening?.length) appOwner = owner;
    return result;
  } finally {
    if (inFlight === current) inFlight = undefined;
  }
}

/**
 * Sends a request to the app `owner`'s last run left listening. Another playground's run
 * since (or a check) ended that app: the answer says so rather than ask another app.
 */
export function sendRequest(owner: object, request: AppRequest): Promise<AppExchange> {
  if (appOwner !== owner || getRuntime().listeningPort === undefined) {
    return Promise.resolve(noAppExchange('another program ran on this page since, or the runtime was restarted'));
  }
  return getRuntime().request(request);
}

/** A playground's Reset: its app takes no more requests. */
export function forgetApp(owner: object): void {
  if (appOwner === owner) appOwner = undefined;
}
