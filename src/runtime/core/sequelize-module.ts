/**
 * The `sequelize` module a learner's program imports: the real Sequelize 6, whose
 * `Sequelize` class is extended so that every sqlite form a tutorial writes
 * (`'sqlite::memory:'`, `{ dialect: 'sqlite', storage }`) runs on sql.js, every
 * statement is recorded with the learner's line that caused it, and the run knows each
 * instance so it can inspect and free it.
 *
 * Everything else is left as Sequelize does it natively: the constructor's arguments reach
 * the real constructor as written (a URL is parsed by Sequelize, so getDatabaseName() is
 * ':memory' for 'sqlite::memory:'), an explicit `logging` option logs as it does natively.
 * Two differences are on purpose: with no `logging` option nothing is logged (the SQL tab
 * shows every statement instead of `Executing (default): ...` lines in the output), and
 * every storage path is held in memory.
 */
import * as SequelizeLib from 'sequelize';
import type { Options, QueryOptions } from 'sequelize';
import type { SourceLocation } from '../../schemas/run-result';
import type { Sqlite3CompatibleModule } from './sqljs-driver';
import type { PendingQuery, SqlRecorder } from './sql-log';

/** Carries the learner's call site from sequelize.query() to the statement it sends. */
const CALL_SITE = Symbol('assoclab.callSite');
/** Marks an error with the learner's line when its own stack has none (async SQL errors). */
export const ERROR_SITE = Symbol('assoclab.errorSite');

export interface SequelizeModuleOptions {
  driver: Sqlite3CompatibleModule;
  recorder: SqlRecorder;
  /** Where the learner's program is at this moment. */
  callSite(): SourceLocation | undefined;
  /**
   * Shows a warning Sequelize gives through Node's process warnings (util.deprecate), which
   * Node prints to stderr as `(node:PID) [CODE] DeprecationWarning: ...`.
   */
  warn(text: string): void;
  /** Called with every Sequelize instance the program creates. */
  onInstance(instance: SequelizeLib.Sequelize): void;
}

export class UnsupportedDialectError extends Error {
  constructor(dialect: string) {
    super(
      `This playground runs SQLite inside your browser, so it cannot connect to ${dialect}. ` +
        `Use new Sequelize('sqlite::memory:') instead: everything else works the same.`,
    );
    this.name = 'UnsupportedDialectError';
  }
}

/** Sequelize's deprecations (lib/utils/deprecations.js), with the codes Node prints them with. */
const DEPRECATIONS = {
  noTrueLogging: ['SEQUELIZE0002', 'The logging-option should be either a function or false. Default: console.log'],
  noStringOperators: [
    'SEQUELIZE0003',
    'String based operators are deprecated. Please use Symbol based operators for better security, read more at https://sequelize.org/master/manual/querying.html#operators',
  ],
  noBoolOperatorAliases: ['SEQUELIZE0004', 'A boolean value was passed to options.operatorsAliases. This is a no-op with v5 and should be removed.'],
} as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The constructor's arguments as Sequelize reads them: (url, options?), (options), or
 * (database, username, password, options): which one holds the options, and the dialect.
 */
function readArguments(args: unknown[]): { optionsAt: number; options: Options; dialect: string | undefined } {
  const [first, second] = args;
  if (args.length === 1 && typeof first === 'object' && first !== null) {
    const options = first as Options;
    return { optionsAt: 0, options, dialect: options.dialect };
  }
  if ((args.length === 1 && typeof first === 'string') || (args.length === 2 && typeof second === 'object')) {
    const options = (second ?? {}) as Options;
    const scheme = /^([a-z0-9+.-]+):/i.exec(String(first))?.[1]?.toLowerCase();
    return { optionsAt: 1, options, dialect: scheme };
  }
  const options = (args[3] ?? {}) as Options;
  return { optionsAt: 3, options, dialect: options.dialect };
}

/** Where Sequelize's sqlite connection manager would open the database (its getConnection). */
function storageOf(options: Options): string {
  return options.storage !== undefined ? options.storage : options.host || ':memory:';
}

/**
 * Starts a statement with stack capture off. Sequelize's sqlite query creates an Error and
 * reads its `.stack` for every statement, in case it fails: formatting that trace was ~10%
 * of a warm run. The statement's own call site (recorded by `query`) says where the
 * learner sent it, which is all a failure needs (pointAtLearner).
 */
function runWithoutStack<T>(start: () => Promise<T>): Promise<T> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start(); // Sequelize creates its Error synchronously, inside this call
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Gives a failed statement's error the learner's line: as data, and as a frame of its stack
 * trace, whose first line stays Sequelize's own (natively `Error`, then frames).
 */
function pointAtLearner(error: Error, site: SourceLocation): void {
  Object.defineProperty(error, ERROR_SITE, { value: site, enumerable: false });
  const stack = error.stack ?? `${error.name}: ${error.message}`;
  if (!/\n\s+at /.test(stack)) error.stack = `${stack}\n    at main.js:${site.line}:${site.column}`;
}

type DriverCall = (sql: string, params?: unknown, callback?: unknown) => unknown;

/** On a recording connection: the driver's connection it stands for. */
const CONNECTION = Symbol('assoclab.connection');

/**
 * The connection as one query sees it: the statement it hands to SQLite (its run() or
 * all() with parameters and a callback, as Sequelize's sqlite Query calls them) is
 * recorded then, and SQLite's answer when it comes. The column-type lookups a query makes
 * first (all() with no parameters) pass through unrecorded, as they are not logged natively.
 */
function recordingConnection(given: Record<string | symbol, unknown>, query: PendingQuery): object {
  // A query that runs more statements of its own (showIndex's PRAGMA INDEX_INFO) calls run()
  // again while its connection is already a recording one: record through the driver's.
  const connection = (given[CONNECTION] ?? given) as Record<string, unknown>;
  const through = (method: 'run' | 'all') =>
    function (this: unknown, sql: string, params?: unknown, callback?: unknown) {
      const call = connection[method] as DriverCall;
      if (typeof params === 'function' || typeof callback !== 'function') return call.call(connection, sql, params, callback);
      const sent = query.send(sql, params);
      return call.call(connection, sql, params, function (this: unknown, error: unknown, ...results: unknown[]) {
        sent.answer(error ?? undefined);
        return (callback as (...args: unknown[]) => unknown).call(this, error, ...results);
      });
    };
  return Object.create(connection, { run: { value: through('run') }, all: { value: through('all') }, [CONNECTION]: { value: connection } }) as object;
}

/** Exports that are another name for a class exported under its own (`Error` is `BaseError`, `NUMERIC` is `DECIMAL`). */
const ALIAS_EXPORTS = new Set(['Error', 'NUMERIC', 'JSON', 'DOUBLE PRECISION']);
let classNamesRestored = false;

/**
 * A minified bundle renames Sequelize's classes (`EagerLoadingError` becomes `w`), and a
 * printed error starts with its class's name, as natively `EagerLoadingError
 * [SequelizeEagerLoadingError]: ...`. Each exported class gets back the name it is exported
 * under, which is its name in Sequelize's source; under Node nothing changes.
 */
function restoreClassNames(): void {
  if (classNamesRestored) return;
  classNamesRestored = true;
  for (const [name, value] of Object.entries(SequelizeLib)) {
    if (typeof value !== 'function' || !/^[A-Z]/.test(name) || ALIAS_EXPORTS.has(name) || value.name === name) continue;
    Object.defineProperty(value, 'name', { value: name, configurable: true });
  }
}

export function createSequelizeModule(settings: SequelizeModuleOptions): Record<string, unknown> {
  restoreClassNames();
  const { recorder } = settings;
  const RealSequelize = SequelizeLib.Sequelize;
  // Node prints each deprecation once per process; a run is the learner's process.
  const deprecated = new Set<string>();
  const deprecate = ([code, message]: readonly [string, string]) => {
    if (deprecated.has(code)) return;
    deprecated.add(code);
    // process.emitWarning prints on a later tick, after the code that caused it.
    queueMicrotask(() => settings.warn(`[${code}] DeprecationWarning: ${message}`));
  };

  class Sequelize extends RealSequelize {
    constructor(...args: unknown[]) {
      const { optionsAt, options, dialect } = readArguments(args);
      if (dialect && dialect !== 'sqlite') throw new UnsupportedDialectError(dialect);
      if (dialect === 'sqlite') {
        const given: Options = { ...options, dialectModule: settings.driver };
        // No `logging` option: silent, where Sequelize would print every statement (the SQL tab has them).
        if (!Object.prototype.hasOwnProperty.call(options, 'logging')) given.logging = false;
        if (given.logging === true) deprecate(DEPRECATIONS.noTrueLogging);
        if (isPlainObject(given.operatorsAliases)) deprecate(DEPRECATIONS.noStringOperators);
        else if (typeof given.operatorsAliases === 'boolean') deprecate(DEPRECATIONS.noBoolOperatorAliases);
        args = [...args];
        args[optionsAt] = given;
      }
      super(...(args as [string, Options]));
      // Every database is in memory (a browser tab has no file system): where Sequelize
      // would open a file, it opens the in-memory database instead.
      const resolved = (this as unknown as { options: Options }).options;
      if (dialect === 'sqlite' && storageOf(resolved) !== ':memory:') resolved.storage = ':memory:';

      const dialectObject = (this as unknown as { dialect: { Query: new (...a: unknown[]) => QueryLike } }).dialect;
      const BaseQuery = dialectObject.Query;
      // One subclass per instance records what this instance's queries send.
      dialectObject.Query = class RecordingQuery extends BaseQuery {
        private readonly site: SourceLocation | undefined;

        constructor(...queryArgs: unknown[]) {
          const queryOptions = queryArgs[2] as { logging?: unknown } | undefined;
          if (queryOptions?.logging === true) deprecate(DEPRECATIONS.noTrueLogging);
          super(...queryArgs);
          // The call site travels in the options, which logging functions are shown: take it out.
          const options = this.options as Record<symbol, SourceLocation | undefined>;
          this.site = options[CALL_SITE];
          delete options[CALL_SITE];
        }

        override async run(sql: string, parameters: unknown): Promise<unknown> {
          const site = this.site;
          const query = recorder.start(site);
          const connection = this.connection;
          this.connection = recordingConnection(connection as Record<string, unknown>, query);
          try {
            return await runWithoutStack(() => super.run(sql, parameters));
          } catch (error) {
            if (site && error instanceof Error) pointAtLearner(error, site);
            throw error;
          } finally {
            query.finish();
            this.connection = connection;
          }
        }
      };
      settings.onInstance(this);
    }

    override query(sql: string | { query: string; values: unknown[] }, options?: QueryOptions): Promise<never> {
      const withSite = { ...options, [CALL_SITE]: settings.callSite() } as QueryOptions;
      return super.query(sql as string, withSite) as Promise<never>;
    }
  }
  Object.defineProperty(Sequelize, 'name', { value: 'Sequelize' });
  // `require('sequelize')` returns the class itself, whose `Sequelize` and `default`
  // must point back at this class rather than at the real one it inherits them from.
  Object.defineProperty(Sequelize, 'Sequelize', { value: Sequelize });
  Object.defineProperty(Sequelize, 'default', { value: Sequelize });

  return { ...SequelizeLib, Sequelize, default: Sequelize };
}

interface QueryLike {
  options: Record<PropertyKey, unknown>;
  connection: unknown;
  run(sql: string, parameters: unknown): Promise<unknown>;
}
