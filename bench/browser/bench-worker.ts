/// <reference lib="webworker" />
/**
 * The benchmark's browser worker: the production worker (src/runtime/worker/browser-worker.ts)
 * plus answers to the bench's own requests (../bench-requests.ts). Built with the site's
 * worker plugins by ./build.mjs, into dist-bench/, never into the site.
 */
import '../../src/runtime/worker/sql-wasm-early';
import { browserEndpoint, createBrowserHost, failStartup } from '../../src/runtime/worker/browser-host';
import { serveRuntime } from '../../src/runtime/protocol/serve';
import { withBenchRequests } from '../bench-requests';

createBrowserHost()
  .then(({ host, startupMs }) => serveRuntime(withBenchRequests(browserEndpoint(), host), host, startupMs))
  .catch(failStartup);
