/**
 * The benchmark's page (dist-bench/index.html): the one runtime client over the bench
 * worker, exposed as `window.assoclabBench` for bench/run.ts to drive.
 */
import { createRuntimeClient } from '../../src/runtime/protocol/client';
import { benchChannel, type BenchWorker } from '../bench-requests';

const channel = benchChannel(() => new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name: 'assoclab-bench' }) as BenchWorker);
const client = createRuntimeClient({ createWorker: channel.createWorker });

(window as unknown as { assoclabBench: unknown }).assoclabBench = { client, stats: channel.stats, replay: channel.replay };
