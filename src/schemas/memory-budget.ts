/**
 * A run's memory budget and the words that say a run went over it, beside the time budget
 * (./time-budget.ts): every layer that stops a program (the program's own guards, the
 * database's memory cap, the Node worker's heap limit, the page noticing that the
 * runtime's process died) reports it in the same words.
 */
import type { RunError } from './run-result';

/**
 * How much memory a program may use, in MB: the sql.js database's memory, typed arrays,
 * and, in Node, the worker's JavaScript heap. A browser cannot measure a worker's heap:
 * there the engine's own limit (about 4 GB) applies, and the time budget usually comes first.
 */
export const MEMORY_BUDGET_MB = 512;

/** What the message adds when the runtime had to be restarted to stop the program. */
export const RESTARTED = 'The runtime was restarted; your code is untouched.';

/** The error of a run stopped for its memory; `why` says what grew. */
export function memoryError(budgetMb: number, why: string): RunError {
  return { kind: 'memory', name: 'OutOfMemory', message: `Stopped: the program used more than ${budgetMb} MB of memory: ${why}`, details: [] };
}
