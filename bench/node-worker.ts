/**
 * The benchmark's worker thread: the production one (src/runtime/node/worker-thread.ts)
 * plus answers to the bench's own requests (./bench-requests.ts).
 */
import { parentPort } from 'node:worker_threads';
import { createNodeHost } from '../src/runtime/node/node-host';
import { serveRuntime } from '../src/runtime/protocol/serve';
import { withBenchRequests } from './bench-requests';

const startedAt = performance.now();
const port = parentPort;
if (!port) throw new Error('bench-worker must run in a worker thread');
const post = port.postMessage.bind(port);

const host = await createNodeHost();
serveRuntime(withBenchRequests({ post, listen: (handler) => port.on('message', handler) }, host), host, performance.now() - startedAt);
