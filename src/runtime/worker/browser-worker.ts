/// <reference lib="webworker" />
/**
 * The runtime worker: loads sql.js (WebAssembly) and Sequelize, then serves run requests.
 * Learner programs run here and never on the page's main thread.
 */
// First: starts the wasm download and compile before the rest of the bundle evaluates.
import { sqlWasmModule, workerFirstLineAt } from './sql-wasm-early';
import './shims/globals';
import initSqlJs from 'sql.js';
import { serveRuntime } from './serve';
import { loadWatchingWasmMemory } from '../core/wasm-memory';
import type { RuntimeHost } from '../core/execute';
import type { ExpressRuntime } from '../core/virtual-http';
import type { WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Bound now, before any program runs: a program replacing self.postMessage cannot
// intercept or forge the replies.
const post = scope.postMessage.bind(scope);

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

async function main(): Promise<void> {
  const compiled = await sqlWasmModule;
  const { loaded: SQL, memoryBytes } = await loadWatchingWasmMemory(() =>
    initSqlJs({
      // Emscripten's hook: instantiate the module compiled early (sql-wasm-early.ts).
      instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
        void WebAssembly.instantiate(compiled, imports).then(receive);
        return {};
      },
    } as Parameters<typeof initSqlJs>[0]),
  );
  // Chromium's non-standard performance.memory, where a worker has it.
  const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  const host: RuntimeHost = {
    SQL,
    memory: () => ({ jsHeapBytes: heap ? heap.usedJSHeapSize : null, wasmMemoryBytes: memoryBytes() }),
    now: () => performance.now(),
    nextTurn,
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
  serveRuntime(
    {
      post,
      listen: (handler) => scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => handler(event.data)),
    },
    host,
    performance.now() - workerFirstLineAt,
  );
}

main().catch((error: unknown) => {
  // Rethrown from a task, it becomes the Worker's 'error' event: the page reports that
  // the runtime could not start instead of waiting forever.
  setTimeout(() => {
    throw error instanceof Error ? error : new Error(String(error));
  });
});
