/**
 * The page's handle on the runtime worker: runs programs, reports the runtime's state,
 * and keeps the page safe from runaway programs. A watchdog ends a run that overruns its
 * time budget by terminating the worker and starting a fresh one; a new run or cancel()
 * supersedes the one in progress the same way.
 */
import { failedRun, type ConsoleEntry, type RunError, type RunResult } from '../../schemas/run-result';
import type { ProgramLanguage } from '../core/execute';
import type { ReplayRequest, RuntimeStats, WorkerMessage, WorkerRequest } from './protocol';

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
  /** Default time budget of a run in ms (5000). */
  timeBudgetMs?: number;
  /** How long past the budget the watchdog waits for the worker's own answer (ms). */
  graceMs?: number;
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
  /** Runs a program. A run still in progress is cancelled first. */
  run(source: string, options?: RunRequestOptions): Promise<RunResult>;
  /** Ends the run in progress; its promise resolves with a 'cancelled' error. */
  cancel(): void;
  /** How much memory the worker holds (for the benchmark). */
  stats(): Promise<RuntimeStats>;
  /** Runs statements on raw sql.js in the worker and returns the time taken (ms). */
  replay(statements: ReplayRequest['statements']): Promise<number>;
  dispose(): void;
}

export const DEFAULT_BUDGET_MS = 5_000;

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

interface PendingRun {
  id: string;
  resolve(result: RunResult): void;
  watchdog: ReturnType<typeof setTimeout> | undefined;
  /** What the program printed so far: kept when the run is ended without its own reply. */
  printed: ConsoleEntry[];
  onConsole: ((entry: ConsoleEntry) => void) | undefined;
}

let nextId = 0;
function newRequestId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `run-${++nextId}-${random}`;
}

export function createRuntimeClient(options: RuntimeClientOptions): RuntimeClient {
  const budgetDefault = options.timeBudgetMs ?? DEFAULT_BUDGET_MS;
  const grace = options.graceMs ?? 1_000;
  const listeners = new Set<(status: RuntimeStatus) => void>();
  let status: RuntimeStatus = 'loading';
  let worker: WorkerLike | undefined;
  let readyPromise: Promise<void> | undefined;
  let startupMs: number | undefined;
  let pending: PendingRun | undefined;
  /** Quick requests (stats, replay) answered without a watchdog. */
  const auxiliary = new Map<string, (message: WorkerMessage) => void>();
  let workerReady = false;
  let disposed = false;
  /** Counts run() calls, so a run superseded while it waited for the worker knows it. */
  let latestRun = 0;
  const cancelled = (): RunResult => failedRun({ kind: 'cancelled', name: 'Cancelled', message: 'The run was cancelled.', details: [] });

  const setStatus = (next: RuntimeStatus) => {
    if (status === next) return;
    status = next;
    for (const listener of listeners) listener(next);
  };

  const settle = (id: string, result: RunResult) => {
    if (!pending || pending.id !== id) return; // a stale or forged reply: ignore it
    const { resolve, watchdog } = pending;
    pending = undefined;
    if (watchdog) clearTimeout(watchdog);
    setStatus(workerReady ? 'ready' : 'loading');
    resolve(result);
  };

  const start = (): Promise<void> => {
    setStatus('loading');
    const current = options.createWorker();
    worker = current;
    workerReady = false;
    startupMs = undefined;
    readyPromise = new Promise<void>((resolve, reject) => {
      current.addEventListener('message', (event) => {
        if (worker !== current) return;
        const message = event.data;
        if (message.type === 'ready') {
          startupMs = message.startupMs;
          workerReady = true;
          if (!pending) setStatus('ready');
          resolve();
        } else if ((message.type === 'stats' || message.type === 'replay') && auxiliary.has(message.id)) {
          auxiliary.get(message.id)?.(message);
          auxiliary.delete(message.id);
        } else if (message.type === 'output') {
          if (pending?.id === message.id) {
            pending.printed.push(message.entry);
            pending.onConsole?.(message.entry);
          }
        } else if (message.type === 'result') {
          settle(message.id, message.result);
        } else if (message.type === 'error') {
          settle(message.id, failedRun({ kind: 'internal', name: message.error.name, message: message.error.message, details: [] }));
        }
      });
      current.addEventListener('error', (event) => {
        if (worker !== current) return;
        setStatus('failed');
        const message = event.message || 'The runtime could not start.';
        if (pending) settle(pending.id, failedRun({ kind: 'internal', name: 'RuntimeError', message, details: [] }));
        reject(new Error(message));
      });
    });
    return readyPromise;
  };

  /** Ends the current worker (whatever it is doing) and starts a fresh one. */
  const replaceWorker = () => {
    worker?.terminate();
    worker = undefined;
    if (!disposed) void start().catch(() => undefined);
  };

  const endPending = (error: RunError) => {
    if (!pending) return;
    const { id, printed } = pending;
    replaceWorker();
    settle(id, failedRun(error, printed));
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
    ready() {
      return readyPromise ?? start();
    },
    async run(source, runOptions = {}) {
      const ticket = ++latestRun;
      if (pending) endPending(cancelled().error!);
      await client.ready();
      // Another run() started while this one waited: that one wins.
      if (ticket !== latestRun || disposed) return cancelled();
      const budget = runOptions.timeBudgetMs ?? budgetDefault;
      const id = newRequestId();
      const result = new Promise<RunResult>((resolve) => {
        pending = {
          id,
          resolve,
          printed: [],
          onConsole: runOptions.onConsole,
          // The worker ends slow asynchronous programs itself; one stuck in a synchronous
          // loop never answers, and only terminating its worker stops it.
          watchdog: setTimeout(() => {
            endPending({
              kind: 'timeout',
              name: 'Timeout',
              message: `Stopped after ${formatSeconds(budget)}: the program was still running (an endless loop?). The runtime was restarted; your code is untouched.`,
              details: [],
            });
          }, budget + grace),
        };
      });
      setStatus('running');
      worker?.postMessage({ type: 'run', id, source, language: runOptions.language ?? 'javascript', timeBudgetMs: budget });
      return result;
    },
    async stats() {
      await client.ready();
      const id = newRequestId();
      return new Promise<RuntimeStats>((resolve) => {
        auxiliary.set(id, (message) => message.type === 'stats' && resolve(message.stats));
        worker?.postMessage({ type: 'stats', id });
      });
    },
    async replay(statements) {
      await client.ready();
      const id = newRequestId();
      return new Promise<number>((resolve) => {
        auxiliary.set(id, (message) => message.type === 'replay' && resolve(message.durationMs));
        worker?.postMessage({ type: 'replay', id, statements });
      });
    },
    cancel() {
      latestRun++;
      if (pending) endPending(cancelled().error!);
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
