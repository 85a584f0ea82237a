/** Records every statement Sequelize sends, with its values, duration and call site. */
import type { SourceLocation, SqlStatement } from '../../schemas/run-result';
import { toJsonValue } from './json-value';

/**
 * Past this many statements a runaway loop's log stops recording; the statements left out
 * are counted (`dropped`, the run result's `sqlOmitted`) so the cut is said, not silent.
 */
export const MAX_STATEMENTS = 5_000;

/** Bookkeeping statements Sequelize sends on its own, shown dimmed by the site. */
const INTERNAL = /^\s*(PRAGMA|SELECT name FROM sqlite_master|SELECT sql FROM sqlite_master)/i;

/** Bind values in their order: Sequelize binds as { $1: a, $2: b }. */
export function orderedBindValues(parameters: unknown): unknown[] {
  if (parameters === undefined || parameters === null) return [];
  if (Array.isArray(parameters)) return parameters;
  if (typeof parameters === 'object') {
    // Keep the numeric order ($1, $2, ... $10).
    return Object.entries(parameters as Record<string, unknown>)
      .sort(([a], [b]) => Number(a.replace(/^\$/, '')) - Number(b.replace(/^\$/, '')))
      .map(([, value]) => value);
  }
  return [parameters];
}

/** A query Sequelize started: in flight until it finishes, recorded when it reaches SQLite. */
export interface PendingQuery {
  /** The query hands its statement to SQLite (the driver): the log records it now, in this order. */
  send(sql: string, parameters: unknown): SentStatement;
  /** The query is over (answered, failed, or never sent). */
  finish(): void;
}

export interface SentStatement {
  /** SQLite answered, with its error when the statement failed. */
  answer(error?: unknown): void;
}

const UNRECORDED: SentStatement = { answer: () => undefined };

export class SqlRecorder {
  readonly statements: SqlStatement[] = [];
  /** Statements not recorded because the log was full. */
  dropped = 0;
  /** Queries started and not yet over: the run is not over while any are. */
  inFlight = 0;
  private stopped = false;

  constructor(private readonly now: () => number) {}

  /** Records nothing from now on: the program has ended (as Node exits at an unhandled rejection). */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Starts a query. Its statement is recorded when it is sent, not now: a query that first
   * looks up its tables' column types reaches SQLite after a statement started later, and
   * the log is in the order SQLite ran them.
   */
  start(source: SourceLocation | undefined): PendingQuery {
    this.inFlight++;
    let finished = false;
    return {
      send: (sql, parameters) => this.record(sql, parameters, source),
      finish: () => {
        if (finished) return;
        finished = true;
        this.inFlight--;
      },
    };
  }

  private record(sql: string, parameters: unknown, source: SourceLocation | undefined): SentStatement {
    if (this.stopped) return UNRECORDED;
    if (this.statements.length >= MAX_STATEMENTS) {
      this.dropped++;
      return UNRECORDED;
    }
    const startedAt = this.now();
    const entry: SqlStatement = {
      sql,
      bind: orderedBindValues(parameters).map(toJsonValue),
      durationMs: 0,
      internal: INTERNAL.test(sql),
      ...(source ? { source } : {}),
    };
    this.statements.push(entry);
    let answered = false;
    return {
      answer: (error?: unknown) => {
        if (answered) return;
        answered = true;
        entry.durationMs = this.now() - startedAt;
        if (error) entry.error = String((error as { message?: string }).message ?? error);
      },
    };
  }
}
