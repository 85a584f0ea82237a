/** Prints a run result for a terminal, as `assoclab run` shows it. */
import type { Explanation } from '../explain/mistakes';
import type { ConsoleEntry, RunResult, SqlStatement } from '../schemas/run-result';

export interface PrintTarget {
  out(line: string): void;
  err(line: string): void;
}

function sqlLine(statement: SqlStatement, index: number): string {
  const values = statement.bind.length ? `  -- values: ${JSON.stringify(statement.bind)}` : '';
  const where = statement.source ? `line ${statement.source.line}, ` : '';
  return `${String(index + 1).padStart(3)}. ${statement.sql}${values}\n     (${where}${statement.durationMs.toFixed(2)} ms${statement.error ? `, failed: ${statement.error}` : ''})`;
}

/** One console entry, to stderr for warnings and errors as Node's console does. */
export function printConsoleEntry(entry: ConsoleEntry, target: PrintTarget): void {
  if (entry.level === 'warn' || entry.level === 'error') target.err(entry.text);
  else target.out(entry.text);
}

/**
 * The run's console output (unless it was printed as the program ran: `consolePrinted`),
 * what was cut, the SQL log when asked, and the error.
 */
export function printRun(
  result: RunResult,
  file: string,
  target: PrintTarget,
  options: { sql: boolean; consolePrinted?: boolean; explanations?: readonly Explanation[] },
): void {
  // A capped output is its start, the cut, then its last lines; only the start was printed as it ran.
  const cutAt = result.truncated?.afterEntry ?? result.console.length;
  if (!options.consolePrinted) for (const entry of result.console.slice(0, cutAt)) printConsoleEntry(entry, target);
  if (result.truncated) {
    target.err(`[output cut: ${result.truncated.droppedEntries.toLocaleString('en-US')} lines not shown]`);
    for (const entry of result.console.slice(cutAt)) printConsoleEntry(entry, target);
  }
  if (options.sql) {
    const shown = result.sql.filter((statement) => !statement.internal);
    target.out(`\n-- SQL sent (${shown.length} statements, ${result.sql.length - shown.length} internal not shown)`);
    shown.forEach((statement, index) => target.out(sqlLine(statement, index)));
    if (result.sqlOmitted) target.out(`     … ${result.sqlOmitted.toLocaleString('en-US')} more statement${result.sqlOmitted === 1 ? '' : 's'} not recorded`);
  }
  if (result.error) {
    const at = result.error.location ? `${file}:${result.error.location.line}:${result.error.location.column}: ` : `${file}: `;
    target.err(`${at}${result.error.name}: ${result.error.message}`);
    for (const detail of result.error.details) target.err(`  ${detail}`);
  }
  for (const explanation of options.explanations ?? []) {
    const where = explanation.line ? ` (line ${explanation.line})` : '';
    target.err(
      `\nWhy: ${explanation.title}${where}\n  ${explanation.what}\n  ${explanation.why}\n  Read more: ${explanation.learnMore.label}, ${explanation.learnMore.href}`,
    );
  }
}
