/**
 * What the differential suite compares, in terms both sides can be put in: a run's output
 * (stdout and stderr lines, in order), its final error and the SQL SQLite received, with
 * what cannot be equal on two runs normalised (tests/differential/README.md says what).
 * Shared by tests/differential.test.ts (the engine against native sqlite3) and the browser
 * test that holds the engine in Chromium to the engine in Node.
 */
import { toJsonValue } from '../../src/runtime/core/json-value';
import type { RunResult } from '../../src/schemas/run-result';

/** What one program did, on either side, in the terms both can be compared in. */
export interface Observed {
  output: { stream: 'stdout' | 'stderr'; text: string }[];
  error: { name: string; message: string; unhandled: boolean } | null;
  sql: { sql: string; bind: unknown[]; error: string | null }[];
}

const DATE_PATTERNS = [
  // Sequelize's bound DATE values: '2024-01-02 03:04:05.678 +00:00'
  /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \+00:00/g,
  // util.inspect and toJSON of a Date: 2024-01-02T03:04:05.678Z
  /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g,
];
const UUID = /\b[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}\b/g;

/**
 * What cannot be the same on two runs: the current time (createdAt, updatedAt: a date
 * within a day of now, bound or written into the SQL), transaction ids (random UUIDs),
 * elapsed times, and stack frames (they name files, which differ: one `at …` line stands
 * for them).
 */
export function normalise(text: string): string {
  let out = text;
  for (const pattern of DATE_PATTERNS) {
    out = out.replace(pattern, (date) => (Math.abs(Date.parse(date.replace(' +00:00', 'Z').replace(' ', 'T')) - Date.now()) < 86_400_000 ? '<now>' : date));
  }
  return (
    out
      .replace(UUID, '<uuid>')
      .replace(/Elapsed time: \d+ms/g, 'Elapsed time: <n>ms')
      // The runtime leaves its own and Sequelize's frames out, as one "… N more frames" line.
      .replace(
        /\n( +)(?:at |… \d+ more frames? )[^\n]*(?:\n\1(?:at |… \d+ more frames? )[^\n]*)*/g,
        (frames: string, indent: string) => `\n${indent}at …${frames.endsWith(' {') ? ' {' : ''}`,
      )
  );
}

export const normaliseValue = (value: unknown): unknown => JSON.parse(normalise(JSON.stringify(toJsonValue(value)))) as unknown;

/** A run result of the engine, as compared. */
export function fromEngine(result: RunResult): Observed {
  const unhandled = result.error?.kind === 'unhandled-rejection';
  return {
    output: result.console.map((entry) => ({
      stream: entry.level === 'warn' || entry.level === 'error' ? ('stderr' as const) : ('stdout' as const),
      text: normalise(entry.text),
    })),
    error: result.error ? { name: result.error.name, message: normalise(result.error.message.replace(/^Unhandled promise rejection: /, '')), unhandled } : null,
    sql: result.sql.map(({ sql, bind, error }) => ({ sql: normalise(sql), bind: bind.map(normaliseValue), error: error ?? null })),
  };
}
