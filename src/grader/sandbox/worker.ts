/**
 * The sandbox worker: a runtime worker thread (as ../../runtime/node/worker-thread.ts) that
 * grades many programs, one at a time, for as long as none of them changes what the next
 * would share with it. Loading sql.js, Sequelize and Express takes a worker about half a
 * second of CPU, which one worker per program could not afford for a class's folder.
 *
 * Before its first program it loads everything a program may use, cuts down what programs
 * can reach (./lockdown.ts), runs a warm-up program (so what the runtime sets up lazily is
 * set up) and takes its fingerprint (./fingerprint.ts). After each program it answers,
 * then says whether it is still clean: the same fingerprint, no new kind of pending work,
 * no new listener on its port, sql.js's memory not grown past what a worker keeps. If not,
 * the member retires it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as SequelizeLib from 'sequelize';
import { createNodeHost } from '../../runtime/node/node-host';
import { RETIRE_ABOVE_BYTES, runWithProbes } from '../../runtime/protocol/serve';
import { compileInScript } from './compile';
import { takeFingerprint } from './fingerprint';
import { beginRun, endRun, lockDown } from './lockdown';
import type { SandboxWorkerMessage, SandboxWorkerRequest } from './protocol';
import { WARM_UP_PROGRAM } from './warm-up';

const startedAt = performance.now();
const port = parentPort;
if (!port) throw new Error('the sandbox worker must run in a worker thread');
// Taken before any program runs: what the worker answers with cannot be replaced.
const post: (message: SandboxWorkerMessage) => void = port.postMessage.bind(port);
const nativeImmediate = globalThis.setImmediate;
const activeResources = process.getActiveResourcesInfo.bind(process);

const { memoryBudgetMb } = (workerData ?? {}) as { memoryBudgetMb?: number };
const host = await createNodeHost({ memoryBudgetMb, compileProgram: compileInScript });
const express = await host.loadExpress!();

/** What is pending in the worker besides timers and immediates (which ./lockdown.ts gates by run). */
const pendingWork = () =>
  activeResources()
    .filter((kind) => kind !== 'Timeout' && kind !== 'Immediate')
    .sort()
    .join(',');

const turn = () => new Promise<void>((resolve) => nativeImmediate(resolve));

lockDown();
beginRun();
const warmUp = await runWithProbes(host, { source: WARM_UP_PROGRAM, language: 'javascript', timeBudgetMs: 30_000, probes: [], seed: 1 });
endRun();
if (warmUp.result.error) throw new Error(`The warm-up program failed: ${warmUp.result.error.message}`);
await turn();
const fingerprint = takeFingerprint({ globalThis, sequelize: SequelizeLib, express, sqlJs: host.SQL });
// A listener added to the worker's port (by a program that found it) would see the next
// request: their number is checked too. (The port's own state changes with every message,
// so it is not part of the fingerprint.)
const { apply } = Reflect;
const listenerCount = port.listenerCount as (type: string) => number;
const portListeners = () => `${apply(listenerCount, port, ['message'])},${apply(listenerCount, port, ['messageerror'])}`;
let portListenersAtStart = '';
/** Set once the worker listens for requests (its port is then pending work of its own). */
let pendingAtStart = '';

/** Why this worker must not run another program, or undefined when it may. */
async function taint(): Promise<string | undefined> {
  // What the run's end set going (closing its database, its Sequelize instances) settles first.
  await turn();
  await turn();
  const changed = fingerprint.changes();
  if (changed) return `the program changed what programs share: ${changed}`;
  const pending = pendingWork();
  if (pending !== pendingAtStart) return `the program left work pending (${pending || 'none'}, was ${pendingAtStart || 'none'})`;
  if (portListeners() !== portListenersAtStart) return "the program listens to the worker's port";
  if ((host.sqlMemoryBytes?.() ?? 0) > RETIRE_ABOVE_BYTES) return "sql.js's memory grew past what a worker keeps";
  return undefined;
}

// One request at a time: a run's database, timers and epoch are its own.
let queue = Promise.resolve();
port.on('message', (request: SandboxWorkerRequest) => {
  queue = queue.then(async () => {
    if (request?.type !== 'check') return;
    beginRun();
    const { result, observations } = await runWithProbes(host, request);
    endRun();
    post({ type: 'check-result', id: request.id, result, observations });
    const checkStartedAt = performance.now();
    const reason = await taint().catch((error: unknown) => `the check of the worker failed (${String(error)})`);
    post({ type: 'state', id: request.id, clean: reason === undefined, ...(reason ? { reason } : {}), checkMs: performance.now() - checkStartedAt });
  });
});
pendingAtStart = pendingWork();
portListenersAtStart = portListeners();
post({ type: 'ready', startupMs: performance.now() - startedAt });
