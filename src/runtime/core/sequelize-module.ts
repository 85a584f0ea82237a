/**
 * The `sequelize` module a learner's program imports: the real Sequelize 6, whose
 * `Sequelize` class is extended so that every sqlite form a tutorial writes
 * (`'sqlite::memory:'`, `{ dialect: 'sqlite', storage }`) runs on sql.js, every
 * statement is recorded with the learner's line that caused it, and the run knows each
 * instance so it can inspect and free it.
 */
import * as SequelizeLib from 'sequelize';
import type { Options, QueryOptions } from 'sequelize';
import type { SourceLocation } from '../../schemas/run-result';
import type { Sqlite3CompatibleModule } from './sqljs-driver';
import type { SqlRecorder } from './sql-log';

/** Carries the learner's call site from sequelize.query() to the statement it sends. */
const CALL_SITE = Symbol('assoclab.callSite');
/** Marks an error with the learner's line when its own stack has none (async SQL errors). */
export const ERROR_SITE = Symbol('assoclab.errorSite');

export interface SequelizeModuleOptions {
  driver: Sqlite3CompatibleModule;
  recorder: SqlRecorder;
  /** Where the learner's program is at this moment. */
  callSite(): SourceLocation | undefined;
  /** The program's console, used when it asks Sequelize to log (`logging: true`). */
  log(...args: unknown[]): void;
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

type LoggingOption = Options['logging'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dialectOfUrl(url: string): string | undefined {
  const match = /^([a-z0-9+]+):/i.exec(url);
  return match?.[1]?.toLowerCase();
}

/**
 * Reads the constructor forms Sequelize accepts: (url, options?), (database, username,
 * password?, options?) and (options), and returns one options object for SQLite in memory.
 */
function sqliteOptions(args: unknown[], settings: SequelizeModuleOptions): Options {
  const last = args[args.length - 1];
  const given: Options = isPlainObject(last) ? (last as Options) : {};
  const url = typeof args[0] === 'string' && args.length <= 2 && /^[a-z0-9+]+:/i.test(args[0]) ? args[0] : undefined;
  const dialect = (url ? dialectOfUrl(url) : undefined) ?? given.dialect;
  if (dialect && dialect !== 'sqlite') throw new UnsupportedDialectError(dialect);
  if (!dialect) {
    // Sequelize's own message for a missing dialect is clear enough: keep it.
    return { ...given };
  }
  const logging: LoggingOption =
    given.logging === undefined || given.logging === false ? false : given.logging === true ? (sql: string) => settings.log(sql) : given.logging;
  return {
    ...given,
    dialect: 'sqlite',
    storage: ':memory:',
    dialectModule: settings.driver,
    logging,
  };
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

/** Gives a failed statement's error the learner's line: as data, and in its stack trace. */
function pointAtLearner(error: Error, site: SourceLocation): void {
  Object.defineProperty(error, ERROR_SITE, { value: site, enumerable: false });
  if (!/\n\s+at /.test(error.stack ?? '')) {
    error.stack = `${error.name}: ${error.message}\n    at main.js:${site.line}:${site.column}`;
  }
}

export function createSequelizeModule(settings: SequelizeModuleOptions): Record<string, unknown> {
  const { recorder } = settings;
  const RealSequelize = SequelizeLib.Sequelize;

  class Sequelize extends RealSequelize {
    constructor(...args: unknown[]) {
      super(sqliteOptions(args, settings));
      const dialect = (this as unknown as { dialect: { Query: new (...a: unknown[]) => QueryLike } }).dialect;
      const BaseQuery = dialect.Query;
      // One subclass per instance records what this instance's queries send.
      dialect.Query = class RecordingQuery extends BaseQuery {
        override async run(sql: string, parameters: unknown): Promise<unknown> {
          const site = (this.options as Record<symbol, SourceLocation | undefined>)[CALL_SITE];
          const pending = recorder.start(sql, parameters, site);
          try {
            const result = await runWithoutStack(() => super.run(sql, parameters));
            pending.finish();
            return result;
          } catch (error) {
            pending.finish(error);
            if (site && error instanceof Error) pointAtLearner(error, site);
            throw error;
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
  run(sql: string, parameters: unknown): Promise<unknown>;
}
