/**
 * A member of the grader's pool: a process started under Node's permission model
 * (./flags.ts) that runs the programs the grader sends it, one at a time, in a worker
 * thread it keeps warm (./worker.ts). No learner code runs on this thread: it only starts,
 * watches and replaces its worker, and passes plain data on.
 *
 * It replaces the worker when the worker says it is no longer clean, when a program runs
 * past its time budget without the worker answering (the watchdog), when the worker ends
 * by itself (over its heap limit) and when this process's memory grows past its cap
 * (ArrayBuffers a program makes through a built-in are outside the worker's heap limit).
 * An answer that came that way from a worker that had run other programs before is not
 * trusted: the program is run again in a fresh worker, and that answer stands. What the
 * worker answers is passed on as data; the grader checks its shape (../pool.ts).
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { CheckRunRequest, CheckRunResponse } from '../../checks/types';
import { MEMORY_BUDGET_MB, memoryError, RESTARTED } from '../../schemas/memory-budget';
import { failedRun, type RunError } from '../../schemas/run-result';
import { timeoutError } from '../../schemas/time-budget';
import type { MemberMessage, MemberRequest, SandboxWorkerMessage, WorkerReport } from './protocol';
import { OUT_OF_MEMORY, STUCK } from '../../runtime/protocol/stop-messages';

export interface MemberConfig {
  /** The built sandbox worker (dist-cli/sandbox-worker.mjs). */
  workerFile: string;
  memoryBudgetMb?: number;
  /** How long past a program's time budget the watchdog waits for its worker's answer (ms). */
  graceMs?: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as MemberConfig;
const memoryBudgetMb = config.memoryBudgetMb ?? MEMORY_BUDGET_MB;
const graceMs = config.graceMs ?? 4_000;
/** This process's resident memory may reach this: the worker's heap, sql.js's memory, and the runtime's own, with room. */
const RSS_CAP_BYTES = (memoryBudgetMb * 3 + 256) * 1024 * 1024;
/** How long a clean worker may take to say so after its answer. */
const STATE_TIMEOUT_MS = 10_000;

const send = (message: MemberMessage) => process.send?.(message);

const internal = (message: string): RunError => ({ kind: 'internal', name: 'RuntimeError', message, details: [] });
const failure = (error: RunError): CheckRunResponse => ({ result: failedRun(error, []), observations: [] });

type Event = { kind: 'message'; message: SandboxWorkerMessage } | { kind: 'ended'; outOfMemory: boolean; message: string };

/** One worker thread and what the member knows of it. */
interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** Whether it has been given a program. */
  used: boolean;
  ended: boolean;
  /** The listener of the request in progress. */
  listener?: (event: Event) => void;
}

function startWorker(): Slot {
  const worker = new Worker(config.workerFile, { workerData: { memoryBudgetMb }, resourceLimits: { maxOldGenerationSizeMb: memoryBudgetMb } });
  let resolveReady!: () => void;
  let rejectReady!: (error: Error) => void;
  const slot: Slot = {
    worker,
    used: false,
    ended: false,
    ready: new Promise<void>((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    }),
  };
  slot.ready.catch(() => undefined);
  worker.on('message', (message: SandboxWorkerMessage) => {
    if (message?.type === 'ready') resolveReady();
    else slot.listener?.({ kind: 'message', message });
  });
  let lastError: (Error & { code?: string }) | undefined;
  worker.on('error', (error: Error & { code?: string }) => {
    lastError = error;
  });
  worker.on('exit', () => {
    slot.ended = true;
    rejectReady(new Error(`The sandbox worker could not start: ${lastError?.message ?? 'it ended'}.`));
    slot.listener?.({ kind: 'ended', outOfMemory: lastError?.code === 'ERR_WORKER_OUT_OF_MEMORY', message: lastError?.message ?? 'it ended' });
  });
  return slot;
}

let current: Slot | undefined;

function retire(slot: Slot): void {
  if (current === slot) current = undefined;
  slot.listener = undefined;
  void slot.worker.terminate();
  // The next program finds its worker loaded.
  if (!current) current = startWorker();
}

async function readyWorker(): Promise<Slot> {
  for (let attempt = 0; ; attempt++) {
    current ??= startWorker();
    const slot = current;
    try {
      await slot.ready;
      return slot;
    } catch (error) {
      if (current === slot) current = undefined;
      if (attempt >= 2) throw error;
    }
  }
}

type Outcome =
  /** An answer to trust, and whether the worker may take another program. */
  | { kind: 'answer'; response: CheckRunResponse; retire?: string; checkMs?: number }
  /** No trustworthy answer: the worker was ended (by the watchdog, or over its memory). */
  | { kind: 'stopped'; response: CheckRunResponse; why: string };

/** Runs one request in `slot` and settles how it went. */
function runIn(slot: Slot, request: CheckRunRequest): Promise<Outcome> {
  const id = `${randomUUID()}`;
  return new Promise<Outcome>((resolve) => {
    let answer: CheckRunResponse | undefined;
    let settled = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      slot.listener = undefined;
      for (const timer of timers) clearTimeout(timer);
      clearInterval(memoryWatch);
      resolve(outcome);
    };
    const stop = (response: CheckRunResponse, why: string) => finish({ kind: 'stopped', response, why });
    slot.listener = (event) => {
      if (event.kind === 'ended') {
        const error = event.outOfMemory
          ? memoryError(memoryBudgetMb, OUT_OF_MEMORY)
          : internal(`The runtime stopped unexpectedly (${event.message}). ${RESTARTED}`);
        return stop(failure(error), event.outOfMemory ? 'its worker ran out of memory' : 'its worker ended');
      }
      const { message } = event;
      if (typeof message !== 'object' || message === null) return;
      if (message.type === 'check-result' && message.id === id && !answer) {
        // Passed on as it came: the grader checks its shape where the verdicts are computed (../pool.ts).
        answer = { result: message.result, observations: message.observations } as CheckRunResponse;
        // The program has answered: now the worker says whether it can take another.
        timers.push(setTimeout(() => finish({ kind: 'answer', response: answer!, retire: 'it did not say whether it was still clean' }), STATE_TIMEOUT_MS));
      } else if (message.type === 'state' && message.id === id && answer) {
        finish({
          kind: 'answer',
          response: answer,
          checkMs: Number(message.checkMs) || 0,
          ...(message.clean === true ? {} : { retire: String(message.reason ?? 'it is no longer clean') }),
        });
      }
    };
    // The program's guards stop it inside the worker, which answers; one stuck where no guard
    // runs (a long SQL statement, a built-in) never answers, and only ending its worker stops it.
    timers.push(setTimeout(() => !answer && stop(failure(timeoutError(request.timeBudgetMs, STUCK)), 'the watchdog ended it'), request.timeBudgetMs + graceMs));
    const memoryWatch = setInterval(() => {
      if (process.memoryUsage.rss() > RSS_CAP_BYTES) stop(failure(memoryError(memoryBudgetMb, OUT_OF_MEMORY)), 'it took the process past its memory cap');
    }, 50);
    slot.used = true;
    slot.worker.postMessage({ type: 'check', id, ...request });
  });
}

async function check(request: CheckRunRequest): Promise<{ response: CheckRunResponse; worker: WorkerReport }> {
  let rerun: string | undefined;
  for (;;) {
    const slot = await readyWorker();
    const fresh = !slot.used;
    const outcome = await runIn(slot, request);
    if (outcome.kind === 'answer') {
      if (outcome.retire) retire(slot);
      const report: WorkerReport = {
        fresh,
        checkMs: outcome.checkMs ?? 0,
        ...(outcome.retire ? { retired: outcome.retire } : {}),
        ...(rerun ? { rerun } : {}),
      };
      return { response: outcome.response, worker: report };
    }
    retire(slot);
    // What a worker that had run other programs did may be why: the program gets a fresh one.
    if (fresh || rerun) return { response: outcome.response, worker: { fresh, retired: outcome.why, ...(rerun ? { rerun } : {}) } };
    rerun = outcome.why;
  }
}

// One request at a time (the grader sends one, waits for its answer, then sends the next).
let queue = Promise.resolve();
process.on('message', (message: MemberRequest) => {
  if (message?.type !== 'check') return;
  queue = queue.then(async () => {
    try {
      const { response, worker } = await check(message.request);
      send({ type: 'result', id: message.id, response, worker });
    } catch (error) {
      send({ type: 'broken', message: error instanceof Error ? error.message : String(error) });
    }
  });
});
// The grader going away ends the member.
process.on('disconnect', () => process.exit(0));

readyWorker().then(
  () => send({ type: 'ready' }),
  (error: Error) => send({ type: 'broken', message: error.message }),
);
