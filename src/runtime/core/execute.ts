/**
 * The execution core: runs one learner program with the real Sequelize on a fresh sql.js
 * database and returns everything it did as a RunResult. It touches no DOM and no Node
 * built-in: hosts (the browser worker, Node) hand in what differs through RuntimeHost.
 */
import type { Database as SqlJsDatabase, SqlJsStatic } from 'sql.js';
import type { Sequelize as SequelizeInstance } from 'sequelize';
import { Model } from 'sequelize';
import { DEFAULT_TIME_BUDGET_MS, timeoutError } from '../../schemas/time-budget';
import { MEMORY_BUDGET_MB, memoryError } from '../../schemas/memory-budget';
import {
  failedRun,
  type ConsoleEntry,
  type DatabaseSnapshot,
  type RunError,
  type RunResult,
  type SourceLocation,
  type SqlStatement,
} from '../../schemas/run-result';
import { ChangeRecorder } from './change-log';
import { ConsoleCapture, DEFAULT_CONSOLE_LIMITS, type ConsoleLimits } from './console-capture';
import { DEFAULT_ROW_LIMIT, inspectDatabase } from './inspect-database';
import { inspectModels } from './inspect-models';
import { LiveApp } from './live-app';
import type { AppRequest } from '../../schemas/app-exchange';
import { showModelInstancesAsData, type Printer } from './inspect';
import { compileWithAsyncFunction, ProgramLocator, type CompileProgram } from './locate';
import { ProgramTimers } from './program-timers';
import { ModuleNotFound, ProcessExit, toRunError } from './run-error';
import { RunGuard, RunStopped } from './run-guard';
import { createSequelizeModule } from './sequelize-module';
import { SqlRecorder } from './sql-log';
import { createSqlite3Driver } from './sqljs-driver';
import { stripTypes } from './strip-types';
import { prepareProgram, ProgramSyntaxError, RUNTIME_BINDING, type PreparedProgram } from './transform';
import { TypedArrayTally } from './typed-arrays';
import { VirtualNetwork, type ExpressRuntime } from './virtual-http';

/** What a host provides to the core. */
export interface RuntimeHost {
  /** sql.js, initialised (its wasm loaded). */
  SQL: SqlJsStatic;
  /** Node's util.inspect and util.formatWithOptions (in a browser, a port of them), for console output. */
  printer: Printer;
  /** A monotonic clock in milliseconds. */
  now(): number;
  /** Resolves after the host's next macrotask, i.e. once every pending microtask ran. */
  nextTurn(): Promise<void>;
  /**
   * Runs `callback` in a later macrotask, in the order asked, with no timer clamp (Node:
   * setImmediate; a browser worker: a MessageChannel message). The sql.js driver answers
   * through it, as native sqlite3 answers in later turns of Node's event loop.
   */
  macrotask(callback: () => void): void;
  /** Calls `listener` for promise rejections nothing handled; returns the unsubscribe. */
  onUnhandledRejection(listener: (reason: unknown) => void): () => void;
  /** How much memory the runtime holds, for the benchmark's leak check. */
  memory?(): { jsHeapBytes: number | null; wasmMemoryBytes: number | null };
  /** The memory budget of every run on this host, in MB (default MEMORY_BUDGET_MB). */
  memoryBudgetMb?: number;
  /**
   * Bytes sql.js's WebAssembly memory holds, cheaply (it is capped at the memory budget
   * and never shrinks: a worker holding much is retired after its run, ../protocol/serve.ts).
   */
  sqlMemoryBytes?(): number | null;
  /** Loads Express (only when a program imports it: it is a large download). */
  loadExpress?: () => Promise<ExpressRuntime>;
  /** Compiles the program's body (./locate.ts); the engine's AsyncFunction constructor when absent. */
  compileProgram?: CompileProgram;
}

export type ProgramLanguage = 'javascript' | 'typescript';

/** What a program left behind for code that runs after it (the checks' probes). */
export interface ProgramOutcome {
  exports: Record<string, unknown>;
  sequelizeInstances: SequelizeInstance[];
  /** Sends a request to the app the program left listening (absent when none listens); `sql` is what the request caused. */
  request?: (request: AppRequest) => Promise<{ status: number; body: string; sql: SqlStatement[]; error?: string }>;
}

export interface RunOptions {
  language?: ProgramLanguage;
  /** A program still busy after this long is ended and reported (ms). Default DEFAULT_TIME_BUDGET_MS. */
  timeBudgetMs?: number;
  /** The memory budget (MB) its typed arrays and its database are held to and its messages name. Default: the host's. */
  memoryBudgetMb?: number;
  consoleLimits?: ConsoleLimits;
  /** Rows kept per table in the snapshot. */
  rowLimit?: number;
  /**
   * Runs after the program, before its database is read and freed. Used by the checks
   * to call what the program exported against data of their own.
   */
  afterRun?: (outcome: ProgramOutcome) => Promise<void>;
  /**
   * Called with each console entry as the program prints it (within the output cap), so a
   * host can pass it on before a program that then hangs is ended with everything it had.
   */
  onConsoleEntry?: (entry: ConsoleEntry) => void;
  /** Record what each statement did to the rows (RunResult.changes). Default true; the bench turns it off to measure what it costs. */
  recordChanges?: boolean;
  /**
   * Given, a program that ran without an error and left an Express app listening keeps its
   * app and database: they are handed over here instead of being freed, and are freed by
   * LiveApp.close(). Without it, every run frees everything (checks, the CLI without --request).
   */
  onListening?: (app: LiveApp) => void;
}

// A model instance prints as its class name and data values (./inspect.ts).
showModelInstancesAsData(Model);

interface ModuleEntry {
  /** What `import * as ns` sees (named exports plus default). */
  namespace: Record<string, unknown>;
  /** What `require()` returns. */
  commonjs: unknown;
}

const DATABASE_GREW = 'its database grew past that (a query that inserts rows without end?).';
const DATABASE_FULL = /SQLITE_\w+: (database or disk is full|out of memory)|SQLite said: (database or disk is full|out of memory)/;
const ARRAYS_GREW = 'its typed arrays grew past that (arrays made in a loop that never ends?).';

/**
 * A database may grow to the memory budget: sql.js keeps it in a file of Emscripten's
 * in-memory file system (JavaScript typed arrays), which nothing else bounds. Past it,
 * SQLite fails the statement with "database or disk is full" and rolls it back.
 */
function capDatabase(db: SqlJsDatabase, limitBytes: number): SqlJsDatabase {
  const pageSize = Number(db.exec('PRAGMA page_size')[0]?.values[0]?.[0]) || 4096;
  db.run(`PRAGMA max_page_count = ${Math.floor(limitBytes / pageSize)}`);
  // SQLite's temporary b-trees (sorts, and the copy an INSERT ... SELECT into a table with
  // triggers makes of its rows first: the change log's triggers) would otherwise be files
  // of the same file system, which max_page_count does not cover: one statement could
  // write gigabytes. In memory they come out of sql.js's heap, whose growth is capped.
  db.run('PRAGMA temp_store = MEMORY');
  return db;
}

function namespaceOfCommonJs(value: unknown): Record<string, unknown> {
  const named = typeof value === 'object' || typeof value === 'function' ? { ...(value as object) } : {};
  return { ...named, default: value };
}

export async function runProgram(source: string, host: RuntimeHost, options: RunOptions = {}): Promise<RunResult> {
  const { now } = host;
  const startedAt = now();
  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const lineCount = source.split('\n').length;

  // 1. Prepare: strip types, parse, rewrite imports and exports.
  let prepared: PreparedProgram;
  try {
    const javascript = options.language === 'typescript' ? await stripTypes(source) : source;
    prepared = prepareProgram(javascript);
  } catch (error) {
    if (error instanceof ProgramSyntaxError) {
      const prepareMs = now() - startedAt;
      return failedRun({ kind: 'syntax', name: 'SyntaxError', message: error.message, location: error.location, details: [] }, [], {
        prepareMs,
        totalMs: prepareMs,
      });
    }
    throw error;
  }
  const compile = host.compileProgram ?? compileWithAsyncFunction;
  const locator = new ProgramLocator(prepared.linesBefore, lineCount, prepared.inserted, compile);

  // 2. The world the program runs in.
  // Where printed entries go: the run's listener, then a live app's current request (./live-app.ts).
  let consoleSink = options.onConsoleEntry;
  const output = new ConsoleCapture(
    now,
    startedAt,
    host.printer,
    options.consoleLimits ?? DEFAULT_CONSOLE_LIMITS,
    (entry) => consoleSink?.(entry),
    (text) => locator.learnerStackText(text),
  );
  const programConsole = output.createConsole();
  const recorder = new SqlRecorder(now);
  // What each statement did to the rows (./change-log.ts), shown step by step by the site.
  const changes = new ChangeRecorder(recorder.statements);
  const databases: SqlJsDatabase[] = [];
  const instances: SequelizeInstance[] = [];
  const timers = new ProgramTimers();
  // Driver answers still to come: the program is not finished while one is.
  let driverPending = 0;
  const settle = (callback: () => void) => {
    driverPending++;
    host.macrotask(() => {
      driverPending--;
      callback();
    });
  };
  // The program's own guards: at every loop iteration and function entry (./run-guard.ts),
  // and in the typed arrays it makes (./typed-arrays.ts).
  const memoryBudgetMb = options.memoryBudgetMb ?? host.memoryBudgetMb ?? MEMORY_BUDGET_MB;
  const memoryLimitBytes = memoryBudgetMb * 1024 * 1024;
  const guard = new RunGuard(now, budget);
  const typedArrays = new TypedArrayTally(memoryLimitBytes, () => guard.stop(memoryError(memoryBudgetMb, ARRAYS_GREW)));
  const driver = createSqlite3Driver(host.SQL, {
    onOpen: (db) => {
      databases.push(capDatabase(db, memoryLimitBytes));
      if (options.recordChanges !== false) changes.attach(db);
    },
    deferFree: true,
    settle,
  });
  const sequelizeModule = createSequelizeModule({
    driver,
    recorder,
    callSite: () => locator.here(),
    warn: (text) => output.warning(text),
    onInstance: (instance) => instances.push(instance),
  });

  const registry = new Map<string, ModuleEntry>([['sequelize', { namespace: sequelizeModule, commonjs: sequelizeModule.Sequelize }]]);
  const offered = ['sequelize', ...(host.loadExpress ? ['express'] : [])];
  let network: VirtualNetwork | undefined;
  let error: RunError | undefined;
  let executeStartedAt = now();
  let exportGetters: Record<string, () => unknown> = {};
  const exportAll: Record<string, unknown>[] = [];

  const resolveModule = async (specifier: string, location?: SourceLocation): Promise<ModuleEntry> => {
    const name = specifier.replace(/^node:/, '');
    const known = registry.get(name);
    if (known) return known;
    if (name !== 'express' || !host.loadExpress) throw new ModuleNotFound(specifier, location, offered);
    network = new VirtualNetwork(await host.loadExpress());
    const express = network.wrapExpress();
    const entry = { namespace: namespaceOfCommonJs(express), commonjs: express };
    registry.set(name, entry);
    return entry;
  };
  const moduleNow = (specifier: string): ModuleEntry => {
    const entry = registry.get(specifier.replace(/^node:/, ''));
    if (!entry) throw new ModuleNotFound(specifier, locator.here(), offered);
    return entry;
  };

  const stopRejections = host.onUnhandledRejection((reason) => {
    if (error) return;
    error = toRunError(reason, locator, host.printer, reason instanceof ProcessExit ? 'runtime' : 'unhandled-rejection');
    // Node exits here: what is still pending prints nothing and sends nothing.
    output.stop();
    recorder.stop();
  });
  // An error thrown by a timer's callback ends the program as in Node; a guard's stop thrown
  // there (a setInterval still firing past the budget) is the run's own stop.
  timers.onThrow = (thrown) => {
    if (error) return;
    error = thrown instanceof RunStopped ? thrown.error : toRunError(thrown, locator, host.printer);
    output.stop();
    recorder.stop();
  };

  // Express logs the error of a route it answered 500 for with console.error: its output, not Sequelize's.
  const expressOwn = (args: readonly unknown[]) =>
    args.length === 1 && typeof args[0] === 'object' && args[0] !== null && !!network?.answeredErrors.has(args[0]);
  const hostConsole = globalThis.console;
  let restoreTimers = () => {};
  /** Set when a live app took over what the run allocated: it frees it, later. */
  let kept = false;
  // 6. sql.js memory is never garbage-collected: what the run allocated is freed by hand.
  const free = () => {
    timers.clearAll();
    network?.closeAll();
    for (const instance of instances) {
      instance.close().catch(() => undefined);
    }
    for (const db of databases) {
      try {
        db.close();
      } catch {
        // Already closed.
      }
    }
  };
  try {
    // 3. Load every module the program names before it starts (imports are synchronous).
    try {
      for (const request of prepared.modules) await resolveModule(request.specifier, request.location);
    } catch (failure) {
      error = toRunError(failure, locator, host.printer);
    }

    const scope = {
      console: programConsole,
      process: {
        env: {},
        argv: ['node', 'main.js'],
        platform: 'browser',
        version: 'v20.0.0',
        versions: { node: '20.0.0' },
        cwd: () => '/',
        exit: (code = 0) => {
          throw new ProcessExit(Number(code));
        },
        nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
        on: () => undefined,
        once: () => undefined,
      },
      require: (specifier: string) => moduleNow(specifier).commonjs,
      module: { exports: {} as Record<string, unknown> },
      exports: {} as Record<string, unknown>,
      ...timers.api,
      ...typedArrays.constructors(),
      fetch: (input: string | URL, init?: RequestInit) =>
        network
          ? network.fetch(input, init)
          : Promise.reject(new TypeError('fetch failed: this playground has no internet access; it can only reach an Express app started with app.listen().')),
    };
    scope.module.exports = scope.exports;
    const runtime = {
      scope,
      guard: guard.tick,
      import: (specifier: string) => moduleNow(specifier).namespace,
      dynamicImport: async (specifier: string) => (await resolveModule(specifier, locator.here())).namespace,
      importMeta: { url: 'file:///main.js' },
      bindExports: (getters: Record<string, () => unknown>) => {
        exportGetters = getters;
      },
      exportAll: (namespace: Record<string, unknown>) => void exportAll.push(namespace),
    };

    // 4. Run it, then wait until nothing it started is still pending. Meanwhile the global
    // console is the program's (Sequelize logs with `console.log` and warns with `console.warn`).
    globalThis.console = output.createGlobalConsole(programConsole, expressOwn);
    restoreTimers = timers.installGlobals();
    executeStartedAt = now();
    guard.start();
    if (!error) {
      try {
        const program = compile(RUNTIME_BINDING, prepared.body);
        await program(runtime);
      } catch (thrown) {
        error ??= thrown instanceof RunStopped ? thrown.error : toRunError(thrown, locator, host.printer);
        // Node exits at an uncaught error too.
        output.stop();
        recorder.stop();
      }
      let quietTurns = 0;
      // After an error, queries already sent still settle before the database closes (a
      // missing `await` leaves one in flight): closing under them would replace the
      // learner's error with Sequelize's "connection manager was closed".
      while (quietTurns < 2) {
        await host.nextTurn();
        if (now() - executeStartedAt > budget) {
          error ??= timeoutError(
            budget,
            `the program was still waiting${timers.pending ? ' on a timer (a setInterval that is never cleared?)' : ' for something to finish'}.`,
          );
          break;
        }
        const busy = recorder.inFlight > 0 || driverPending > 0 || (!error && (timers.pending > 0 || (network?.inFlight ?? 0) > 0));
        quietTurns = busy ? 0 : quietTurns + 1;
      }
    }
    timers.clearAll();
    guard.release();
    // A stop wins over what the program made of it (a catch that swallowed it, a rejection).
    if (guard.stopped) error = { ...guard.stopped, location: locator.fromStack(guard.stoppedAt) };
    // SQLite refused to grow the database (or its working memory) past the budget, and nothing caught it.
    else if (error && DATABASE_FULL.test([error.message, ...error.details].join('\n'))) {
      error = { ...memoryError(memoryBudgetMb, DATABASE_GREW), location: error.location };
    }
    changes.stop();
    const executeMs = now() - executeStartedAt;

    // 5. Read what the program did, then let the checks probe what it built: rows, output
    // and SQL of the probes' own are not the program's, so they are read before them.
    const exported: Record<string, unknown> = {};
    for (const namespace of exportAll) Object.assign(exported, namespace);
    for (const [name, read] of Object.entries(exportGetters)) {
      try {
        exported[name] = read();
      } catch {
        // A binding still in its temporal dead zone: the program failed before it.
      }
    }
    const inspectStartedAt = now();
    const database: DatabaseSnapshot = { tables: [] };
    for (const db of databases) {
      try {
        database.tables.push(...inspectDatabase(db, options.rowLimit ?? DEFAULT_ROW_LIMIT).tables);
      } catch {
        // A database closed by the program itself has nothing left to show.
      }
    }
    const models = inspectModels(instances);
    const printed = [...output.entries];
    const truncated = output.truncation;
    const sql = recorder.statements.slice();
    const sqlOmitted = recorder.dropped;
    const changeLog = changes.result();
    const inspectMs = now() - inspectStartedAt;

    if (options.afterRun) {
      // The checks' request probes reach the app the program left listening (its first port).
      const port = !error ? network?.ports[0] : undefined;
      const routes = network;
      const request =
        port !== undefined && routes
          ? async ({ method, path, headers, body }: AppRequest) => {
              const init = { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, body };
              // The log holds this request's statements only (the program's were read above), as for a live app's request.
              recorder.statements.splice(0);
              recorder.dropped = 0;
              // A route that throws is answered by Express with a 500: its error, at its line, tells the learner why.
              let routeError: unknown;
              routes.onRouteError = (thrown) => (routeError ??= thrown);
              try {
                const response = await routes.send(port, path, init);
                const text = (await response?.text()) ?? '';
                const failure = routeError === undefined ? undefined : toRunError(routeError, locator, host.printer);
                const routeFailure = failure && `${failure.name}: ${failure.message}${failure.location ? ` (line ${failure.location.line})` : ''}`;
                return { status: response?.status ?? 0, body: text, sql: recorder.statements.slice(), ...(routeFailure ? { error: routeFailure } : {}) };
              } finally {
                routes.onRouteError = undefined;
              }
            }
          : undefined;
      await options.afterRun({ exports: exported, sequelizeInstances: instances, ...(request ? { request } : {}) });
    }
    const finishedAt = now();

    const exitedCleanly = error?.kind === 'exit' && /process\.exit\(0\)/.test(error.message);
    const listening = !error && network && network.ports.length > 0 ? network.ports : undefined;
    if (listening && network && options.onListening) {
      const liveNetwork = network;
      options.onListening(
        new LiveApp({
          host,
          network: liveNetwork,
          recorder,
          guard,
          locator,
          budgetMs: budget,
          captureConsole: (sink) => void (consoleSink = sink),
          enter: () => {
            const previous = globalThis.console;
            globalThis.console = output.createGlobalConsole(programConsole, expressOwn);
            const restore = timers.installGlobals();
            return () => {
              restore();
              globalThis.console = previous;
            };
          },
          busy: () => recorder.inFlight > 0 || driverPending > 0,
          free,
        }),
      );
      kept = true;
    }
    return {
      ok: !error || exitedCleanly,
      console: printed,
      ...(truncated ? { truncated } : {}),
      sql,
      ...(sqlOmitted ? { sqlOmitted } : {}),
      ...(changeLog ? { changes: changeLog } : {}),
      ...(error ? { error } : {}),
      database,
      models,
      exports: Object.keys(exported),
      ...(listening ? { listening } : {}),
      timings: {
        prepareMs: executeStartedAt - startedAt,
        executeMs,
        inspectMs,
        totalMs: finishedAt - startedAt,
      },
    };
  } finally {
    globalThis.console = hostConsole;
    restoreTimers();
    stopRejections();
    if (!kept) free();
  }
}
