/**
 * The Node side of the runtime host: sql.js's Node build, Node's clock, event loop and
 * util.inspect, and Express loaded from node_modules when a program imports it.
 */
import { formatWithOptions, inspect } from 'node:util';
import initSqlJs from 'sql.js';
import type { RuntimeHost } from '../core/execute';
import type { CompileProgram } from '../core/locate';
import { loadWatchingWasmMemory } from '../core/wasm-memory';
import type { ExpressRuntime } from '../core/virtual-http';
import { MEMORY_BUDGET_MB } from '../../schemas/memory-budget';

/**
 * memoryBudgetMb: the memory budget of every run (MEMORY_BUDGET_MB unless the CLI's --memory says otherwise);
 * compileProgram: how programs are compiled (the grader's sandbox refuses the Function constructor).
 */
export async function createNodeHost({
  memoryBudgetMb = MEMORY_BUDGET_MB,
  compileProgram,
}: { memoryBudgetMb?: number; compileProgram?: CompileProgram } = {}): Promise<RuntimeHost> {
  const { loaded: SQL, memoryBytes } = await loadWatchingWasmMemory(() => initSqlJs(), memoryBudgetMb * 1024 * 1024);
  // Node's own deprecation warnings would reach the terminal, not the run's output: the
  // runtime shows Sequelize's itself, once per run as Node does once per process, and
  // leaves out Node's (DEP0170 for the URL 'sqlite::memory:').
  process.noDeprecation = true;
  return {
    ...(compileProgram ? { compileProgram } : {}),
    SQL,
    printer: { inspect, formatWithOptions },
    memoryBudgetMb,
    sqlMemoryBytes: memoryBytes,
    memory: () => {
      // With node --expose-gc (the benchmark runs so; V8 flags reach worker threads too) the figure is live data, not garbage.
      (globalThis as { gc?: () => void }).gc?.();
      return { jsHeapBytes: process.memoryUsage().heapUsed, wasmMemoryBytes: memoryBytes() };
    },
    now: () => performance.now(),
    nextTurn: () => new Promise((resolve) => setImmediate(resolve)),
    macrotask: (callback) => void setImmediate(callback),
    onUnhandledRejection(listener) {
      const handler = (reason: unknown, promise: Promise<unknown>) => {
        // Mark it handled: the program's failure is reported as data, not a crash.
        promise.catch(() => undefined);
        listener(reason);
      };
      process.on('unhandledRejection', handler);
      return () => void process.off('unhandledRejection', handler);
    },
    loadExpress: async () => {
      const [{ default: express }, { Readable }] = await Promise.all([import('express'), import('node:stream')]);
      return { express: express as unknown as ExpressRuntime['express'], Readable };
    },
  };
}
