/**
 * The benchmark's own requests to a runtime worker: how much memory it holds (the leak
 * check) and a replay of statements on raw sql.js (the floor a run cannot go below).
 * They are not part of the production protocol: a bench worker entry (bench/node-worker.ts,
 * bench/browser/bench-worker.ts) answers them in front of serveRuntime, and the bench
 * talks to them beside the one runtime client, on the same worker.
 */
import type { RuntimeHost } from '../src/runtime/core/execute';
import type { JsonValue } from '../src/schemas/run-result';
import type { WorkerExitReason, WorkerLike } from '../src/runtime/protocol/client';
import type { WorkerMessage, WorkerRequest } from '../src/runtime/protocol/protocol';
import type { WorkerEndpoint } from '../src/runtime/protocol/serve';

export type ReplayStatements = { sql: string; bind: JsonValue[] }[];

export interface RuntimeStats {
  /** JS heap in use by the runtime, when the engine tells (null in browsers without it). */
  jsHeapBytes: number | null;
  /** Bytes of WebAssembly memory sql.js holds. */
  wasmMemoryBytes: number | null;
}

type BenchRequest = { type: 'bench-stats'; id: string } | { type: 'bench-replay'; id: string; statements: ReplayStatements };
type BenchReply = { type: 'bench-stats'; id: string; stats: RuntimeStats } | { type: 'bench-replay'; id: string; durationMs: number };

const isBench = (data: unknown): data is BenchRequest & BenchReply =>
  typeof data === 'object' && data !== null && String((data as { type?: unknown }).type).startsWith('bench-');

/** Runs statements on a fresh raw sql.js database and returns how long they took (ms). */
function replay(host: RuntimeHost, statements: ReplayStatements): number {
  const started = host.now();
  const db = new host.SQL.Database();
  try {
    db.run('PRAGMA foreign_keys = ON');
    for (const { sql, bind } of statements) {
      const params = bind.length ? (bind as (string | number | null)[]) : undefined;
      const statement = db.prepare(sql);
      try {
        if (params) statement.bind(sql.includes('$1') ? Object.fromEntries(params.map((value, i) => [`$${i + 1}`, value])) : params);
        while (statement.step()) statement.get();
      } finally {
        statement.free();
      }
    }
  } finally {
    db.close();
  }
  return host.now() - started;
}

/** Worker side: answers the bench's requests itself and passes every other one on to serveRuntime. */
export function withBenchRequests(endpoint: WorkerEndpoint<unknown, WorkerMessage | BenchReply>, host: RuntimeHost): WorkerEndpoint {
  return {
    post: endpoint.post,
    listen(handler) {
      endpoint.listen((request) => {
        if (!isBench(request)) return handler(request as WorkerRequest);
        if (request.type === 'bench-stats')
          endpoint.post({ type: 'bench-stats', id: request.id, stats: host.memory?.() ?? { jsHeapBytes: null, wasmMemoryBytes: null } });
        else endpoint.post({ type: 'bench-replay', id: request.id, durationMs: replay(host, request.statements) });
      });
    },
  };
}

/** The raw worker API the bench side needs (a DOM Worker, or a worker thread adapted to it). */
export interface BenchWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  addEventListener(type: 'exit', listener: (event: { reason: WorkerExitReason }) => void): void;
}

export interface BenchChannel {
  /** Starts a bench worker for the runtime client: bench replies never reach the client. */
  createWorker(): WorkerLike;
  /** How much memory the current worker holds. */
  stats(): Promise<RuntimeStats>;
  /** Runs statements on raw sql.js in the current worker; the time taken (ms). */
  replay(statements: ReplayStatements): Promise<number>;
}

/** Page side: wraps the worker factory so the bench can ask the client's current worker its own questions. */
export function benchChannel(start: () => BenchWorker): BenchChannel {
  let current: BenchWorker | undefined;
  const waiting = new Map<string, (reply: BenchReply) => void>();
  let counter = 0;
  const ask = (request: BenchRequest) =>
    new Promise<BenchReply>((resolve) => {
      if (!current) throw new Error('No runtime worker yet: await client.ready() first.');
      waiting.set(request.id, resolve);
      current.postMessage(request);
    });
  return {
    createWorker() {
      const worker = start();
      current = worker;
      const like = {
        postMessage: (message: WorkerRequest) => worker.postMessage(message),
        terminate: () => worker.terminate(),
        addEventListener(type: 'message' | 'error' | 'exit', listener: (event: never) => void) {
          if (type === 'error') return worker.addEventListener('error', listener as (event: { message?: string }) => void);
          if (type === 'exit') return worker.addEventListener('exit', listener as (event: { reason: WorkerExitReason }) => void);
          worker.addEventListener('message', (event) => {
            const data = event.data;
            if (isBench(data)) {
              waiting.get(data.id)?.(data);
              waiting.delete(data.id);
            } else (listener as (event: { data: unknown }) => void)({ data });
          });
        },
      };
      return like as WorkerLike;
    },
    async stats() {
      const reply = await ask({ type: 'bench-stats', id: `bench-${++counter}` });
      return reply.type === 'bench-stats' ? reply.stats : { jsHeapBytes: null, wasmMemoryBytes: null };
    },
    async replay(statements) {
      const reply = await ask({ type: 'bench-replay', id: `bench-${++counter}`, statements });
      return reply.type === 'bench-replay' ? reply.durationMs : Number.NaN;
    },
  };
}
