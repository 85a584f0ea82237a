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

function orderedBindValues(parameters: unknown): unknown[] {
  if (parameters === undefined || parameters === null) return [];
  if (Array.isArray(parameters)) return parameters;
  if (typeof parameters === 'object') {
    // Sequelize binds as { $1: a, $2: b }: keep the numeric order.
    return Object.entries(parameters as Record<string, unknown>)
      .sort(([a], [b]) => Number(a.replace(/^\$/, '')) - Number(b.replace(/^\$/, '')))
      .map(([, value]) => value);
  }
  return [parameters];
}

export interface PendingStatement {
  finish(error?: unknown): void;
}

export class SqlRecorder {
  readonly statements: SqlStatement[] = [];
  /** Statements not recorded because the log was full. */
  dropped = 0;
  /** Statements sent and not yet answered: the run is not over while any are. */
  inFlight = 0;

  constructor(private readonly now: () => number) {}

  start(sql: string, parameters: unknown, source: SourceLocation | undefined): PendingStatement {
    const startedAt = this.now();
    this.inFlight++;
    let entry: SqlStatement | undefined;
    if (this.statements.length < MAX_STATEMENTS) {
      entry = {
        sql,
        bind: orderedBindValues(parameters).map(toJsonValue),
        durationMs: 0,
        internal: INTERNAL.test(sql),
        ...(source ? { source } : {}),
      };
      this.statements.push(entry);
    } else {
      this.dropped++;
    }
    let finished = false;
    return {
      finish: (error?: unknown) => {
        if (finished) return;
        finished = true;
        this.inFlight--;
        if (!entry) return;
        entry.durationMs = this.now() - startedAt;
        if (error !== undefined) {
          const parent = (error as { parent?: { message?: string }; message?: string }).parent;
          entry.error = String(parent?.message ?? (error as { message?: string }).message ?? error);
        }
      },
    };
  }
}
