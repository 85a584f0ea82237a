/**
 * The runtime client for Node, over worker threads: the browser's client (with its
 * watchdog, cancellation and reply validation) driving the same worker protocol.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProgramRunner } from '../../checks/types';
import { createCheckRunner } from '../protocol/check-runner';
import { createRuntimeClient, type RuntimeClient, type RuntimeClientOptions, type WorkerExitReason, type WorkerLike } from '../protocol/client';
import { MEMORY_BUDGET_MB } from '../../schemas/memory-budget';
import type { WorkerMessage } from '../protocol/protocol';

/** The bundled worker thread script (built by scripts/build-cli.mjs into dist-cli/). */
export function defaultWorkerFile(): string {
  const here = import.meta.url;
  // Bundled, the worker sits beside this code; run from source (tests), it is in dist-cli.
  const candidates = [new URL('./runtime-worker.mjs', here), new URL('../../../dist-cli/runtime-worker.mjs', here)];
  const found = candidates.map((url) => fileURLToPath(url)).find((file) => existsSync(file));
  if (!found) throw new Error('The runtime worker is not built: run `npm run build:cli` first.');
  return found;
}

/**
 * The one adapter from a Node worker thread to the Web Worker shape the client drives. A
 * thread that reaches its heap limit (resourceLimits) is ended by Node with
 * ERR_WORKER_OUT_OF_MEMORY: that is the client's `exit` event, not an `error`, and so is a
 * thread that ends when nobody asked it to.
 */
export function adaptWorkerThread(worker: Worker): WorkerLike {
  let ending = false;
  const exitListeners: ((event: { reason: WorkerExitReason }) => void)[] = [];
  const errorListeners: ((event: { message?: string }) => void)[] = [];
  const exited = (reason: WorkerExitReason) => {
    if (ending) return;
    ending = true;
    for (const listener of exitListeners) listener({ reason });
  };
  worker.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') exited('out-of-memory');
    else for (const listener of errorListeners) listener({ message: error.message });
  });
  worker.on('exit', () => exited('crashed'));
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => {
      ending = true;
      void worker.terminate();
    },
    addEventListener(type: 'message' | 'error' | 'exit', listener: (event: never) => void) {
      if (type === 'message') worker.on('message', (data: WorkerMessage) => (listener as (event: { data: WorkerMessage }) => void)({ data }));
      else if (type === 'error') errorListeners.push(listener as (event: { message?: string }) => void);
      else exitListeners.push(listener as (event: { reason: WorkerExitReason }) => void);
    },
  } as WorkerLike;
}

export interface NodeRuntimeClientOptions extends Partial<RuntimeClientOptions> {
  /** The worker thread script (default: the built dist-cli/runtime-worker.mjs). */
  workerFile?: string;
  /** The memory budget of the worker threads, in MB (MEMORY_BUDGET_MB): their heap limit and the runtime's. */
  memoryBudgetMb?: number;
  /** Extra Node flags for the worker thread (per-thread flags only: V8 flags are process-wide). */
  execArgv?: string[];
}

/**
 * Starts runtime worker threads that look like Web Workers to the shared client code. Each
 * thread's JavaScript heap is limited to the memory budget: a program over it ends its
 * thread, not the CLI.
 */
export function workerThreadFactory(options: Pick<NodeRuntimeClientOptions, 'workerFile' | 'execArgv' | 'memoryBudgetMb'> = {}): () => WorkerLike {
  const workerFile = options.workerFile ?? defaultWorkerFile();
  const memoryBudgetMb = options.memoryBudgetMb ?? MEMORY_BUDGET_MB;
  return () => {
    const worker = new Worker(workerFile, {
      ...(options.execArgv ? { execArgv: options.execArgv } : {}),
      workerData: { memoryBudgetMb },
      resourceLimits: { maxOldGenerationSizeMb: memoryBudgetMb },
    });
    // A worker must not keep the CLI alive after its work is done.
    worker.unref();
    return adaptWorkerThread(worker);
  };
}

export function createNodeRuntimeClient(options: NodeRuntimeClientOptions = {}): RuntimeClient {
  // A caller's own factory (the bench's, wrapping these threads) wins over the default.
  return createRuntimeClient({ ...options, createWorker: options.createWorker ?? workerThreadFactory(options) });
}

/** The grader's runner: each program a grading runs in a fresh worker thread, through the one client. */
export function createNodeCheckRunner(options: NodeRuntimeClientOptions = {}): ProgramRunner {
  return createCheckRunner({ ...options, createWorker: options.createWorker ?? workerThreadFactory(options) });
}
