/**
 * The one handle on a runtime worker, for the playground, the exercise UI and the Node
 * CLI/grader alike: runs programs, runs checks, reports the runtime's state, and keeps its
 * host safe from runaway programs. A watchdog ends a request that overruns its time budget
 * by terminating the worker and starting a fresh one; a new request or cancel()
 * supersedes the one in progress the same way.
 *
 * Every message from the worker is validated here, where it arrives (./reply.ts): the
 * worker runs learner code, so nothing it sends is read before it has the right shape.
 */
import { failedRun, type ConsoleEntry, type RunError, type RunResult } from '../../schemas/run-result';
import { DEFAULT_TIME_BUDGET_MS, timeoutError } from '../../schemas/time-budget';
import type { CheckRunRequest, CheckRunResponse } from '../../checks/types';
import type { ProgramLanguage } from '../core/execute';
import type { WorkerMessage, WorkerRequest } from './protocol';
import { loadReplyValidator, type ReplyValidator } from './reply';

/** The part of the Web Worker API the client uses (Node's worker threads are adapted to it). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerMessage }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

export type RuntimeStatus = 'loading' | 'ready' | 'running' | 'failed';

export interface RuntimeClientOptions {
  /** Starts a runtime worker; called again whenever a worker is replaced. */
  createWorker: () => WorkerLike;
  /** Default time budget of a run in ms (DEFAULT_TIME_BUDGET_MS). */
  timeBudgetMs?: number;
  /** How long past the budget the watchdog waits for the worker's own answer to a run (ms). */
  graceMs?: number;
  /** The same for a check, whose probes run after the program (ms, default 4000). */
  checkGraceMs?: number;
}

export interface RunRequestOptions {
  language?: ProgramLanguage;
  timeBudgetMs?: number;
  /** Called with each console entry as the program prints it, before the run ends. */
  onConsole?: (entry: ConsoleEntry) => void;
}

export interface RuntimeClient {
  readonly status: RuntimeStatus;
  /** Calls `listener` with every status change; returns the unsubscribe. */
  onStatus(listener: (status: RuntimeStatus) => void): () => void;
  /** Resolves once a worker is loaded and ready (starts one if none is). */
  ready(): Promise<void>;
  /** Milliseconds the current worker took to get ready, once it is. */
  readonly startupMs: number | undefined;
  /** Runs a program. A request still in progress is cancelled first. */
  run(source: string, options?: RunRequestOptions): Promise<RunResult>;
  /**
   * Runs a program and the checks' probes in a worker that has run nothing before, and
   * retires that worker afterwards: a checked program leaves nothing for the next request.
   * The reply is plain data; the caller computes the verdicts (src/checks/grade.ts).
   */
  check(request: CheckRunRequest): Promise<CheckRunResponse>;
  /** Ends the request in progress; its promise resolves with a 'cancelled' error. */
  cancel(): void;
  dispose(): void;
}

/** What a watchdog says when it had to terminate the worker. */
const STUCK = 'the program was still running (an endless loop?). The runtime was restarted; your code is untouched.';

interface Pending {
  id: string;
  /** The worker the request went to. */
  worker: WorkerLike | undefined;
  /** A check's worker is retired once it answers: its realm ran the checked program. */
  retireAfter: boolean;
  resolve(response: CheckRunResponse): void;
  watchdog: ReturnType<typeof setTimeout> | undefined;
  /** What the program printed so far: kept when the run is ended without its own reply. */
  printed: ConsoleEntry[];
  onConsole: ((entry: ConsoleEntry) => void) | undefined;
}

let nextId = 0;
function newRequestId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `req-${++nextId}-${random}`;
}

const failure = (error: RunError, printed: ConsoleEntry[] = []): CheckRunResponse => ({ result: failedRun(error, printed), observations: [] });
const internal = (name: string, message: string): RunError => ({ kind: 'internal', name, message, details: [] });
const cancelledError = (): RunError => ({ kind: 'cancelled', name: 'Cancelled', message: 'The run was cancelled.', details: [] });

export function createRuntimeClient(options: RuntimeClientOptions): RuntimeClient {
  const budgetDefault = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const listeners = new Set<(status: RuntimeStatus) => void>();
  let status: RuntimeStatus = 'loading';
  let worker: WorkerLike | undefined;
  let readyPromise: Promise<void> | undefined;
  let startupMs: number | undefined;
  let pending: Pending | undefined;
  let validate: ReplyValidator | undefined;
  let workerReady = false;
  /** Whether the current worker has been given a request: a check wants one that has not. */
  let workerUsed = false;
  let disposed = false;
  /** Counts requests, so one superseded while it waited for the worker knows it. */
  let latest = 0;

  const setStatus = (next: RuntimeStatus) => {
    if (status === next) return;
    status = next;
    for (const listener of listeners) listener(next);
  };

  const settle = (id: string, response: CheckRunResponse) => {
    if (!pending || pending.id !== id) return; // a stale or forged reply: ignore it
    const { resolve, watchdog, retireAfter } = pending;
    const answered = pending.worker;
    pending = undefined;
    if (watchdog) clearTimeout(watchdog);
    if (retireAfter && worker === answered) retireWorker();
    setStatus(workerReady ? 'ready' : 'loading');
    resolve(response);
  };

  /** Ends the current worker (whatever it is doing); the next ready() starts a fresh one. */
  const retireWorker = () => {
    worker?.terminate();
    worker = undefined;
    readyPromise = undefined;
    workerReady = false;
    // Keeping a fresh worker ready in advance (a warm Check) would start one here.
  };

  /** Ends the current worker and starts a fresh one at once (the playground wants it soon). */
  const replaceWorker = () => {
    retireWorker();
    if (!disposed) void start().catch(() => undefined);
  };

  const endPending = (error: RunError) => {
    if (!pending) return;
    const { id, printed } = pending;
    replaceWorker();
    settle(id, failure(error, printed));
  };

  const onMessage = (raw: unknown, resolveReady: () => void) => {
    const checked = validate!(raw);
    if (!checked.ok) {
      // A worker that says something malformed cannot be trusted with the next request either.
      if (pending) endPending(internal('RuntimeError', `The runtime sent a malformed reply (${checked.problem}).`));
      return;
    }
    const message = checked.message;
    if (message.type === 'ready') {
      startupMs = message.startupMs;
      workerReady = true;
      if (!pending) setStatus('ready');
      resolveReady();
    } else if (message.type === 'output') {
      if (pending?.id === message.id) {
        pending.printed.push(message.entry);
        pending.onConsole?.(message.entry);
      }
    } else if (message.type === 'result') {
      settle(message.id, { result: message.result, observations: [] });
    } else if (message.type === 'check-result') {
      settle(message.id, { result: message.result, observations: message.observations });
    } else {
      settle(message.id, failure(internal(message.error.name, message.error.message)));
    }
  };

  const start = (): Promise<void> => {
    setStatus('loading');
    const current = options.createWorker();
    worker = current;
    workerReady = false;
    workerUsed = false;
    startupMs = undefined;
    // The validator (Zod) loads while the worker starts, so it costs the page's first script nothing.
    const validator = loadReplyValidator().then((loaded) => void (validate = loaded));
    const started = new Promise<void>((resolve, reject) => {
      current.addEventListener('message', (event) => {
        if (worker !== current) return;
        // Messages wait for the validator; 'ready' is the first, and it is tiny.
        if (validate) onMessage(event.data, resolve);
        else void validator.then(() => worker === current && onMessage(event.data, resolve));
      });
      current.addEventListener('error', (event) => {
        if (worker !== current) return;
        setStatus('failed');
        const message = event.message || 'The runtime could not start.';
        if (pending) settle(pending.id, failure(internal('RuntimeError', message)));
        reject(new Error(message));
      });
    });
    readyPromise = Promise.all([started, validator]).then(() => undefined);
    return readyPromise;
  };

  const ready = () => readyPromise ?? start();

  /** Sends one request and resolves with its reply, or with what the watchdog decided. */
  const request = async (
    make: (id: string) => WorkerRequest,
    budget: number,
    grace: number,
    onConsole: ((entry: ConsoleEntry) => void) | undefined,
    freshWorker: boolean,
  ): Promise<CheckRunResponse> => {
    const ticket = ++latest;
    if (pending) endPending(cancelledError());
    if (freshWorker && workerUsed) retireWorker();
    await ready();
    // Another request started while this one waited: that one wins.
    if (ticket !== latest || disposed) return failure(cancelledError());
    const id = newRequestId();
    const response = new Promise<CheckRunResponse>((resolve) => {
      pending = {
        id,
        worker,
        retireAfter: freshWorker,
        resolve,
        printed: [],
        onConsole,
        // The worker ends slow asynchronous programs itself; one stuck in a synchronous
        // loop never answers, and only terminating its worker stops it.
        watchdog: setTimeout(() => endPending(timeoutError(budget, STUCK)), budget + grace),
      };
    });
    setStatus('running');
    workerUsed = true;
    worker?.postMessage(make(id));
    return response;
  };

  const client: RuntimeClient = {
    get status() {
      return status;
    },
    get startupMs() {
      return startupMs;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    ready,
    async run(source, runOptions = {}) {
      const budget = runOptions.timeBudgetMs ?? budgetDefault;
      const language = runOptions.language ?? 'javascript';
      const response = await request(
        (id) => ({ type: 'run', id, source, language, timeBudgetMs: budget }),
        budget,
        options.graceMs ?? 1_000,
        runOptions.onConsole,
        false,
      );
      return response.result;
    },
    async check(check) {
      const { source, language, timeBudgetMs, probes, seed } = check;
      return request(
        (id) => ({ type: 'check', id, source, language, timeBudgetMs, probes, seed }),
        timeBudgetMs,
        options.checkGraceMs ?? 4_000,
        undefined,
        true,
      );
    },
    cancel() {
      latest++;
      if (pending) endPending(cancelledError());
    },
    dispose() {
      disposed = true;
      client.cancel();
      worker?.terminate();
      worker = undefined;
      listeners.clear();
    },
  };
  return client;
}
