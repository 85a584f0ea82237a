/**
 * What a learner's program can reach in the grader's sandbox worker, cut down once the
 * runtime is loaded and before any program runs (./worker.ts). The process around the
 * worker already runs under Node's permission model (no file system beyond the runtime's
 * own code, no child processes: ./flags.ts) and refuses code from strings, so a program
 * has no real `import()` and no built-in module; this removes what is left on the
 * worker's globals:
 *
 * - the network, which Node 20's permission model does not cover: every way to open a
 *   socket, listen, send a datagram or resolve a name fails, whatever object it is reached
 *   through (the modules' functions and their classes' prototypes are replaced, and the
 *   originals are kept nowhere a program can reach);
 * - the escape hatches on `process` (built-in modules, native addons, signals to other
 *   processes, the worker's own handles, which include its port to the member);
 * - every way for a program to leave work that runs after its run, in the next program's:
 *   timers and immediates made through the globals run only in the run that made them
 *   (`beginRun`/`endRun`), finalisation callbacks likewise, and the other sources of later work
 *   (message ports, performance observers, async WebAssembly compilation,
 *   Atomics.waitAsync, the web crypto and compression streams, the worker's stdio) are
 *   removed or made synchronous.
 *
 * What a program changes on what remains is caught after its run by ./fingerprint.ts.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import { Writable } from 'node:stream';
import tls from 'node:tls';
import { ProcessExit } from '../../runtime/core/run-error';

/** The message every blocked network call throws with. */
export const NO_NETWORK = "The grader's sandbox has no network: programs are graded without one.";

function blocked(what: string): () => never {
  return function blockedCall(): never {
    const error = new Error(`${what}: ${NO_NETWORK}`) as Error & { code: string };
    error.code = 'ERR_ACCESS_DENIED';
    throw error;
  };
}

/** Replaces `names` on `target` (a module's exports or a prototype) with blocked calls. */
function block(target: object | undefined, names: readonly string[], label: string): void {
  if (!target) return;
  for (const name of names) {
    if (typeof (target as Record<string, unknown>)[name] !== 'function') continue;
    Object.defineProperty(target, name, { value: blocked(`${label}.${name}`), writable: false, configurable: false, enumerable: false });
  }
}

/** Removes a global (or a property of one), whatever kind of property it is. */
function remove(target: object, name: PropertyKey): void {
  if (!Reflect.deleteProperty(target, name)) Object.defineProperty(target, name, { value: undefined, writable: false, configurable: false });
}

function blockNetwork(): void {
  block(net, ['connect', 'createConnection', 'createServer'], 'net');
  block(net.Socket.prototype, ['connect'], 'net.Socket');
  block(net.Server.prototype, ['listen'], 'net.Server');
  block(tls, ['connect', 'createServer'], 'tls');
  block(dgram, ['createSocket'], 'dgram');
  block(dgram.Socket.prototype, ['bind', 'connect', 'send', 'addMembership', 'addSourceSpecificMembership'], 'dgram.Socket');
  for (const [api, label] of [
    [dns, 'dns'],
    [dns.promises, 'dns.promises'],
    [dns.Resolver.prototype, 'dns.Resolver'],
    [dns.promises.Resolver.prototype, 'dns.promises.Resolver'],
  ] as const) {
    block(
      api,
      Object.getOwnPropertyNames(api).filter((name) => /^(lookup|resolve|reverse)/.test(name)),
      label,
    );
  }
  block(http, ['request', 'get', 'createServer'], 'http');
  block(http.Agent.prototype, ['createConnection'], 'http.Agent');
  block(https, ['request', 'get', 'createServer'], 'https');
  block(http2, ['connect', 'createServer', 'createSecureServer'], 'http2');
  // A program's own `fetch` is the runtime's (it reaches only the program's Express app);
  // these are Node's, which would reach the network.
  for (const name of ['fetch', 'WebSocket', 'EventSource']) remove(globalThis, name);
}

/** What a program could use on the real `process` (its own `process` is the runtime's stand-in). */
const PROCESS_HATCHES = [
  'binding',
  '_linkedBinding',
  'getBuiltinModule',
  'dlopen',
  'kill',
  '_kill',
  'abort',
  '_rawDebug',
  'report',
  'openStdin',
  '_debugProcess',
  '_debugEnd',
  '_startProfilerIdleNotifier',
  '_stopProfilerIdleNotifier',
  'setSourceMapsEnabled',
  'setUncaughtExceptionCaptureCallback',
  // The worker's own port to its member is among the active handles: with it, a program
  // could listen for the next request and answer it first.
  '_getActiveHandles',
  '_getActiveRequests',
  'loadEnvFile',
  // A worker thread refuses these already; gone all the same.
  'chdir',
  'umask',
  'setuid',
  'setgid',
  'seteuid',
  'setegid',
  'setgroups',
  'initgroups',
] as const;

/** A stream that takes what is written and drops it, answering at once (no later callback). */
function sink(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

let running = false;

function lockProcess(): void {
  for (const name of PROCESS_HATCHES) remove(process, name);
  // During a run, ends the program as the runtime's own process.exit does; Node's own calls
  // (ending the thread after a fatal error) still end the thread, and the member replaces it.
  const nativeExit = process.exit.bind(process);
  Object.defineProperty(process, 'exit', {
    value: (code?: number) => {
      if (running) throw new ProcessExit(Number(code ?? 0));
      return nativeExit(code);
    },
    writable: false,
    configurable: false,
  });
  // The worker's stdio answers writes later, through the thread's port: a program could
  // chain writes into the next run. Nothing a program prints here is anyone's output anyway
  // (the runtime captures its console; verdicts travel as data).
  for (const name of ['stdout', 'stderr'] as const) Object.defineProperty(process, name, { value: sink(), writable: false, configurable: false });
  Object.defineProperty(process, 'stdin', { value: undefined, writable: false, configurable: false });
}

let epoch = 0;

/** A new run begins: callbacks scheduled through the globals before now will not run. */
export function beginRun(): void {
  epoch++;
  running = true;
}

/**
 * The run (and its probes) ended: what it scheduled through the globals will not run, even
 * before the next run begins (the worker checks it is clean in between, and then waits).
 */
export function endRun(): void {
  epoch++;
  running = false;
}

type TimerCallback = (...args: unknown[]) => void;

/**
 * The global timer functions, gated by run: a callback runs only if the run that scheduled
 * it is still the current one. The runtime's own timers (../../runtime/core/program-timers.ts)
 * took the host's functions before this and clear their timers at the end of each run.
 */
function gateTimers(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  const gate = (callback: unknown): TimerCallback => {
    if (typeof callback !== 'function') throw new TypeError('The "callback" argument must be of type function.');
    const scheduledIn = epoch;
    return (...args: unknown[]) => {
      if (epoch === scheduledIn) (callback as TimerCallback)(...args);
    };
  };
  const { setTimeout: nativeTimeout, setInterval: nativeInterval, setImmediate: nativeImmediate } = globalThis;
  const gated = {
    setTimeout: (callback: unknown, ms?: number, ...args: unknown[]) => nativeTimeout(gate(callback), ms, ...args),
    setInterval: (callback: unknown, ms?: number, ...args: unknown[]) => {
      // An interval outliving its run is cleared at its first tick after it.
      const scheduledIn = epoch;
      const handle: ReturnType<typeof setInterval> = nativeInterval(
        (...callArgs: unknown[]) => {
          if (epoch !== scheduledIn) return clearInterval(handle);
          (callback as TimerCallback)(...callArgs);
        },
        ms,
        ...args,
      );
      return handle;
    },
    setImmediate: (callback: unknown, ...args: unknown[]) => nativeImmediate(gate(callback), ...args),
  };
  for (const [name, value] of Object.entries(gated)) {
    Object.defineProperty(value, 'name', { value: name });
    scope[name] = value;
  }

  // Finalisation callbacks come whenever the collector runs: gated the same way. The class
  // wraps the engine's rather than extending it, so the engine's cannot be reached from it.
  const NativeRegistry = globalThis.FinalizationRegistry;
  class FinalizationRegistry<Held> {
    readonly #registry: InstanceType<typeof NativeRegistry<Held>>;
    constructor(callback: (held: Held) => void) {
      this.#registry = new NativeRegistry<Held>(gate(callback) as (held: Held) => void);
    }
    register(target: WeakKey, held: Held, token?: WeakKey): void {
      this.#registry.register(target, held, token);
    }
    unregister(token: WeakKey): boolean {
      return this.#registry.unregister(token);
    }
  }
  scope.FinalizationRegistry = FinalizationRegistry;
}

/** Sources of later work no course program needs: removed, or made to answer at once. */
function removeLaterWork(): void {
  // (A performance observer is called back later, whenever the runtime or the next program
  // makes an entry: a garbage collection, a mark.)
  for (const name of [
    'MessageChannel',
    'MessagePort',
    'BroadcastChannel',
    'CompressionStream',
    'DecompressionStream',
    'PerformanceObserver',
    'PerformanceObserverEntryList',
    // Web crypto's classes, with `crypto.subtle` gone below.
    'Crypto',
    'CryptoKey',
    'SubtleCrypto',
  ])
    remove(globalThis, name);
  remove(Atomics, 'waitAsync');
  remove(AbortSignal, 'timeout');
  // Random numbers stay; `subtle` (work on the thread pool, answered later) goes.
  const { crypto } = globalThis;
  Object.defineProperty(globalThis, 'crypto', {
    value: Object.freeze({ getRandomValues: crypto.getRandomValues.bind(crypto), randomUUID: crypto.randomUUID.bind(crypto) }),
    writable: false,
    configurable: false,
  });
  // WebAssembly compiles on background threads when asked asynchronously: the same, at once.
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  const { Module, Instance } = WebAssembly;
  const compile = (bytes: BufferSource) => new Module(bytes);
  wasm.compile = async (bytes: BufferSource) => compile(bytes);
  wasm.instantiate = async (source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) => {
    if (source instanceof Module) return new Instance(source, imports);
    const module = compile(source);
    return { module, instance: new Instance(module, imports) };
  };
  remove(WebAssembly, 'compileStreaming');
  remove(WebAssembly, 'instantiateStreaming');
}

let lockedDown = false;

/** Cuts the worker down (once). Call it after the runtime, sql.js and Express are loaded. */
export function lockDown(): void {
  if (lockedDown) return;
  lockedDown = true;
  blockNetwork();
  lockProcess();
  gateTimers();
  removeLaterWork();
}
