/**
 * The page's side of the SQL formatter's worker: formats a run's statements off the main
 * thread, and remembers what it formatted (a learner runs and checks the same program again
 * and again, and its SQL comes back statement for statement).
 */
import { lastUsed } from './last-used';
import type { FormatReply, FormatRequest } from './sql-format-protocol';

export type Formatter = (sql: string) => string;

const known = lastUsed<string>();
let worker: Worker | undefined;
let failed = false;
let nextId = 1;
const waiting = new Map<number, (formatted: string[] | undefined) => void>();

function startWorker(): Worker | undefined {
  if (worker || failed) return worker;
  try {
    worker = new Worker(new URL('./sql-format.worker.ts', import.meta.url), { type: 'module', name: 'SQL formatter' });
  } catch {
    failed = true;
    return undefined;
  }
  worker.onmessage = (event: MessageEvent<FormatReply>) => {
    waiting.get(event.data.id)?.(event.data.formatted);
    waiting.delete(event.data.id);
  };
  // A worker that cannot load (a network error) leaves the SQL as sent, never a panel that waits.
  worker.onerror = () => {
    failed = true;
    worker = undefined;
    for (const answer of waiting.values()) answer(undefined);
    waiting.clear();
  };
  return worker;
}

function ask(sqls: string[]): Promise<string[] | undefined> {
  const formatter = startWorker();
  if (!formatter) return Promise.resolve(undefined);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    const request: FormatRequest = { id, sqls };
    formatter.postMessage(request);
  });
}

/**
 * A formatter for these statements: each is formatted in the worker (once; the last few
 * hundred are remembered), and the returned function reads the answers. A statement the
 * worker could not format is shown as sent.
 */
export async function formatterFor(sqls: readonly string[]): Promise<Formatter> {
  const answers = new Map<string, string>();
  const missing: string[] = [];
  for (const sql of new Set(sqls)) {
    if (known.has(sql))
      answers.set(
        sql,
        known.get(sql, () => sql),
      );
    else missing.push(sql);
  }
  const formatted = missing.length > 0 ? await ask(missing) : undefined;
  missing.forEach((sql, index) => {
    const answer = formatted?.[index];
    if (answer === undefined) return;
    answers.set(sql, answer);
    known.set(sql, answer);
  });
  return (sql) => answers.get(sql) ?? sql;
}

/** Starts the worker and has it build its tokenizer with a first statement, before a run needs it. */
export async function warmUpFormatter(): Promise<string> {
  const sample = 'SELECT `id`, `title` FROM `Posts` AS `Post` WHERE `Post`.`userId` = $1 ORDER BY `Post`.`id`;';
  return (await formatterFor([sample]))(sample);
}
