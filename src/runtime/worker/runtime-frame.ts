/**
 * The runtime's workers live in a frame of their own process, so that a learner's program
 * can take down the process it runs in and never the page.
 *
 * What was measured (Chromium 156, see the README's "What the runtime guarantees"): a
 * dedicated worker runs in its page's renderer process, and a worker that reaches the
 * engine's heap limit does not end alone: V8's out-of-memory is fatal to the process, so
 * the tab crashes ("Page crashed"), with every playground's state. A frame sandboxed
 * without allow-same-origin has an opaque origin, and Chromium isolates such frames in a
 * process of their own (even on the page's own site); a worker that exhausts the heap there
 * ends that process only. The page then sees nothing but silence: no event says a frame's
 * process died. So the page pings the frame (its main thread never runs learner code) and
 * counts it dead when it stops answering; the workers in it get the client's `exit` event,
 * and the next worker starts in a new frame, thus a new process.
 *
 * The frame holds no code of the site: it is a `srcdoc` document whose one script
 * (./isolated-boot.ts) starts workers on request. The page fetches the worker's bundle and
 * sql.js's wasm (same-origin, from the HTTP cache) and sends them to each worker.
 */
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import workerUrl from './browser-worker.ts?worker&url';
import type { WorkerExitReason, WorkerLike } from '../protocol/client';
import type { WorkerMessage, WorkerRequest } from '../protocol/protocol';
import { BOOT_GLOBAL, frameMain, IMPORT_GLOBAL, workerBoot, type FrameMessage, type FrameRequest, type LoaderMessage } from './isolated-boot';

/** How often the page asks the frame whether it is alive (ms). */
const PING_EVERY_MS = 250;
/**
 * A frame that has not answered for this long (and several pings) is dead (ms). Two seconds,
 * not one: on a busy machine a live frame's process can go a second without a turn, and a
 * frame counted dead ends its workers' runs with the memory message, which would blame the
 * learner's program for the machine.
 */
const DEAD_AFTER_MS = 2_000;
/** A frame that is not loaded after this long could not start (ms). */
const LOAD_TIMEOUT_MS = 20_000;

const FRAME_HTML = `<!doctype html><meta charset="utf-8"><title>Associations Lab runtime</title><script>(${frameMain.toString()})();</script>`;
const BOOT_SOURCE = `(${workerBoot.toString()})(${JSON.stringify(BOOT_GLOBAL)}, ${JSON.stringify(IMPORT_GLOBAL)});`;

interface Listeners {
  message: ((event: { data: WorkerMessage }) => void)[];
  error: ((event: { message?: string }) => void)[];
  exit: ((event: { reason: WorkerExitReason }) => void)[];
}

/** The worker's code and sql.js's wasm, fetched once per page. */
let payload: Promise<{ entryName: string; entry: string; wasm: ArrayBuffer }> | undefined;

function loadPayload() {
  payload ??= Promise.all([
    fetch(workerUrl).then((response) => {
      if (!response.ok) throw new Error(`The runtime could not load (${response.status}).`);
      return response.text();
    }),
    fetch(wasmUrl).then((response) => {
      if (!response.ok) throw new Error(`SQLite could not load (${response.status}).`);
      return response.arrayBuffer();
    }),
  ]).then(([entry, wasm]) => ({ entryName: new URL(workerUrl, location.href).pathname.split('/').pop() ?? '', entry, wasm }));
  // A failed download may be retried by the next worker.
  payload.catch(() => (payload = undefined));
  return payload;
}

/** A chunk of the worker's bundle, as text, for the frame to hand its workers. Only files beside the entry. */
async function chunkText(name: string): Promise<string> {
  if (!/^[\w.-]+\.js$/.test(name)) throw new Error(`Not a chunk of the runtime: ${name}`);
  const response = await fetch(new URL(name, new URL(workerUrl, location.href)));
  if (!response.ok) throw new Error(`The runtime's ${name} could not load (${response.status}).`);
  return response.text();
}

class RuntimeFrame {
  readonly element: HTMLIFrameElement;
  /** Resolves with the control port once the frame's script has it. */
  private readonly control: Promise<MessagePort>;
  private readonly workers = new Map<number, IsolatedWorker>();
  private nextId = 0;
  private pinger: ReturnType<typeof setInterval> | undefined;
  private lastAnswer = 0;
  private lastPing = 0;
  private unanswered = 0;
  dead = false;

  constructor(private readonly onDeath: (frame: RuntimeFrame) => void) {
    const element = document.createElement('iframe');
    element.setAttribute('sandbox', 'allow-scripts');
    element.setAttribute('aria-hidden', 'true');
    element.tabIndex = -1;
    element.title = 'Associations Lab runtime';
    element.hidden = true;
    element.srcdoc = FRAME_HTML;
    this.element = element;
    this.control = new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('The runtime could not start (its frame did not load).')), LOAD_TIMEOUT_MS);
      element.addEventListener(
        'load',
        () => {
          clearTimeout(timeout);
          const channel = new MessageChannel();
          channel.port1.onmessage = (event: MessageEvent<FrameMessage>) => this.onFrameMessage(event.data);
          element.contentWindow?.postMessage({ type: 'assoclab-frame' }, '*', [channel.port2]);
          this.lastAnswer = this.lastPing = performance.now();
          this.pinger = setInterval(() => this.ping(channel.port1), PING_EVERY_MS);
          // The worker's code, once for all the frame's workers.
          loadPayload().then(
            (code) => channel.port1.postMessage({ type: 'payload', ...code } satisfies FrameRequest),
            (error: Error) => {
              // This frame will never have the code: its workers fail, and the next one starts in a new frame, which tries again.
              this.retire();
              for (const worker of this.workers.values()) worker.fail(error.message);
              this.workers.clear();
            },
          );
          resolve(channel.port1);
        },
        { once: true },
      );
    });
    this.control.catch(() => undefined);
    document.body.append(element);
  }

  private ping(port: MessagePort): void {
    if (this.dead) return;
    const now = performance.now();
    // The page's own timer was late (its main thread was busy): the frame's answer could not
    // have been read meanwhile, so that time does not count as the frame's silence.
    const late = now - this.lastPing - PING_EVERY_MS;
    this.lastPing = now;
    if (late > PING_EVERY_MS) this.lastAnswer += late;
    if (this.unanswered >= 3 && now - this.lastAnswer > DEAD_AFTER_MS) {
      this.die();
      return;
    }
    this.unanswered++;
    port.postMessage({ type: 'ping', seq: this.unanswered } satisfies FrameRequest);
  }

  private onFrameMessage(message: FrameMessage): void {
    if (message.type === 'pong') {
      this.lastAnswer = performance.now();
      this.unanswered = 0;
    } else if (message.type === 'worker-error') {
      this.workers.get(message.id)?.fail(message.message);
    } else if (message.type === 'need-chunk') {
      const { name } = message;
      void Promise.all([this.control, chunkText(name)]).then(
        ([control, text]) => control.postMessage({ type: 'chunk', name, text } satisfies FrameRequest),
        (error: Error) => void this.control.then((control) => control.postMessage({ type: 'chunk', name, error: error.message } satisfies FrameRequest)),
      );
    }
  }

  /** Takes the frame out of use: the next worker starts in a new one. */
  private retire(): void {
    this.dead = true;
    clearInterval(this.pinger);
    this.element.remove();
    this.onDeath(this);
  }

  /** Its process is gone: every worker in it ended by itself. */
  private die(): void {
    this.retire();
    for (const worker of this.workers.values()) worker.exited('crashed');
    this.workers.clear();
  }

  /** Starts a worker in this frame, talking to the page over `port`. */
  start(worker: IsolatedWorker, port: MessagePort): number {
    const id = ++this.nextId;
    this.workers.set(id, worker);
    void this.control.then(
      (control) => control.postMessage({ type: 'start', id, name: 'assoclab-runtime', boot: BOOT_SOURCE } satisfies FrameRequest, [port]),
      (error: Error) => worker.fail(error.message),
    );
    return id;
  }

  stop(id: number): void {
    this.workers.delete(id);
    void this.control.then((control) => control.postMessage({ type: 'stop', id } satisfies FrameRequest)).catch(() => undefined);
  }
}

let frame: RuntimeFrame | undefined;

function currentFrame(): RuntimeFrame {
  if (!frame || frame.dead) {
    frame = new RuntimeFrame((dead) => {
      if (frame === dead) frame = undefined;
    });
  }
  return frame;
}

/** One runtime worker in the frame, in the shape the protocol client drives. */
class IsolatedWorker implements WorkerLike {
  private readonly listeners: Listeners = { message: [], error: [], exit: [] };
  private readonly port: MessagePort;
  private readonly frame: RuntimeFrame;
  private readonly id: number;
  private ended = false;

  constructor() {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (event: MessageEvent) => this.onMessage(event.data as WorkerMessage | LoaderMessage);
    this.frame = currentFrame();
    this.id = this.frame.start(this, channel.port2);
  }

  private post(message: WorkerRequest): void {
    if (!this.ended) this.port.postMessage(message);
  }

  private onMessage(data: WorkerMessage | LoaderMessage): void {
    if (this.ended) return;
    if (data?.type === 'assoclab-boot-error') {
      this.fail(data.message);
      return;
    }
    for (const listener of this.listeners.message) listener({ data: data as WorkerMessage });
  }

  /** The worker could not start, or threw outside any request. */
  fail(message: string): void {
    if (this.ended) return;
    for (const listener of this.listeners.error) listener({ message });
  }

  /** The worker's process died. */
  exited(reason: WorkerExitReason): void {
    if (this.ended) return;
    this.ended = true;
    this.port.close();
    for (const listener of this.listeners.exit) listener({ reason });
  }

  postMessage(message: WorkerRequest): void {
    this.post(message);
  }

  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    this.port.close();
    this.frame.stop(this.id);
  }

  addEventListener(type: 'message', listener: (event: { data: WorkerMessage }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  addEventListener(type: 'exit', listener: (event: { reason: WorkerExitReason }) => void): void;
  addEventListener(type: keyof Listeners, listener: (event: never) => void): void {
    (this.listeners[type] as ((event: never) => void)[]).push(listener);
  }
}

/** Starts a runtime worker in the page's isolated runtime frame (creating the frame if it has none, or if its process died). */
export function startIsolatedWorker(): WorkerLike {
  return new IsolatedWorker();
}
