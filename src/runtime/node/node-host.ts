/**
 * The Node side of the runtime host: sql.js's Node build, Node's clock and event loop,
 * and Express loaded from node_modules when a program imports it.
 */
import initSqlJs from 'sql.js';
import type { RuntimeHost } from '../core/execute';

export async function createNodeHost(): Promise<RuntimeHost> {
  const SQL = await initSqlJs();
  return {
    SQL,
    now: () => performance.now(),
    nextTurn: () => new Promise((resolve) => setImmediate(resolve)),
    onUnhandledRejection(listener) {
      const handler = (reason: unknown, promise: Promise<unknown>) => {
        // Mark it handled: the program's failure is reported as data, not a crash.
        promise.catch(() => undefined);
        listener(reason);
      };
      process.on('unhandledRejection', handler);
      return () => void process.off('unhandledRejection', handler);
    },
    optionalModules: {
      express: async () => (await import('express')).default,
    },
  };
}
