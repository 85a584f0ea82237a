/**
 * Ends a program that overruns its budgets from inside, the way freeCodeCamp's
 * loop-protect does: the program transform (./transform.ts) puts a call to the guard at
 * the top of every loop body and every function body, and the guard throws once the run
 * is over its time budget, or once something else stopped it (a typed array over the
 * memory budget, ./typed-arrays.ts). The worker stays alive and answers with the
 * program's output so far; only what the guard cannot see (a long built-in call, a single
 * SQL statement) is left to the client's watchdog, which replaces the worker.
 *
 * Reading the clock costs from 20 ns to 700 ns (seen on a virtual machine), so the guard
 * reads it once per `stride` calls: the stride doubles while calls are quick and drops to
 * one as soon as calls are slow (an allocation per iteration), so a loop is seen within a
 * few milliseconds either way.
 */
import { timeoutError } from '../../schemas/time-budget';
import type { RunError } from '../../schemas/run-result';

/** Thrown by the guard into the program. The run's result is the error it carries, whatever the program does with it. */
export class RunStopped extends Error {
  constructor(readonly error: RunError) {
    super(error.message);
    this.name = error.name;
  }
}

/**
 * Calls between clock readings never exceed this: a loop whose iterations turn slow after
 * a quick phase is seen within this many of them.
 */
const MAX_STRIDE = 128;
/** Clock readings closer than this (ms) let the stride grow. */
const QUICK_MS = 1;

export const STILL_RUNNING = 'the program was still running (an endless loop?).';

export class RunGuard {
  /** Set once the run is over a budget; every later guard call throws it again. */
  stopped: RunError | undefined;
  /** The stack where the program was stopped (its line is the error's). */
  stoppedAt: string | undefined;
  private deadline = Infinity;
  private left = 1;
  private stride = 1;
  private lastReading = 0;

  /** `budgetMs` is counted from start(). */
  constructor(
    private readonly now: () => number,
    private readonly budgetMs: number,
  ) {}

  /** The program starts now: its time budget runs from here. */
  start(): void {
    this.lastReading = this.now();
    this.deadline = this.lastReading + this.budgetMs;
    this.left = this.stride = 1;
  }

  /** The program's own run is over (the checks' probes may call its functions next, within their own timeouts). */
  release(): void {
    this.deadline = Infinity;
  }

  /** What the program calls (as __assoclab_guard()) at each loop iteration and function entry. */
  readonly tick = (): void => {
    if (this.stopped) throw new RunStopped(this.stopped);
    if (--this.left > 0) return;
    this.read();
  };

  /** Stops the run with `error` (a memory stop found elsewhere, such as a typed array over budget). */
  stop(error: RunError): never {
    const first = !this.stopped;
    this.stopped ??= error;
    const thrown = new RunStopped(this.stopped);
    if (first) this.stoppedAt = thrown.stack;
    throw thrown;
  }

  private read(): void {
    const now = this.now();
    const gap = now - this.lastReading;
    this.lastReading = now;
    if (gap < QUICK_MS) this.stride = Math.min(MAX_STRIDE, this.stride * 2);
    else this.stride = 1;
    this.left = this.stride;
    if (now > this.deadline) this.stop(timeoutError(this.budgetMs, STILL_RUNNING));
  }
}
