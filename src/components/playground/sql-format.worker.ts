/**
 * The SQL panel's formatter, in its own worker: sql-formatter builds its SQLite tokenizer
 * (a large set of regular expressions) on first use, 50 to 250 ms of one task on a slow
 * machine, and that task used to land on the page's main thread during a learner's first
 * Check. Here it costs the page nothing but two messages.
 */
import { formatDialect, sqlite } from 'sql-formatter';
import type { FormatReply, FormatRequest } from './sql-format-protocol';

function format(sql: string): string {
  try {
    return formatDialect(sql, { dialect: sqlite, keywordCase: 'upper', tabWidth: 2, paramTypes: { numbered: ['$'], positional: true } });
  } catch {
    return sql; // SQL the formatter does not know is shown as sent
  }
}

self.onmessage = (event: MessageEvent<FormatRequest>) => {
  const { id, sqls } = event.data;
  const reply: FormatReply = { id, formatted: sqls.map(format) };
  self.postMessage(reply);
};
