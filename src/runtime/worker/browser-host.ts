/// <reference lib="webworker" />
/**
 * What the browser worker hands the execution core: sql.js (its wasm compiled early, see
 * ./sql-wasm-early.ts), the worker's clock and event loop, Express on demand, and the
 * endpoint to the page. Shared by the production worker (./browser-worker.ts) and the
 * benchmark's worker (bench/browser/bench-worker.ts), so both measure the same runtime.
 *
 * The importing entry must import ./sql-wasm-early.ts first.
 */
import { isolatedBoot, sqlWasmModule, workerFirstLineAt } from './sql-wasm-early';
import './shims/globals';
import initSqlJs from 'sql.js';
import { formatWithOptions, inspect } from 'node-inspect-extracted';
import { loadWatchingWasmMemory } from '../core/wasm-memory';
import { MEMORY_BUDGET_MB } from '../../schemas/memory-budget';
import type { RuntimeHost } from '../core/execute';
import type { ExpressRuntime } from '../core/virtual-http';
import type { WorkerEndpoint } from '../protocol/serve';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Bound now, before any program runs: a program replacing self.postMessage cannot
// intercept or forge the replies. Started by the isolated frame's loader, the worker talks
// to the page over the port the loader holds.
const post: (message: unknown) => void = isolatedBoot ? isolatedBoot.post : scope.postMessage.bind(scope);

function nextTurn(): Promise<void> {
  // A MessageChannel turn is a macrotask without the 4 ms clamp of nested timers.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Macrotasks in order over one MessageChannel: each message is a task of its own (the
 * microtasks queued by one callback run before the next), with no timer clamp.
 */
const pendingTasks: (() => void)[] = [];
const taskChannel = new MessageChannel();
taskChannel.port1.onmessage = () => pendingTasks.shift()?.();
function macrotask(callback: () => void): void {
  pendingTasks.push(callback);
  taskChannel.port2.postMessage(null);
}

// Express's router defers with setImmediate; workers have none. A MessageChannel turn
// is the closest equivalent (a macrotask without the timer clamp).
const globals = globalThis as unknown as Record<string, unknown>;
globals.setImmediate ??= (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback(...args);
  };
  channel.port2.postMessage(null);
};

/** The page side of the worker: messages in, replies out through the bound postMessage. */
export function browserEndpoint<Request, Message>(): WorkerEndpoint<Request, Message> {
  return {
    post,
    listen: (handler) =>
      isolatedBoot
        ? isolatedBoot.listen((data) => handler(data as Request))
        : scope.addEventListener('message', (event: MessageEvent<Request>) => handler(event.data)),
  };
}

/** Loads sql.js and returns the host, with how long the worker took from its first line. */
export async function createBrowserHost(): Promise<{ host: RuntimeHost; startupMs: number }> {
  const compiled = await sqlWasmModule;
  const { loaded: SQL, memoryBytes } = await loadWatchingWasmMemory(
    () =>
      initSqlJs({
        // Emscripten's hook: instantiate the module compiled early (sql-wasm-early.ts).
        instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
          void WebAssembly.instantiate(compiled, imports).then(receive);
          return {};
        },
      } as Parameters<typeof initSqlJs>[0]),
    MEMORY_BUDGET_MB * 1024 * 1024,
  );
  // Chromium's non-standard performance.memory, where a worker has it.
  const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  const host: RuntimeHost = {
    SQL,
    // Node's util.inspect, extracted for the web: prints what Node prints.
    printer: { inspect, formatWithOptions },
    memory: () => ({ jsHeapBytes: heap ? heap.usedJSHeapSize : null, wasmMemoryBytes: memoryBytes() }),
    sqlMemoryBytes: memoryBytes,
    now: () => performance.now(),
    nextTurn,
    macrotask,
    onUnhandledRejection(listener) {
      const handler = (event: PromiseRejectionEvent) => {
        event.preventDefault();
        listener(event.reason);
      };
      scope.addEventListener('unhandledrejection', handler);
      return () => scope.removeEventListener('unhandledrejection', handler);
    },
    loadExpress: async () => (await import('./express-browser')).default as unknown as ExpressRuntime,
  };
  return { host, startupMs: performance.now() - workerFirstLineAt };
}

/** Reports a start-up failure as the Worker's 'error' event, so the page does not wait forever. */
export function failStartup(error: unknown): void {
  // Rethrown from a task, it becomes the Worker's 'error' event.
  setTimeout(() => {
    throw error instanceof Error ? error : new Error(String(error));
  });
}
