/// <reference lib="webworker" />
/**
 * The runtime worker: loads sql.js (WebAssembly) and Sequelize, then serves run and check
 * requests. Learner programs run here and never on the page's main thread.
 */
// First: starts the wasm download and compile before the rest of the bundle evaluates.
import './sql-wasm-early';
import { browserEndpoint, createBrowserHost, failStartup } from './browser-host';
import { serveRuntime } from '../protocol/serve';

createBrowserHost()
  .then(({ host, startupMs }) => serveRuntime(browserEndpoint(), host, startupMs))
  .catch(failStartup);
