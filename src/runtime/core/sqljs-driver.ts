/**
 * A driver with the `sqlite3` package's API, backed by sql.js (SQLite compiled to
 * WebAssembly). Sequelize's sqlite dialect receives it as `dialectModule`, so the real
 * Sequelize runs unchanged in a browser worker and in Node.
 *
 * It answers as node-sqlite3 (the native package a learner installs) does, because the
 * same program must print the same things on both (tests/differential.test.ts):
 * - errors are `Error('SQLITE_CODE: message')` with own `errno` and `code`, the code taken
 *   from SQLite's result code (what sql.js passes to Database#handleError), never guessed
 *   from the message, and with no stack frames (node-sqlite3 creates them in C++);
 * - a call runs only the first statement of its SQL (sqlite3_prepare_v2 ignores the tail);
 * - parameters bind as node-sqlite3 binds them: a Date as its number of milliseconds, an
 *   object as '[object Object]', a name the statement does not have, or a position past
 *   its last parameter, fails with SQLITE_RANGE;
 * - `this` in a callback is a `Statement` (Sequelize tests the constructor's *name*), with
 *   own `lastID` and `changes` after a successful run() only;
 * - callbacks come in later turns of the event loop (macrotasks, through the host's
 *   `settle` hook) and as many as node-sqlite3 takes: it answers from its thread pool,
 *   one round trip to open or close, two for a statement (prepare, then run), one for a
 *   statement that failed to prepare. Two transactions started together interleave as
 *   they do natively only so.
 *
 * What Sequelize also relies on: the open callback runs after the constructor returns, and
 * `filename` is ':memory:' (or Sequelize closes the database after each transaction).
 */
import type { BindParams, Database as SqlJsDatabase, SqlJsStatic, SqlValue, Statement as SqlJsStatement } from 'sql.js';

type OpenCallback = (err: Error | null) => void;

/** node-sqlite3's names for SQLite's primary result codes (its sqlite_code_string). */
const CODE_NAMES: Record<number, string> = {
  0: 'SQLITE_OK',
  1: 'SQLITE_ERROR',
  2: 'SQLITE_INTERNAL',
  3: 'SQLITE_PERM',
  4: 'SQLITE_ABORT',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  9: 'SQLITE_INTERRUPT',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  15: 'SQLITE_PROTOCOL',
  16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA',
  18: 'SQLITE_TOOBIG',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS',
  23: 'SQLITE_AUTH',
  24: 'SQLITE_FORMAT',
  25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB',
  100: 'SQLITE_ROW',
  101: 'SQLITE_DONE',
};
const SQLITE_MISUSE = 21;
const SQLITE_RANGE = 25;

export type SqliteDriverError = Error & { errno: number; code: string };

/**
 * An error as node-sqlite3 makes it: message `CODE: text`, own `errno` then `code`, and a
 * stack of its first line only, so Node prints it as `[Error: SQLITE_...] { errno, code }`.
 */
export function sqliteError(resultCode: number, message: string): SqliteDriverError {
  // Result codes carry extended information in their upper bits; node-sqlite3 reports the primary code.
  const errno = resultCode & 0xff;
  const code = CODE_NAMES[errno] ?? 'UNKNOWN';
  const error = new Error(`${code}: ${message}`) as SqliteDriverError;
  error.stack = `Error: ${code}: ${message}`;
  error.errno = errno;
  error.code = code;
  return error;
}

/** Carries SQLite's result code from sql.js's handleError to the driver. */
class ResultCodeError extends Error {
  constructor(
    readonly resultCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** A statement SQLite could not prepare (a syntax error, an unknown table). */
class PrepareFailure {
  constructor(readonly failure: unknown) {}
}

/**
 * The result context of run()/all(), as node-sqlite3's: `sql` is not enumerable, and
 * lastID and changes are set (enumerable) by a successful run() only, so a raw query's
 * metadata prints as `Statement {}` or `Statement { lastID: 3, changes: 1 }`.
 */
export class Statement {
  declare readonly sql: string;
  declare lastID?: number;
  declare changes?: number;
  constructor(sql: string) {
    Object.defineProperty(this, 'sql', { value: sql, enumerable: false });
  }
}
// Minifiers rename classes; Sequelize identifies insert metadata by this exact name.
Object.defineProperty(Statement, 'name', { value: 'Statement' });

/** A value as node-sqlite3 binds it (Statement::BindParameter), in sql.js's terms. */
function toSqlValue(value: unknown): SqlValue {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || value === undefined || typeof value === 'bigint' || typeof value === 'symbol') return null;
  if (value instanceof RegExp) return String(value);
  if (value instanceof Uint8Array) return value;
  // A double of milliseconds (sql.js binds an integral value below 2^31 as an integer: only dates in January 1970 differ).
  if (value instanceof Date) return value.getTime();
  return '[object Object]';
}

export interface DriverHooks {
  /** Called for every database the program opens, so the run can inspect and free it. */
  onOpen?(db: SqlJsDatabase): void;
  /**
   * When true, close() only detaches the database and leaves freeing it to whoever got
   * it from onOpen: a program that ends with `sequelize.close()` still has its tables
   * shown after the run.
   */
  deferFree?: boolean;
  /**
   * Calls back in a later macrotask of the host's event loop, as node-sqlite3 answers from
   * its thread pool (the host's RuntimeHost.macrotask). Without it, a microtask: fine for
   * tests that do not depend on how results interleave.
   */
  settle?(callback: () => void): void;
}

/** The module object passed to Sequelize as `dialectModule`. */
export interface Sqlite3CompatibleModule {
  OPEN_READONLY: number;
  OPEN_READWRITE: number;
  OPEN_CREATE: number;
  verbose(): Sqlite3CompatibleModule;
  Database: new (filename: string, mode?: number | OpenCallback, callback?: OpenCallback) => Sqlite3CompatibleDatabase;
}

export interface Sqlite3CompatibleDatabase {
  readonly filename: string;
  readonly open: boolean;
  serialize(fn?: () => void): void;
  parallelize(fn?: () => void): void;
  run(sql: string, params?: unknown, callback?: unknown): this;
  all(sql: string, params?: unknown, callback?: unknown): this;
  get(sql: string, params?: unknown, callback?: unknown): this;
  exec(sql: string, callback?: OpenCallback): this;
  close(callback?: OpenCallback): void;
}

/** What sql.js exports beyond its typings: Emscripten's cwrap. */
interface SqlJsModule extends SqlJsStatic {
  cwrap?(name: string, returns: string, args: string[]): (...args: unknown[]) => unknown;
}

function splitArgs(params: unknown, callback: unknown): [unknown, ((...args: unknown[]) => void) | undefined] {
  if (typeof params === 'function') return [undefined, params as (...args: unknown[]) => void];
  return [params, typeof callback === 'function' ? (callback as (...args: unknown[]) => void) : undefined];
}

export function createSqlite3Driver(SQL: SqlJsStatic, hooks: DriverHooks = {}): Sqlite3CompatibleModule {
  const settle = hooks.settle ?? queueMicrotask;
  const bindParameterIndex = (SQL as SqlJsModule).cwrap?.('sqlite3_bind_parameter_index', 'number', ['number', 'string']) as
    ((statement: number, name: string) => number) | undefined;

  /** The native statement handle of a sql.js Statement, from its database's map of open statements. */
  function handleOf(db: SqlJsDatabase, statement: SqlJsStatement): number | undefined {
    for (const value of Object.values(db)) {
      if (typeof value !== 'object' || value === null || value instanceof Map) continue;
      for (const key of Object.keys(value)) if ((value as Record<string, unknown>)[key] === statement) return Number(key);
    }
    return undefined;
  }

  /**
   * Binds as node-sqlite3 does: an array by position; an object's keys by position when they
   * are integers, else by name (with its prefix: '$1', ':name'), a name not in the statement
   * being position 0, which SQLite refuses with SQLITE_RANGE.
   */
  function bind(db: SqlJsDatabase, statement: SqlJsStatement, params: unknown): void {
    if (params === undefined || params === null || typeof params !== 'object') return;
    if (Array.isArray(params)) {
      if (params.length) statement.bind(params.map(toSqlValue));
      return;
    }
    const byPosition: SqlValue[] = [];
    const handle = bindParameterIndex ? handleOf(db, statement) : undefined;
    if (handle === undefined || !bindParameterIndex) {
      // sql.js changed its internals: bind by name its way (names it does not know are skipped).
      const named: Record<string, SqlValue> = {};
      for (const key in params) named[key] = toSqlValue((params as Record<string, unknown>)[key]);
      statement.bind(named as BindParams);
      return;
    }
    let bound = false;
    for (const key in params) {
      const number = Number(key);
      const position = number === (number | 0) ? number : bindParameterIndex(handle, key);
      if (position <= 0) throw sqliteError(SQLITE_RANGE, 'column index out of range');
      byPosition[position - 1] = toSqlValue((params as Record<string, unknown>)[key]);
      bound = true;
    }
    // Unbound parameters are NULL in SQLite: filling the gaps with null changes nothing.
    if (bound) statement.bind(Array.from(byPosition, (value) => value ?? null));
  }

  class Database implements Sqlite3CompatibleDatabase {
    readonly filename: string;
    private db: SqlJsDatabase | null;

    constructor(filename: string, mode?: number | OpenCallback, callback?: OpenCallback) {
      const done = typeof mode === 'function' ? mode : callback;
      // Every database lives in memory: a browser tab has no file system, and each run
      // starts from an empty database whatever storage path the program names.
      this.filename = ':memory:';
      void filename;
      const db = new SQL.Database();
      // Every failure inside sql.js passes SQLite's result code to handleError, which throws
      // with the message only: keep the code.
      const handleError = db.handleError.bind(db) as (resultCode: number) => null;
      Object.defineProperty(db, 'handleError', {
        configurable: true,
        value: (resultCode: number) => {
          try {
            return handleError(resultCode);
          } catch (error) {
            throw new ResultCodeError(resultCode, error instanceof Error ? error.message : String(error));
          }
        },
      });
      this.db = db;
      // sql.js keeps the database in a file of its in-memory file system, which SQLite
      // would treat as a shared file: a journal file written and deleted on every
      // transaction, and a look for a leftover journal (a thrown ENOENT) before every
      // read. A rollback journal in memory (what SQLite uses for ':memory:' databases)
      // and an exclusive lock (nothing else can open this file) skip both: about half
      // of SQLite's time for a lesson's statements, with the same results.
      db.run('PRAGMA journal_mode = MEMORY');
      db.run('PRAGMA locking_mode = EXCLUSIVE');
      hooks.onOpen?.(db);
      // Opening is one round trip to node-sqlite3's thread pool.
      if (done) settle(() => done.call(this, null));
    }

    get open(): boolean {
      return this.db !== null;
    }

    serialize(fn?: () => void): void {
      // sql.js executes synchronously, so statements are already serialized.
      fn?.();
    }

    parallelize(fn?: () => void): void {
      fn?.();
    }

    /**
     * Prepares the first statement of `sql`, binds `params`, steps it to the end and hands
     * each row to `onRow`. A failure to prepare is thrown as a PrepareFailure: node-sqlite3
     * answers it a turn sooner than anything else, and with no `this`.
     */
    private execute(sql: string, params: unknown, onRow?: (statement: SqlJsStatement) => void): void {
      const db = this.db;
      if (!db) throw sqliteError(SQLITE_MISUSE, 'Database is closed');
      let statement: SqlJsStatement;
      try {
        statement = db.prepare(sql);
      } catch (error) {
        // SQL with no statement in it (only a comment): node-sqlite3 steps a null handle.
        if (error === 'Nothing to prepare') throw sqliteError(SQLITE_MISUSE, 'not an error');
        throw new PrepareFailure(error);
      }
      try {
        bind(db, statement, params);
        while (statement.step()) onRow?.(statement);
      } finally {
        statement.free();
      }
    }

    /**
     * Calls back as node-sqlite3 does: two turns after the call (one to prepare the
     * statement in its thread pool, one to run it), one turn when it could not be prepared.
     */
    private answer(done: ((...args: unknown[]) => void) | undefined, statement: Statement, failure: unknown, ...results: unknown[]): void {
      if (!done) return;
      if (failure instanceof PrepareFailure) {
        settle(() => done.call(undefined, toDriverError(failure.failure)));
        return;
      }
      settle(() => settle(() => done.call(statement, failure === undefined ? null : toDriverError(failure), ...results)));
    }

    run(sql: string, params?: unknown, callback?: unknown): this {
      const [values, done] = splitArgs(params, callback);
      const statement = new Statement(sql);
      try {
        this.execute(sql, values);
        const db = this.db!;
        statement.lastID = Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? 0);
        statement.changes = db.getRowsModified();
      } catch (error) {
        this.answer(done, statement, error);
        return this;
      }
      this.answer(done, statement, undefined);
      return this;
    }

    private rows(sql: string, values: unknown): Record<string, unknown>[] {
      const rows: Record<string, unknown>[] = [];
      let columns: string[] | undefined;
      this.execute(sql, values, (statement) => {
        columns ??= statement.getColumnNames();
        const record: Record<string, unknown> = {};
        statement.get().forEach((value, index) => {
          // BLOBs come back from sql.js as Uint8Array; sqlite3 (and Sequelize) expect Buffer.
          record[columns![index]!] = value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
        });
        rows.push(record);
      });
      return rows;
    }

    all(sql: string, params?: unknown, callback?: unknown): this {
      const [values, done] = splitArgs(params, callback);
      const statement = new Statement(sql);
      let rows: Record<string, unknown>[];
      try {
        rows = this.rows(sql, values);
      } catch (error) {
        this.answer(done, statement, error);
        return this;
      }
      this.answer(done, statement, undefined, rows);
      return this;
    }

    get(sql: string, params?: unknown, callback?: unknown): this {
      const [values, done] = splitArgs(params, callback);
      const statement = new Statement(sql);
      let row: Record<string, unknown> | undefined;
      try {
        row = this.rows(sql, values)[0];
      } catch (error) {
        this.answer(done, statement, error);
        return this;
      }
      this.answer(done, statement, undefined, row);
      return this;
    }

    exec(sql: string, callback?: OpenCallback): this {
      // exec() is the one call that runs every statement of its SQL.
      let failure: unknown;
      try {
        if (!this.db) throw sqliteError(SQLITE_MISUSE, 'Database is closed');
        this.db.exec(sql);
      } catch (error) {
        failure = error;
      }
      if (callback) settle(() => callback.call(this, failure === undefined ? null : toDriverError(failure)));
      return this;
    }

    close(callback?: OpenCallback): void {
      // Closing twice is harmless: the second call finds nothing to free.
      const db = this.db;
      this.db = null;
      if (!hooks.deferFree) db?.close();
      if (callback) settle(() => callback.call(this, null));
    }
  }

  const driver: Sqlite3CompatibleModule = {
    OPEN_READONLY: 0x00000001,
    OPEN_READWRITE: 0x00000002,
    OPEN_CREATE: 0x00000004,
    verbose: () => driver,
    Database,
  };
  return driver;
}

/** Whatever a call threw, as node-sqlite3's error: SQLite's own code when sql.js had one. */
function toDriverError(error: unknown): SqliteDriverError {
  if (error instanceof ResultCodeError) return sqliteError(error.resultCode, error.message);
  if (error instanceof Error && typeof (error as Partial<SqliteDriverError>).errno === 'number') return error as SqliteDriverError;
  // sql.js throws a few strings of its own ('Statement closed'): misuse, as node-sqlite3 calls them.
  return sqliteError(SQLITE_MISUSE, error instanceof Error ? error.message : String(error));
}
