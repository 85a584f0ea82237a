/** Prints one request to a live app and its response for a terminal, as `assoclab run --request` shows it. */
import { formatBody, statusLine, type AppExchange } from '../schemas/app-exchange';
import type { PrintTarget } from './format-run';
import { findNPlusOne, N_PLUS_ONE_LESSON } from '../insight/n-plus-one';

export function printExchange(line: string, exchange: AppExchange, file: string, target: PrintTarget, options: { sql: boolean }): void {
  target.out(`\n> ${line}`);
  // What the app printed while it handled the request comes first, as it did.
  for (const entry of exchange.console) (entry.level === 'warn' || entry.level === 'error' ? target.err : target.out)(entry.text);
  const { response, error } = exchange;
  if (response) {
    target.out(`< ${statusLine(response)} (${Math.round(exchange.timeMs)} ms)`);
    const body = formatBody(response);
    // Express's error page is HTML for a browser: in a terminal, what it says (--json keeps the page).
    if (body.errorPage) target.out(`(Express's HTML error page, which says: ${body.errorPage})`);
    else if (body.text !== '') target.out(body.text);
  }
  if (options.sql) {
    const own = exchange.sql.filter((statement) => !statement.internal);
    target.out(`-- SQL this request sent (${own.length} statement${own.length === 1 ? '' : 's'})`);
    own.forEach((statement, index) => {
      const values = statement.bind.length ? `  -- values: ${JSON.stringify(statement.bind)}` : '';
      const where = statement.source ? ` (line ${statement.source.line})` : '';
      target.out(`${String(index + 1).padStart(3)}. ${statement.sql}${values}${where}`);
    });
    for (const group of findNPlusOne(exchange.sql)) {
      target.out(
        `-- Likely N+1: ${group.label} ×${group.statements.length}, line ${group.line}: one query per row of an earlier result; load the rows together with include.\n` +
          `   Read more: ${N_PLUS_ONE_LESSON.label}, ${N_PLUS_ONE_LESSON.href}`,
      );
    }
  }
  if (error) {
    const at = error.location ? `${file}:${error.location.line}:${error.location.column}: ` : `${file}: `;
    target.err(`${at}${error.name}: ${error.message}`);
    for (const detail of error.details) target.err(`  ${detail}`);
  }
}
