/**
 * A driver with the `sqlite3` package's API, backed by sql.js (SQLite compiled to
 * WebAssembly). Sequelize's sqlite dialect receives it as `dialectModule`, so the real
 * Sequelize runs unchanged in a browser worker and in Node.
 *
 * What Sequelize relies on (see its dialects/sqlite connection-manager.js and query.js):
 * the open callback runs after the constructor returns; `filename` is ':memory:' for the
 * in-memory database (or Sequelize closes it after each transaction); `this` in run()'s
 * callback is a `Statement` carrying lastID and changes (bulkCreate derives ids from it,
 * by the constructor's *name*); errors carry `code` so constraint violations become
 * Sequelize's own error classes. Callbacks are deferred with queueMicrotask: timer-based
 * deferral clamps to ~4 ms per query in browsers.
 */
import type { Database as SqlJsDatabase, SqlJsStatic, SqlValue, BindParams } from 'sql.js';

type Callback = (this: Statement, err: Error | null, rows?: Record<string, unknown>[]) => void;
type OpenCallback = (err: Error | null) => void;
type Params = unknown[] | Record<string, unknown> | undefined;

/** Error shaped like node-sqlite3's: `SQLITE_CODE: message`, with `code` and `errno`. */
export class SqliteDriverError extends Error {
  readonly code: string;
  readonly errno: number;
  constructor(message: string, code: string, errno: number) {
    super(`${code}: ${message}`);
    this.name = 'Error';
    this.code = code;
    this.errno = errno;
  }
}

/** The result context of run()/all(); Sequelize tests `constructor.name === 'Statement'`. */
export class Statement {
  constructor(
    readonly sql: string,
    readonly lastID: number,
    readonly changes: number,
  ) {}
}
// Minifiers rename classes; Sequelize identifies insert metadata by this exact name.
Object.defineProperty(Statement, 'name', { value: 'Statement' });

const INSERT = /^\s*(INSERT|REPLACE)\b/i;

const ERROR_CODES: [RegExp, string, number][] = [
  [/constraint failed|NOT NULL constraint|FOREIGN KEY/i, 'SQLITE_CONSTRAINT', 19],
  [/database is locked/i, 'SQLITE_BUSY', 5],
  [/readonly|read-only/i, 'SQLITE_READONLY', 8],
  [/datatype mismatch/i, 'SQLITE_MISMATCH', 20],
  [/too big|string or blob too big/i, 'SQLITE_TOOBIG', 18],
  [/interrupted/i, 'SQLITE_INTERRUPT', 9],
];

function toDriverError(error: unknown): SqliteDriverError {
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, code, errno] of ERROR_CODES) {
    if (pattern.test(message)) return new SqliteDriverError(message, code, errno);
  }
  return new SqliteDriverError(message, 'SQLITE_ERROR', 1);
}

function toSqlValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function toBindParams(params: Params): BindParams | undefined {
  if (params === undefined) return undefined;
  if (Array.isArray(params)) return params.length ? params.map(toSqlValue) : undefined;
  const keys = Object.keys(params);
  if (!keys.length) return undefined;
  const bound: Record<string, SqlValue> = {};
  for (const key of keys) {
    // Sequelize names bind parameters `$1`; sql.js wants the prefix in the key.
    const name = /^[$:@]/.test(key) ? key : `$${key}`;
    bound[name] = toSqlValue(params[key]);
  }
  return bound;
}

/** BLOBs come back from sql.js as Uint8Array; sqlite3 (and Sequelize) expect Buffer. */
function fromSqlValue(value: SqlValue): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

function splitArgs(params: unknown, callback: unknown): [Params, Callback | undefined] {
  if (typeof params === 'function') return [undefined, params as Callback];
  return [params as Params, callback as Callback | undefined];
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

export function createSqlite3Driver(SQL: SqlJsStatic, hooks: DriverHooks = {}): Sqlite3CompatibleModule {
  class Database implements Sqlite3CompatibleDatabase {
    readonly filename: string;
    private db: SqlJsDatabase | null;

    constructor(filename: string, mode?: number | OpenCallback, callback?: OpenCallback) {
      const done = typeof mode === 'function' ? mode : callback;
      // Every database lives in memory: a browser tab has no file system, and each run
      // starts from an empty database whatever storage path the program names.
      this.filename = ':memory:';
      void filename;
      this.db = new SQL.Database();
      // sql.js keeps the database in a file of its in-memory file system, which SQLite
      // would treat as a shared file: a journal file written and deleted on every
      // transaction, and a look for a leftover journal (a thrown ENOENT) before every
      // read. A rollback journal in memory (what SQLite uses for ':memory:' databases)
      // and an exclusive lock (nothing else can open this file) skip both: about half
      // of SQLite's time for a lesson's statements, with the same results.
      this.db.run('PRAGMA journal_mode = MEMORY');
      this.db.run('PRAGMA locking_mode = EXCLUSIVE');
      hooks.onOpen?.(this.db);
      if (done) queueMicrotask(() => done.call(this, null));
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

    private live(): SqlJsDatabase {
      if (!this.db) throw new Error('Database is closed');
      return this.db;
    }

    run(sql: string, params?: unknown, callback?: unknown): this {
      const [values, done] = splitArgs(params, callback);
      let statement = new Statement(sql, 0, 0);
      let failure: SqliteDriverError | null = null;
      try {
        const db = this.live();
        db.run(sql, toBindParams(values));
        const changes = db.getRowsModified();
        // sqlite3 documents lastID as meaningful after an INSERT only; asking SQLite for it
        // after every DROP, CREATE and PRAGMA would cost a statement each.
        const lastId = INSERT.test(sql) ? db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] : 0;
        statement = new Statement(sql, Number(lastId ?? 0), changes);
      } catch (error) {
        failure = toDriverError(error);
      }
      if (done) queueMicrotask(() => done.call(statement, failure));
      return this;
    }

    private rows(sql: string, values: Params): Record<string, unknown>[] {
      const results = this.live().exec(sql, toBindParams(values));
      // With several statements, sqlite3's all() answers with the last one's rows.
      const last = results[results.length - 1];
      if (!last) return [];
      return last.values.map((row) => {
        const record: Record<string, unknown> = {};
        last.columns.forEach((column, index) => {
          record[column] = fromSqlValue(row[index] ?? null);
        });
        return record;
      });
    }

    all(sql: string, params?: unknown, callback?: unknown): this {
      const [values, done] = splitArgs(params, callback);
      let rows: Record<string, unknown>[] = [];
      let failure: SqliteDriverError | null = null;
      try {
        rows = this.rows(sql, values);
      } catch (error) {
        failure = toDriverError(error);
      }
      const statement = new Statement(sql, 0, 0);
      if (done) queueMicrotask(() => done.call(statement, failure, rows));
      return this;
    }

    get(sql: string, params?: unknown, callback?: unknown): this {
      const [values, done] = splitArgs(params, callback);
      let row: Record<string, unknown> | undefined;
      let failure: SqliteDriverError | null = null;
      try {
        row = this.rows(sql, values)[0];
      } catch (error) {
        failure = toDriverError(error);
      }
      const statement = new Statement(sql, 0, 0);
      if (done) queueMicrotask(() => (done as (this: Statement, e: Error | null, r?: unknown) => void).call(statement, failure, row));
      return this;
    }

    exec(sql: string, callback?: OpenCallback): this {
      let failure: SqliteDriverError | null = null;
      try {
        this.live().exec(sql);
      } catch (error) {
        failure = toDriverError(error);
      }
      if (callback) queueMicrotask(() => callback.call(this, failure));
      return this;
    }

    close(callback?: OpenCallback): void {
      // Closing twice is harmless: the second call finds nothing to free.
      const db = this.db;
      this.db = null;
      if (!hooks.deferFree) db?.close();
      if (callback) queueMicrotask(() => callback.call(this, null));
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
