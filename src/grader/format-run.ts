/** Prints a run result for a terminal, as `assoclab run` shows it. */
import type { Explanation } from '../explain/mistakes';
import type { ConsoleEntry, RowChange, RunResult, SqlStatement } from '../schemas/run-result';
import { findNPlusOne, N_PLUS_ONE_LESSON } from '../insight/n-plus-one';
import { describeChanges, targetTable } from '../insight/table-steps';

export interface PrintTarget {
  out(line: string): void;
  err(line: string): void;
}

/** `changes`: the rows the statement changed; `mark`: its place in a repeated-query group ("N+1 2/3"). */
function sqlLine(statement: SqlStatement, index: number, changes: readonly RowChange[] = [], mark = ''): string {
  const values = statement.bind.length ? `  -- values: ${JSON.stringify(statement.bind)}` : '';
  const where = statement.source ? `line ${statement.source.line}, ` : '';
  const rows = changes.length ? `; ${describeChanges(changes, targetTable(statement.sql))}` : '';
  return `${String(index + 1).padStart(3)}. ${statement.sql}${values}\n     (${where}${statement.durationMs.toFixed(2)} ms${statement.error ? `, failed: ${statement.error}` : ''}${rows})${mark ? ` [${mark}]` : ''}`;
}

/** The SQL log as `--sql` prints it: numbered statements, the rows each changed, N+1 groups marked then explained. */
function printSql(result: RunResult, target: PrintTarget): void {
  const numbers = new Map<number, number>();
  result.sql.forEach((statement, index) => {
    if (!statement.internal) numbers.set(index, numbers.size + 1);
  });
  const changes = new Map((result.changes?.steps ?? []).map((step) => [step.statement, step.rows]));
  const groups = findNPlusOne(result.sql);
  const marks = new Map<number, string>();
  for (const group of groups) group.statements.forEach((index, i) => marks.set(index, `N+1 ${i + 1}/${group.statements.length}`));
  target.out(`\n-- SQL sent (${numbers.size} statements, ${result.sql.length - numbers.size} internal not shown)`);
  for (const [index, number] of numbers) target.out(sqlLine(result.sql[index]!, number - 1, changes.get(index), marks.get(index)));
  if (result.sqlOmitted) target.out(`     … ${result.sqlOmitted.toLocaleString('en-US')} more statement${result.sqlOmitted === 1 ? '' : 's'} not recorded`);
  if (result.changes?.stoppedAt) {
    const at = numbers.get(result.changes.stoppedAt.statement);
    target.out(`-- Row changes not recorded from statement ${at ?? result.changes.stoppedAt.statement + 1} on: ${result.changes.stoppedAt.reason}`);
  }
  for (const group of groups) {
    const list = group.statements.map((index) => numbers.get(index)).join(', ');
    target.out(
      `\n-- Likely N+1: ${group.label} ×${group.statements.length}, line ${group.line} (statements ${list})\n` +
        `   The same query ran once per row of an earlier result, with only its values changing. Load the rows together with include.\n` +
        `   Read more: ${N_PLUS_ONE_LESSON.label}, ${N_PLUS_ONE_LESSON.href}`,
    );
  }
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
  if (options.sql) printSql(result, target);
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
