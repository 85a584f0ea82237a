/**
 * The runtime in a Node worker thread: the same core and protocol as the browser worker,
 * so the CLI and the grader run programs exactly as the site does, and a runaway program
 * is ended by terminating its thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveRuntime } from '../protocol/serve';
import type { WorkerRequest } from '../protocol/protocol';
import { createNodeHost } from './node-host';

const startedAt = performance.now();
const port = parentPort;
if (!port) throw new Error('runtime-worker must run in a worker thread');
// Bound before any program runs, like the browser worker's postMessage.
const post = port.postMessage.bind(port);

// The memory budget the thread's heap is limited to (./node-client.ts), for the runtime's own limits and messages.
const { memoryBudgetMb } = (workerData ?? {}) as { memoryBudgetMb?: number };
const host = await createNodeHost({ memoryBudgetMb });
serveRuntime(
  {
    post,
    listen: (handler) => port.on('message', (request: WorkerRequest) => handler(request)),
  },
  host,
  performance.now() - startedAt,
);
