/**
 * A run's time budget: its default and the words that say a run overran it. In the schema
 * layer because every layer needs them (the check engine's default, the core's own
 * deadline, the client's watchdog), and they must read the same everywhere.
 */
import type { RunError } from './run-result';

/** How long a program may run, in ms, unless a playground or the CLI says otherwise. */
export const DEFAULT_TIME_BUDGET_MS = 5_000;

/** "5 s", "2.5 s": whole seconds without a decimal. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** The error of a run stopped at its budget; `why` says what the program was still doing. */
export function timeoutError(budgetMs: number, why: string): RunError {
  return { kind: 'timeout', name: 'Timeout', message: `Stopped after ${formatSeconds(budgetMs)}: ${why}`, details: [] };
}
