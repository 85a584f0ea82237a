/**
 * Records what each statement did to the rows, with SQLite's own mechanism: a temporary
 * trigger per table and write kind calls back into JavaScript with the row's values, so
 * rows changed by a foreign key's ON DELETE CASCADE or SET NULL are seen as they happen,
 * and nothing is copied per statement. Each change is attributed to the statement of the
 * SQL log that caused it.
 *
 * How it attaches, without touching the driver: the run hands every sql.js Database it
 * opens to attach(), which registers the callback and wraps that database's run(), exec()
 * and prepare() (a prepared statement executes from its first step() to its reset() or
 * free()). Each marks the start and end of one statement's execution; the recorder pairs it with the SQL log's
 * entry for the same text (the oldest of those not yet executed, since Sequelize may start
 * several before the database runs them). After a call that changed the schema (CREATE,
 * ALTER or DROP) the triggers are brought up to date: a new table gets its three, a
 * rebuilt one gets new ones (DROP TABLE drops its triggers with it).
 *
 * Temporary triggers live in the connection's `temp` schema, so Sequelize's look-ups in
 * `sqlite_master` and the tables the learner sees are unchanged; a trigger's SELECT does not
 * change `changes()` or `last_insert_rowid()`.
 *
 * A statement that fails is undone by SQLite: what its triggers reported is dropped. A
 * ROLLBACK (or ROLLBACK TO a savepoint) is recorded as the step that undoes the rows
 * changed since its BEGIN or SAVEPOINT.
 *
 * Long programs: recording stops after MAX_ROW_CHANGES rows (or MAX_VALUE_CHARS characters
 * of values); the log says at which statement, and the triggers are dropped so the rest of
 * the run goes at full speed.
 */
import type { BindParams, Database as SqlJsDatabase, SqlValue } from 'sql.js';
import type { ChangeLog, JsonValue, RowChange, SqlStatement, StatementChanges } from '../../schemas/run-result';
import { toJsonValue } from './json-value';

/** Rows recorded at most, over the whole run. */
export const MAX_ROW_CHANGES = 2_000;
/** Characters of recorded values at most (long texts count in full). */
export const MAX_VALUE_CHARS = 2_000_000;

const CALLBACK = 'assoclab_row_change';
const TRIGGER_PREFIX = 'assoclab_';
const SCHEMA_CHANGE = /\b(CREATE|ALTER|DROP)\s+(TEMP\s+|TEMPORARY\s+)?TABLE\b/i;
/** The one-table forms Sequelize's sync() sends, handled without reading the whole schema. */
const SIMPLE_DDL = /^\s*(CREATE|DROP)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:`([^`]+)`|"([^"]+)"|([\w$]+))(?![\s\S]*;\s*\S)/i;
const TRANSACTION = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b(?:\s+(?:TO\s+)?(?:SAVEPOINT\s+)?([`"']?)([\w$]+)\2)?/i;
/** How far back from the newest entry of the SQL log a statement's execution is looked for. */
const MATCH_WINDOW = 64;

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteString = (text: string) => `'${text.replace(/'/g, "''")}'`;

type Operation = 1 | 2 | 3; // insert, update, delete

interface TableTriggers {
  /** The columns in the order the triggers pass them. */
  columns: string[];
  /** Its primary key's columns, and whether that key is the rowid (a lone INTEGER PRIMARY KEY). */
  primaryKey: string[];
  rowidKey: boolean;
  /** Its foreign keys: the table each references, and the columns there (none: its primary key). */
  references: { parent: string; columns: string[] }[];
  /** Whether its INSERT trigger is in place (see keylessParents()). */
  insertTrigger: boolean;
}

interface Execution {
  /** The SQL log's entry being executed (undefined when it is not in the log). */
  index: number | undefined;
  rows: RowChange[];
}

interface Attached {
  db: SqlJsDatabase;
  /** The database's own run() and exec(), unwrapped. */
  run: RunFn;
  exec: ExecFn;
  prepare?: PrepareFn;
  /** The tables that have triggers, with the columns the triggers pass. */
  tables: Map<string, TableTriggers>;
}

interface Mark {
  /** SAVEPOINT name, or '' for BEGIN. */
  name: string;
  /** How many row changes had been recorded when it was set. */
  at: number;
}

type RunFn = SqlJsDatabase['run'];
type ExecFn = SqlJsDatabase['exec'];
type PrepareFn = SqlJsDatabase['prepare'];

export class ChangeRecorder {
  private readonly steps: StatementChanges[] = [];
  /** Every recorded row change in order, for undoing a ROLLBACK. */
  private readonly applied: RowChange[] = [];
  private current: Execution | undefined;
  private claimed = new Set<number>();
  private lowWater = 0;
  private marks: Mark[] = [];
  private chars = 0;
  private stoppedAt: ChangeLog['stoppedAt'];
  private stopped = false;
  private readonly attached: Attached[] = [];

  /** `statements` is the SQL log as it grows (the recorder's own array). */
  constructor(private readonly statements: readonly SqlStatement[]) {}

  /** Starts recording the changes made to `db` (a database the program just opened). */
  attach(db: SqlJsDatabase): void {
    const run = db.run.bind(db) as RunFn;
    const exec = db.exec.bind(db) as ExecFn;
    const entry: Attached = { db, run, exec, tables: new Map<string, TableTriggers>() };
    this.attached.push(entry);
    const onRow = (...args: SqlValue[]) => {
      this.onRow(entry.tables, args);
      return null;
    };
    // Any number of arguments: sql.js registers the function with its `length`, and -1 is SQLite's "variadic".
    Object.defineProperty(onRow, 'length', { value: -1 });
    db.create_function(CALLBACK, onRow);
    const wrap =
      <F extends RunFn | ExecFn>(original: F) =>
      (sql: string, params?: unknown, ...rest: unknown[]) =>
        this.execute(entry, sql, () => (original as (...args: unknown[]) => ReturnType<F>)(sql, params, ...rest));
    const prepare = db.prepare.bind(db) as PrepareFn;
    // A prepared statement executes from its first step() to its reset() or free().
    const prepareWatched = (sql: string, params?: BindParams) => {
      const statement = prepare(sql, params);
      if (this.stopped || this.current) return statement; // inside db.run()/exec(), or after the program
      const step = statement.step.bind(statement);
      const reset = statement.reset.bind(statement);
      const free = statement.free.bind(statement);
      let running: { finish(failed: boolean): void } | undefined;
      let failed = false;
      const end = () => {
        running?.finish(failed);
        running = undefined;
        failed = false;
      };
      Object.assign(statement, {
        step: () => {
          running ??= this.begin(entry, sql);
          try {
            return step();
          } catch (error) {
            failed = true;
            throw error;
          }
        },
        reset: () => {
          end();
          return reset();
        },
        free: () => {
          end();
          return free();
        },
      });
      return statement;
    };
    Object.assign(db, { run: wrap(run), exec: wrap(exec), prepare: prepareWatched });
    entry.prepare = prepare;
  }

  /** Stops recording (the program is over: what the probes or the inspection do is not the program's). */
  stop(): void {
    this.stopped = true;
    for (const { db, run, exec, prepare } of this.attached) Object.assign(db, { run, exec, ...(prepare ? { prepare } : {}) });
  }

  /** The log, or undefined when the program changed no rows and recording never stopped. */
  result(): ChangeLog | undefined {
    if (this.steps.length === 0 && !this.stoppedAt) return undefined;
    return { steps: this.steps, ...(this.stoppedAt ? { stoppedAt: this.stoppedAt } : {}) };
  }

  private execute<T>(entry: Attached, sql: string, call: () => T): T {
    if (this.stopped || this.current || typeof sql !== 'string') return call();
    const running = this.begin(entry, sql);
    let failed = false;
    try {
      return call();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      running.finish(failed);
    }
  }

  /** Starts one statement's execution; `finish(failed)` ends it (a failed statement was undone by SQLite: its rows did not change). */
  private begin(entry: Attached, sql: string): { finish(failed: boolean): void } {
    const execution: Execution = { index: this.claim(sql), rows: [] };
    const outer = this.current;
    this.current = execution;
    return {
      finish: (failed) => {
        if (this.current !== execution) return;
        this.current = outer;
        if (this.stopped) {
          // Recording stopped during this statement (too many rows): the rest of the run goes without triggers.
          this.stop();
          this.dropTriggers();
        } else {
          if (!failed) this.finishExecution(execution, sql);
          if (SCHEMA_CHANGE.test(sql)) this.schemaChanged(entry, sql);
        }
      },
    };
  }

  /** The SQL log's entry for an execution of `sql`: the oldest recent one of that text not yet executed. */
  private claim(sql: string): number | undefined {
    const statements = this.statements;
    while (this.claimed.has(this.lowWater)) this.claimed.delete(this.lowWater++);
    for (let i = Math.max(this.lowWater, statements.length - MATCH_WINDOW); i < statements.length; i++) {
      if (!this.claimed.has(i) && statements[i]!.sql === sql) {
        this.claimed.add(i);
        return i;
      }
    }
    return undefined;
  }

  private finishExecution(execution: Execution, sql: string): void {
    let rows = execution.rows;
    const transaction = TRANSACTION.exec(sql);
    if (transaction) rows = rows.concat(this.transactionControl(transaction[1]!.toUpperCase(), transaction[3] ?? '', sql));
    if (rows.length === 0) return;
    if (execution.index === undefined) {
      // Changes with no entry of the SQL log to show them under (the log is full): stop here.
      this.stopAt(this.statements.length, 'the SQL log was full');
      this.stop();
      this.dropTriggers();
      return;
    }
    this.steps.push({ statement: execution.index, rows });
    for (const row of rows) this.applied.push(row);
  }

  private stopAt(statement: number, reason: string): void {
    this.stoppedAt ??= { statement, reason };
    this.stopped = true;
  }

  /** Keeps track of BEGIN / SAVEPOINT marks; returns the rows a ROLLBACK undid. */
  private transactionControl(keyword: string, name: string, sql: string): RowChange[] {
    if (keyword === 'BEGIN') {
      this.marks = [{ name: '', at: this.applied.length }];
    } else if (keyword === 'SAVEPOINT') {
      this.marks.push({ name: name.toLowerCase(), at: this.applied.length });
    } else if (keyword === 'COMMIT' || keyword === 'END') {
      this.marks = [];
    } else if (keyword === 'RELEASE') {
      const at = this.findMark(name);
      if (at >= 0) this.marks.length = at;
    } else if (keyword === 'ROLLBACK') {
      const to = /\bTO\b/i.test(sql);
      const at = to ? this.findMark(name) : 0;
      const mark = this.marks[at];
      if (!mark) return [];
      const undone = this.applied.slice(mark.at).reverse().map(inverse);
      // ROLLBACK ends the transaction; ROLLBACK TO keeps its savepoint.
      this.marks.length = to ? at + 1 : 0;
      return undone;
    }
    return [];
  }

  private findMark(name: string): number {
    const wanted = name.toLowerCase();
    for (let i = this.marks.length - 1; i >= 0; i--) if (this.marks[i]!.name === wanted) return i;
    return -1;
  }

  /** The triggers' callback: (table, operation, old rowid, new rowid, old values..., new values...). */
  private onRow(tables: Map<string, TableTriggers>, args: SqlValue[]): void {
    const execution = this.current;
    if (!execution || this.stopped) return;
    const [table, operation, oldRowid, newRowid] = args as [string, Operation, number | null, number | null];
    const columns = tables.get(table)?.columns;
    if (!columns) return;
    const values = args.slice(4);
    const row = (offset: number) => {
      const out: Record<string, JsonValue> = {};
      columns.forEach((column, i) => {
        const value = toJsonValue(values[offset + i]);
        if (typeof value === 'string') this.chars += value.length;
        out[column] = value;
      });
      return out;
    };
    let change: RowChange;
    if (operation === 1) change = { table, kind: 'added', rowid: Number(newRowid), after: row(0) };
    else if (operation === 3) change = { table, kind: 'removed', rowid: Number(oldRowid), before: row(0) };
    else {
      change = { table, kind: 'changed', rowid: Number(newRowid), before: row(0), after: row(columns.length) };
      if (oldRowid !== newRowid) change.fromRowid = Number(oldRowid);
    }
    execution.rows.push(change);
    if (this.applied.length + execution.rows.length > MAX_ROW_CHANGES || this.chars > MAX_VALUE_CHARS) {
      // Whole statements only: this one and everything after it are left out.
      execution.rows = [];
      this.stopAt(
        execution.index ?? this.statements.length,
        this.chars > MAX_VALUE_CHARS ? 'the changed rows held too much text' : `more than ${MAX_ROW_CHANGES.toLocaleString('en-US')} rows changed`,
      );
    }
  }

  /** Gives every table of the database its three triggers, matching its current columns. */
  private schemaChanged(entry: Attached, sql: string): void {
    const simple = SIMPLE_DDL.exec(sql);
    if (!simple) return this.syncTriggers(entry);
    const table = simple[2] ?? simple[3] ?? simple[4]!;
    if (simple[1]!.toUpperCase() === 'DROP') {
      entry.tables.delete(table); // DROP TABLE dropped its triggers too
    } else if (!entry.tables.has(table)) {
      try {
        const shape = readTable(entry.exec, table);
        if (shape.columns.length) this.installTriggers(entry, table, shape, false);
      } catch {
        // Not a table the triggers can follow: its rows are not recorded.
      }
    }
    this.fitInsertTriggers(entry);
  }

  private syncTriggers(entry: Attached): void {
    const { exec, tables } = entry;
    try {
      const rows = (sql: string) => exec(sql)[0]?.values ?? [];
      const present = new Set(
        rows(`SELECT tbl_name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE '${TRIGGER_PREFIX}%'`).map((row) => String(row[0])),
      );
      const names = rows("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").map((row) => String(row[0]));
      const live = new Set(names);
      for (const name of tables.keys()) if (!live.has(name)) tables.delete(name);
      for (const name of names) {
        const shape = readTable(exec, name);
        const known = tables.get(name);
        if (known && present.has(name) && JSON.stringify({ ...known, insertTrigger: undefined }) === JSON.stringify({ ...shape, insertTrigger: undefined }))
          continue;
        this.installTriggers(entry, name, shape);
      }
      this.fitInsertTriggers(entry);
    } catch {
      // A schema the triggers cannot follow (a WITHOUT ROWID table, say): its rows are not recorded.
    }
  }

  private installTriggers(entry: Attached, table: string, shape: TableTriggers, replace = true): void {
    const kinds: Kind[] = shape.insertTrigger ? ['INSERT', 'UPDATE', 'DELETE'] : ['UPDATE', 'DELETE'];
    const script = kinds.map((kind) => {
      const create = createTrigger(table, shape.columns, kind);
      return replace ? `DROP TRIGGER IF EXISTS temp.${triggerName(table, kind)}; ${create}` : create;
    });
    if (replace && !shape.insertTrigger) script.push(`DROP TRIGGER IF EXISTS temp.${triggerName(table, 'INSERT')};`);
    entry.exec(script.join('\n'));
    entry.tables.set(table, shape);
  }

  /**
   * A trigger changes what SQLite checks, in one case: a table with triggers on INSERT is
   * written as a statement that may write several rows, and inserting into a foreign key's
   * parent table then looks up the parent key's index. Where a foreign key references
   * columns with no unique index ("foreign key mismatch"), inserting into the parent would
   * fail with the triggers and succeeds without them (SQLite's fkey.c). Such a parent table
   * goes without its INSERT trigger (its new rows are not recorded), so the program runs
   * as it would on any SQLite.
   */
  private fitInsertTriggers(entry: Attached): void {
    const keyless = keylessParents(entry);
    for (const [table, shape] of entry.tables) {
      const wanted = !keyless.has(table);
      if (shape.insertTrigger === wanted) continue;
      entry.exec(wanted ? createTrigger(table, shape.columns, 'INSERT') : `DROP TRIGGER IF EXISTS temp.${triggerName(table, 'INSERT')};`);
      shape.insertTrigger = wanted;
    }
  }

  private dropTriggers(): void {
    for (const { run, tables } of this.attached) {
      for (const table of tables.keys()) {
        for (const kind of ['insert', 'update', 'delete']) {
          try {
            run(`DROP TRIGGER IF EXISTS temp.${quoteIdentifier(`${TRIGGER_PREFIX}${kind}_${table}`)}`);
          } catch {
            // The database is closed or busy: its triggers go with it.
          }
        }
      }
      tables.clear();
    }
  }
}

type Kind = 'INSERT' | 'UPDATE' | 'DELETE';

const triggerName = (table: string, kind: Kind) => quoteIdentifier(`${TRIGGER_PREFIX}${kind.toLowerCase()}_${table}`);

function createTrigger(table: string, columns: string[], kind: Kind): string {
  const values = (prefix: 'old' | 'new') => columns.map((column) => `${prefix}.${quoteIdentifier(column)}`).join(', ');
  const call = (operation: Operation, rowids: string, list: string) =>
    `SELECT ${CALLBACK}(${quoteString(table)}, ${operation}, ${rowids}${list ? `, ${list}` : ''});`;
  const body =
    kind === 'INSERT'
      ? call(1, 'NULL, new.rowid', values('new'))
      : kind === 'UPDATE'
        ? call(2, 'old.rowid, new.rowid', [values('old'), values('new')].filter(Boolean).join(', '))
        : call(3, 'old.rowid, NULL', values('old'));
  return `CREATE TEMP TRIGGER ${triggerName(table, kind)} AFTER ${kind} ON main.${quoteIdentifier(table)} BEGIN ${body} END;`;
}

/** A table's columns, keys and foreign keys, from SQLite's PRAGMAs. */
function readTable(exec: ExecFn, table: string): TableTriggers {
  const rows = (sql: string) => exec(sql)[0]?.values ?? [];
  const info = rows(`PRAGMA main.table_info(${quoteIdentifier(table)})`); // cid, name, type, notnull, default, pk
  const primaryKey = info
    .filter((row) => Number(row[5]) > 0)
    .sort((a, b) => Number(a[5]) - Number(b[5]))
    .map((row) => String(row[1]));
  const rowidKey = primaryKey.length === 1 && info.some((row) => Number(row[5]) === 1 && String(row[2]).toUpperCase() === 'INTEGER');
  const byId = new Map<number, { parent: string; columns: string[] }>();
  // id, seq, table, from, to, ...: one row per column of each foreign key.
  for (const row of rows(`PRAGMA main.foreign_key_list(${quoteIdentifier(table)})`)) {
    const reference = byId.get(Number(row[0])) ?? { parent: String(row[2]), columns: [] };
    if (row[4] !== null) reference.columns.push(String(row[4]));
    byId.set(Number(row[0]), reference);
  }
  return { columns: info.map((row) => String(row[1])), primaryKey, rowidKey, references: [...byId.values()], insertTrigger: true };
}

/** The tables a foreign key references by columns that no unique index covers. */
function keylessParents(entry: Attached): Set<string> {
  const keyless = new Set<string>();
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((name) => b.some((other) => other.toLowerCase() === name.toLowerCase()));
  const uniqueIndexes = new Map<string, string[][]>();
  const indexesOf = (table: string) => {
    let found = uniqueIndexes.get(table);
    if (!found) {
      const rows = (sql: string) => entry.exec(sql)[0]?.values ?? [];
      // seq, name, unique, origin, partial
      found = rows(`PRAGMA main.index_list(${quoteIdentifier(table)})`)
        .filter((row) => Number(row[2]) === 1 && Number(row[4]) === 0)
        .map((row) => rows(`PRAGMA main.index_info(${quoteIdentifier(String(row[1]))})`).map((column) => String(column[2])));
      uniqueIndexes.set(table, found);
    }
    return found;
  };
  for (const shape of entry.tables.values()) {
    for (const { parent, columns } of shape.references) {
      const target = [...entry.tables.entries()].find(([name]) => name.toLowerCase() === parent.toLowerCase());
      if (!target) continue;
      const [name, parentShape] = target;
      const key = columns.length ? columns : parentShape.primaryKey;
      const located =
        (columns.length === 0 && parentShape.primaryKey.length > 0) ||
        (parentShape.rowidKey && same(key, parentShape.primaryKey)) ||
        indexesOf(name).some((index) => same(key, index));
      if (!located) keyless.add(name);
    }
  }
  return keyless;
}

function inverse(change: RowChange): RowChange {
  if (change.kind === 'added') return { table: change.table, kind: 'removed', rowid: change.rowid, before: change.after! };
  if (change.kind === 'removed') return { table: change.table, kind: 'added', rowid: change.rowid, after: change.before! };
  return {
    table: change.table,
    kind: 'changed',
    rowid: change.fromRowid ?? change.rowid,
    ...(change.fromRowid !== undefined ? { fromRowid: change.rowid } : {}),
    before: change.after!,
    after: change.before!,
  };
}
