/**
 * The one handle on a runtime worker, for the playground, the exercise UI and the Node
 * CLI/grader alike: runs programs, runs checks, reports the runtime's state, and keeps its
 * host safe from runaway programs. The program's own guards stop it at its budgets inside
 * the worker (../core/run-guard.ts); a watchdog ends a request whose worker does not answer
 * soon after its time budget by terminating the worker and starting a fresh one (or the
 * standby, started while the run lasted); a worker that ends by itself (over its heap
 * limit, or its process gone) ends its request with the memory message. A new request or
 * cancel() supersedes the one in progress the same way.
 *
 * Every message from the worker is validated here, where it arrives (./reply.ts): the
 * worker runs learner code, so nothing it sends is read before it has the right shape.
 */
import { failedRun, type ConsoleEntry, type RunError, type RunResult } from '../../schemas/run-result';
import { DEFAULT_TIME_BUDGET_MS, timeoutError } from '../../schemas/time-budget';
import { MEMORY_BUDGET_MB, memoryError } from '../../schemas/memory-budget';
import type { CheckRunRequest, CheckRunResponse } from '../../checks/types';
import type { ProgramLanguage } from '../core/execute';
import type { WorkerMessage, WorkerRequest } from './protocol';
import { noAppExchange, type AppExchange, type AppRequest } from '../../schemas/app-exchange';
import { loadReplyValidator, type ReplyValidator } from './reply';
import { STUCK, OUT_OF_MEMORY } from './stop-messages';

/** Why a worker ended without being asked to: its engine's heap limit, or its process died (a browser frame's). */
export type WorkerExitReason = 'out-of-memory' | 'crashed';

/**
 * The part of the Web Worker API the client uses (Node's worker threads and the browser's
 * isolated runtime frame are adapted to it). `exit` is the adapters' own event: a DOM
 * Worker never fires it.
 */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerMessage }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  addEventListener(type: 'exit', listener: (event: { reason: WorkerExitReason }) => void): void;
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
  /** The workers' memory budget in MB (MEMORY_BUDGET_MB), for the message when one ends over it. */
  memoryBudgetMb?: number;
  /**
   * Starts a second worker when a run nears the end of its budget, so that if the run's
   * worker must be ended, the next run finds one ready. For a page, where a learner runs
   * again at once; not for the CLI, which runs one program.
   */
  standby?: boolean;
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
  /**
   * Sends a request to the Express app the last run left listening (its result's
   * `listening`), within that run's time budget. Resolves with what came of it; with a
   * NoApp error when no app is there any more (a later run or check, a replaced worker).
   * Requests wait for each other: a second one never cancels the first.
   */
  request(request: AppRequest): Promise<AppExchange>;
  /**
   * Once the worker is ready, has it run the runtime's own warm-up program (../core/warm-up.ts)
   * if it has been asked nothing yet: the next run or check then runs on compiled code. The
   * worker stays fresh for a check (it has run nothing of a learner's). A request made
   * meanwhile runs after the warm-up.
   */
  warmUp(): Promise<void>;
  /** The port of the app the last run left listening, while it still can be asked. */
  readonly listeningPort: number | undefined;
  /** Ends the request in progress; its promise resolves with a 'cancelled' error. */
  cancel(): void;
  dispose(): void;
}

/** One worker and what the client knows of it. */
interface Slot {
  worker: WorkerLike;
  /** Resolves once it said 'ready' (and the reply validator is loaded). */
  readyPromise: Promise<void>;
  ready: boolean;
  startupMs: number | undefined;
  /** Whether it has been given a request: a check wants one that has not. */
  used: boolean;
  /** Whether it was sent the warm-up (which leaves it unused). */
  warmed: boolean;
  /** Ends its readiness with `error`: it was ended before it was ready (replaced, or its process died). */
  abandon(error: Error): void;
  abandoned: boolean;
}

/** What a request is answered with: a run's or a check's reply, or an app's exchange. */
type Outcome = { kind: 'run'; response: CheckRunResponse } | { kind: 'exchange'; exchange: AppExchange };

interface Pending {
  id: string;
  /** The worker the request went to. */
  slot: Slot | undefined;
  /** A check's worker is retired once it answers: its realm ran the checked program. */
  retireAfter: boolean;
  resolve(outcome: Outcome): void;
  /** Turns an error that ended the request without the worker's reply into its outcome. */
  failed(error: RunError, printed: ConsoleEntry[]): Outcome;
  watchdog: ReturnType<typeof setTimeout> | undefined;
  standbyTimer: ReturnType<typeof setTimeout> | undefined;
  /** The request's time budget (a run's is its app's too). */
  budget: number;
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
const runFailure = (error: RunError, printed: ConsoleEntry[] = []): Outcome => ({ kind: 'run', response: failure(error, printed) });
/** A request to an app that ended without the worker's reply: the worker was replaced, so the app is gone too. */
const exchangeFailure = (error: RunError, printed: ConsoleEntry[] = []): Outcome => ({
  kind: 'exchange',
  exchange: { ok: false, error, sql: [], console: printed, timeMs: 0, appStopped: true },
});
const internal = (name: string, message: string): RunError => ({ kind: 'internal', name, message, details: [] });
const cancelledError = (): RunError => ({ kind: 'cancelled', name: 'Cancelled', message: 'The run was cancelled.', details: [] });

/**
 * A standby worker starts this long before a run's budget ends (or at half the budget, if
 * later): a run its guards stop never needs it; one they cannot stop is ended by the
 * watchdog a grace period after its budget, by when the standby is ready.
 */
const STANDBY_LEAD_MS = 1_000;

export function createRuntimeClient(options: RuntimeClientOptions): RuntimeClient {
  const budgetDefault = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const listeners = new Set<(status: RuntimeStatus) => void>();
  let status: RuntimeStatus = 'loading';
  /** The worker requests go to. */
  let active: Slot | undefined;
  /** A worker started in advance, promoted when the active one is ended (options.standby). */
  let standby: Slot | undefined;
  let pending: Pending | undefined;
  let validate: ReplyValidator | undefined;
  let disposed = false;
  /** Counts requests, so one superseded while it waited for the worker knows it. */
  let latest = 0;
  /** The app the last run left listening: on which worker, under which run id, with which budget. */
  let live: { slot: Slot; runId: string; port: number; budget: number } | undefined;
  /** App requests wait for each other (a new one must not cancel, and so end, the worker). */
  let appQueue: Promise<unknown> = Promise.resolve();

  const setStatus = (next: RuntimeStatus) => {
    if (status === next) return;
    status = next;
    for (const listener of listeners) listener(next);
  };

  const settle = (id: string, outcome: Outcome) => {
    if (!pending || pending.id !== id) return; // a stale or forged reply: ignore it
    const { resolve, watchdog, standbyTimer, retireAfter } = pending;
    const answered = pending.slot;
    pending = undefined;
    if (watchdog) clearTimeout(watchdog);
    if (standbyTimer) clearTimeout(standbyTimer);
    if (retireAfter && active === answered) retireWorker();
    setStatus(active?.ready ? 'ready' : 'loading');
    resolve(outcome);
  };

  /** Ends the active worker (whatever it is doing); the next ready() starts a fresh one or promotes the standby. */
  const retireWorker = () => {
    const slot = active;
    active = undefined;
    slot?.worker.terminate();
    if (slot && !slot.ready) slot.abandon(new Error('The runtime was replaced before it was ready.'));
  };

  /** Ends the active worker and makes another ready at once (the playground wants it soon). */
  const replaceWorker = () => {
    retireWorker();
    if (!disposed) void ready().catch(() => undefined);
  };

  const endPending = (error: RunError) => {
    if (!pending) return;
    const { id, printed, failed } = pending;
    replaceWorker();
    settle(id, failed(error, printed));
  };

  const onMessage = (slot: Slot, raw: unknown, resolveReady: () => void) => {
    const checked = validate!(raw);
    if (!checked.ok) {
      // A worker that says something malformed cannot be trusted with the next request either.
      if (slot === active && pending) endPending(internal('RuntimeError', `The runtime sent a malformed reply (${checked.problem}).`));
      return;
    }
    const message = checked.message;
    if (message.type === 'ready') {
      slot.startupMs = message.startupMs;
      slot.ready = true;
      if (slot === active && !pending) setStatus('ready');
      resolveReady();
      return;
    }
    // A standby has been asked nothing: what else it says is not an answer.
    if (slot !== active) return;
    if (message.type === 'output') {
      if (pending?.id === message.id) {
        pending.printed.push(message.entry);
        pending.onConsole?.(message.entry);
      }
    } else if (message.type === 'retire') {
      // Its memory grew (sql.js's never shrinks): the next request gets another worker.
      if (!pending) replaceWorker();
    } else if (message.type === 'result') {
      const port = message.result.listening?.[0];
      if (port !== undefined && pending?.id === message.id) live = { slot, runId: message.id, port, budget: pending.budget };
      settle(message.id, { kind: 'run', response: { result: message.result, observations: [] } });
    } else if (message.type === 'check-result') {
      settle(message.id, { kind: 'run', response: { result: message.result, observations: message.observations } });
    } else if (message.type === 'response') {
      if (message.exchange.appStopped && live?.slot === slot) live = undefined;
      settle(message.id, { kind: 'exchange', exchange: message.exchange });
    } else if (pending?.id === message.id) {
      settle(message.id, pending.failed(internal(message.error.name, message.error.message), []));
    }
  };

  /** The worker ended by itself: over its heap limit, or its process died. */
  const onExit = (slot: Slot) => {
    if (slot === standby) {
      standby = undefined;
      slot.abandon(new Error('The runtime stopped before it was ready.'));
      return;
    }
    if (slot !== active) return;
    if (pending) endPending(memoryError(options.memoryBudgetMb ?? MEMORY_BUDGET_MB, OUT_OF_MEMORY));
    else replaceWorker();
  };

  const startSlot = (): Slot => {
    const worker = options.createWorker();
    // The validator (Zod) loads while the worker starts, so it costs the page's first script nothing.
    const validator = loadReplyValidator().then((loaded) => void (validate = loaded));
    let resolveReady!: () => void;
    let rejectReady!: (error: Error) => void;
    const started = new Promise<void>((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    const slot: Slot = {
      worker,
      readyPromise: Promise.all([started, validator]).then(() => undefined),
      ready: false,
      startupMs: undefined,
      used: false,
      warmed: false,
      abandoned: false,
      abandon(error) {
        slot.abandoned = true;
        rejectReady(error);
      },
    };
    // Whoever awaits it hears of a failure; nobody awaiting it is no error.
    slot.readyPromise.catch(() => undefined);
    const live = () => slot === active || slot === standby;
    worker.addEventListener('message', (event) => {
      if (!live()) return;
      // Messages wait for the validator; 'ready' is the first, and it is tiny.
      if (validate) onMessage(slot, event.data, resolveReady);
      else void validator.then(() => live() && onMessage(slot, event.data, resolveReady));
    });
    worker.addEventListener('error', (event) => {
      if (!live()) return;
      const message = event.message || 'The runtime could not start.';
      if (slot === standby) standby = undefined;
      else {
        setStatus('failed');
        if (pending) settle(pending.id, pending.failed(internal('RuntimeError', message), []));
      }
      rejectReady(new Error(message));
    });
    worker.addEventListener('exit', () => live() && onExit(slot));
    return slot;
  };

  /**
   * Resolves once the active worker is ready: the standby if one was started, or a new one.
   * A worker ended before it was ready (replaced, or its frame's process died, which a busy
   * machine can also make the page believe) is followed by the next, so a Run or a Check
   * waiting for it goes on rather than waits forever.
   */
  const ready = async (): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      if (!active) {
        if (standby) {
          active = standby;
          standby = undefined;
        } else {
          active = startSlot();
        }
        setStatus(active.ready ? 'ready' : 'loading');
      }
      const slot = active;
      try {
        await slot.readyPromise;
      } catch (error) {
        if (slot.abandoned && !disposed && attempt < 5) continue;
        throw error;
      }
      if (active === slot || disposed) return;
    }
  };

  const startStandby = () => {
    if (!standby && !disposed) standby = startSlot();
  };

  /** Sends one request and resolves with its reply, or with what the watchdog decided. */
  const request = async (
    make: (id: string) => WorkerRequest,
    budget: number,
    grace: number,
    onConsole: ((entry: ConsoleEntry) => void) | undefined,
    freshWorker: boolean,
    failed: (error: RunError, printed: ConsoleEntry[]) => Outcome = runFailure,
  ): Promise<Outcome> => {
    const ticket = ++latest;
    if (pending) endPending(cancelledError());
    // A run or a check ends the app the last run left (the worker frees it too). The
    // message's type tells which this is (made here with a placeholder id).
    if (make('').type !== 'request') live = undefined;
    if (freshWorker && active?.used) retireWorker();
    await ready();
    // Another request started while this one waited: that one wins.
    if (ticket !== latest || disposed) return failed(cancelledError(), []);
    const slot = active!;
    const id = newRequestId();
    const response = new Promise<Outcome>((resolve) => {
      pending = {
        id,
        slot,
        retireAfter: freshWorker,
        resolve,
        failed,
        budget,
        printed: [],
        onConsole,
        // The program's guards end slow programs inside the worker, which answers; one stuck
        // where no guard runs (a long SQL statement, a built-in) never answers, and only
        // terminating its worker stops it.
        watchdog: setTimeout(() => endPending(timeoutError(budget, STUCK)), budget + grace),
        standbyTimer: options.standby && !freshWorker ? setTimeout(startStandby, Math.max(budget / 2, budget - STANDBY_LEAD_MS)) : undefined,
      };
    });
    setStatus('running');
    slot.used = true;
    slot.worker.postMessage(make(id));
    return response;
  };

  const client: RuntimeClient = {
    get status() {
      return status;
    },
    get startupMs() {
      return active?.startupMs;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    ready,
    async run(source, runOptions = {}) {
      const budget = runOptions.timeBudgetMs ?? budgetDefault;
      const language = runOptions.language ?? 'javascript';
      const outcome = await request(
        (id) => ({ type: 'run', id, source, language, timeBudgetMs: budget }),
        budget,
        options.graceMs ?? 1_000,
        runOptions.onConsole,
        false,
      );
      return outcome.kind === 'run' ? outcome.response.result : failure(internal('RuntimeError', 'The runtime answered a run with a response.')).result;
    },
    async check(check) {
      const { source, language, timeBudgetMs, probes, seed } = check;
      const outcome = await request(
        (id) => ({ type: 'check', id, source, language, timeBudgetMs, probes, seed }),
        timeBudgetMs,
        options.checkGraceMs ?? 4_000,
        undefined,
        true,
      );
      return outcome.kind === 'run' ? outcome.response : failure(internal('RuntimeError', 'The runtime answered a check with a response.'));
    },
    async warmUp() {
      await ready();
      const slot = active;
      if (!slot || slot.used || slot.warmed || pending || disposed) return;
      slot.warmed = true;
      slot.worker.postMessage({ type: 'warm-up' });
    },
    get listeningPort() {
      return live && live.slot === active ? live.port : undefined;
    },
    request(appRequest) {
      const send = async (): Promise<AppExchange> => {
        // The app lives in one worker: if that worker is gone, so is the app.
        const app = live;
        if (!app || app.slot !== active || disposed) return noAppExchange();
        const outcome = await request(
          (id) => ({ type: 'request', id, runId: app.runId, request: appRequest }),
          app.budget,
          options.graceMs ?? 1_000,
          undefined,
          false,
          exchangeFailure,
        );
        return outcome.kind === 'exchange' ? outcome.exchange : noAppExchange();
      };
      const sent = appQueue.then(send);
      appQueue = sent.catch(() => undefined);
      return sent;
    },
    cancel() {
      latest++;
      if (pending) endPending(cancelledError());
    },
    dispose() {
      disposed = true;
      client.cancel();
      for (const slot of [active, standby]) {
        slot?.worker.terminate();
        if (slot && !slot.ready) slot.abandon(new Error('The runtime was closed.'));
      }
      active = standby = undefined;
      listeners.clear();
    },
  };
  return client;
}
