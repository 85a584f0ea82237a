/**
 * The scripts that run the runtime worker inside its isolated frame (./runtime-frame.ts),
 * and what they hand the worker's bundle. The two scripts run in other realms (the frame's
 * document, the worker): each is one self-contained function, sent as its source text, so
 * it may use nothing from this module but what it is passed.
 *
 * Why this shape: the frame is sandboxed without allow-same-origin, so its origin is
 * opaque. Chromium then gives it a process of its own, which is the point (a program that
 * exhausts the engine's heap ends that process, not the page's), but an opaque origin may
 * not start a worker from the site's URL, nor fetch the site's files without CORS headers
 * that a static host may not send. So the page fetches the worker's code and sql.js's
 * wasm itself, and the worker is started from a blob: a classic worker (a module worker
 * from a blob fails in an opaque origin, measured in Chromium 156) that imports the bundle's
 * chunks as blob modules, asking the frame for each chunk's text.
 *
 * The page sends the frame that code once (the entry, the wasm, each chunk the first time a
 * worker asks for it), and the frame hands it to every worker it starts: a worker costs the
 * page's main thread nothing but its start request. (Sent by the page to each worker, the
 * 1.5 MB of a boot took the page's main thread 100–300 ms per worker.)
 */

/** What the worker's bundle finds on its global before it runs (read and removed by ./sql-wasm-early.ts). */
export interface IsolatedBoot {
  /** sql.js's wasm, compiled from the bytes the page sent. */
  wasm: Promise<WebAssembly.Module>;
  /** Sends a message to the page. */
  post(message: unknown): void;
  /** Receives the page's requests (the loader's own messages are not passed on). */
  listen(handler: (data: unknown) => void): void;
}

export const BOOT_GLOBAL = '__assoclabBoot';
/** The global the rewritten bundle calls for its dynamic imports. */
export const IMPORT_GLOBAL = '__assoclabImport';

/** The worker's code, as the page sends it to the frame once. */
export interface BootPayload {
  entryName: string;
  entry: string;
  wasm: ArrayBuffer;
}

/** Messages between the frame and a worker's loader (the worker's own messages to its frame). */
export type LoaderMessage =
  | ({ type: 'assoclab-boot' } & BootPayload)
  | { type: 'assoclab-chunk'; name: string; text?: string; error?: string }
  | { type: 'assoclab-boot-error'; message: string };

/** Messages on the control port between the page and the frame. */
export type FrameRequest =
  | { type: 'ping'; seq: number }
  | ({ type: 'payload' } & BootPayload)
  | { type: 'chunk'; name: string; text?: string; error?: string }
  | { type: 'start'; id: number; name: string; boot: string }
  | { type: 'stop'; id: number };
export type FrameMessage = { type: 'pong'; seq: number } | { type: 'worker-error'; id: number; message: string } | { type: 'need-chunk'; name: string };

/**
 * The frame's script: takes the control port the page sends it, answers pings, keeps the
 * worker's code the page sends, and starts and stops workers on request, each with the port
 * the page gave for it; a worker's boot and chunks come from here.
 */
export function frameMain(): void {
  let control: MessagePort | undefined;
  const workers = new Map<number, Worker>();
  let bootUrl: string | undefined;
  let gotPayload!: (payload: { entryName: string; entry: string; wasm: ArrayBuffer }) => void;
  const payload = new Promise<{ entryName: string; entry: string; wasm: ArrayBuffer }>((resolve) => (gotPayload = resolve));
  /** Each chunk's text, asked of the page once. */
  const chunks = new Map<string, Promise<{ text?: string; error?: string }>>();
  const chunkAnswers = new Map<string, (answer: { text?: string; error?: string }) => void>();
  const chunk = (name: string) => {
    let answer = chunks.get(name);
    if (!answer) {
      answer = new Promise((resolve) => chunkAnswers.set(name, resolve));
      chunks.set(name, answer);
      control?.postMessage({ type: 'need-chunk', name });
    }
    return answer;
  };
  addEventListener('message', (event: MessageEvent) => {
    if (control || event.source !== parent || (event.data as { type?: unknown })?.type !== 'assoclab-frame' || !event.ports[0]) return;
    const port = event.ports[0];
    control = port;
    port.onmessage = (message: MessageEvent) => {
      const data = message.data as FrameRequest;
      if (data.type === 'ping') port.postMessage({ type: 'pong', seq: data.seq });
      else if (data.type === 'payload') gotPayload({ entryName: data.entryName, entry: data.entry, wasm: data.wasm });
      else if (data.type === 'chunk') {
        const answer = chunkAnswers.get(data.name);
        chunkAnswers.delete(data.name);
        // A failed download is asked again by the next worker that needs it.
        if (data.text === undefined) chunks.delete(data.name);
        answer?.({ text: data.text, error: data.error });
      } else if (data.type === 'start' && message.ports[0]) {
        bootUrl ??= URL.createObjectURL(new Blob([data.boot], { type: 'text/javascript' }));
        const worker = new Worker(bootUrl, { name: data.name });
        worker.onerror = (error) => {
          error.preventDefault();
          port.postMessage({ type: 'worker-error', id: data.id, message: error.message || 'The runtime could not start.' });
        };
        worker.onmessage = (request: MessageEvent) => {
          const asked = request.data as { type?: string; name?: string };
          if (asked?.type !== 'assoclab-chunk' || typeof asked.name !== 'string') return;
          const name = asked.name;
          void chunk(name).then((answer) => worker.postMessage({ type: 'assoclab-chunk', name, ...answer }));
        };
        worker.postMessage(null, [message.ports[0]]);
        void payload.then((code) => worker.postMessage({ type: 'assoclab-boot', ...code }));
        workers.set(data.id, worker);
      } else if (data.type === 'stop') {
        workers.get(data.id)?.terminate();
        workers.delete(data.id);
      }
    };
  });
}

/**
 * The worker's first script (classic): takes its port to the page, then the frame's boot
 * message (the bundle's entry and sql.js's wasm), compiles the wasm, and imports the entry
 * as a blob module whose chunk imports go through a loader that asks the frame for their text.
 */
export function workerBoot(bootGlobal: string, importGlobal: string): void {
  const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null } & Record<string, unknown>;
  scope.onmessage = (first: MessageEvent) => {
    scope.onmessage = null;
    const port = first.ports[0];
    if (!port) return;
    const handlers: ((data: unknown) => void)[] = [];
    const waiting = new Map<string, { resolve(text: string): void; reject(error: Error): void }>();
    const chunks = new Map<string, Promise<string>>();
    let entryName = '';
    let entryUrl = '';
    const fail = (error: unknown) => port.postMessage({ type: 'assoclab-boot-error', message: error instanceof Error ? error.message : String(error) });
    // A chunk's imports name sibling chunks: "./express-browser-abc123.js".
    const STATIC = /(\bfrom\s*|\bimport\s*)"\.\/([\w.-]+\.js)"/g;
    const DYNAMIC = /\bimport\(\s*"\.\/([\w.-]+\.js)"\s*\)/g;
    const ask = (name: string) =>
      new Promise<string>((resolve, reject) => {
        waiting.set(name, { resolve, reject });
        (self as unknown as { postMessage(message: unknown): void }).postMessage({ type: 'assoclab-chunk', name });
      });
    const blobOf = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    const rewrite = async (text: string): Promise<string> => {
      const names = [...new Set([...text.matchAll(STATIC)].map((match) => match[2] as string))];
      const urls = new Map(await Promise.all(names.map(async (name) => [name, await chunkUrl(name)] as const)));
      return text
        .replace(STATIC, (_whole, before: string, name: string) => `${before}"${urls.get(name)}"`)
        .replace(DYNAMIC, (_whole, name: string) => `${importGlobal}("./${name}")`);
    };
    const chunkUrl = (name: string): Promise<string> => {
      if (name === entryName) return Promise.resolve(entryUrl);
      let url = chunks.get(name);
      if (!url) {
        url = ask(name).then(rewrite).then(blobOf);
        chunks.set(name, url);
      }
      return url;
    };
    scope[importGlobal] = async (specifier: string) => import(await chunkUrl(specifier.replace(/^\.\//, '')));
    // The page's requests come on the port; the frame's boot and chunks as the worker's own messages.
    port.onmessage = (event: MessageEvent) => {
      for (const handler of handlers) handler(event.data);
    };
    // A listener, not onmessage: a program that sets onmessage must not cut its runtime off from its chunks.
    addEventListener('message', (event: MessageEvent) => {
      const data = event.data as { type?: string; name?: string; text?: string; error?: string; entryName?: string; entry?: string; wasm?: ArrayBuffer };
      if (data?.type === 'assoclab-chunk' && data.name) {
        const request = waiting.get(data.name);
        waiting.delete(data.name);
        if (data.text !== undefined) request?.resolve(data.text);
        else request?.reject(new Error(data.error ?? `The runtime's ${data.name} could not load.`));
        return;
      }
      if (data?.type === 'assoclab-boot' && !entryUrl) {
        entryName = data.entryName ?? '';
        const wasm = WebAssembly.compile(data.wasm as ArrayBuffer);
        wasm.catch(() => undefined);
        scope[bootGlobal] = {
          wasm,
          post: (message: unknown) => port.postMessage(message),
          listen: (handler: (data: unknown) => void) => void handlers.push(handler),
        };
        void rewrite(data.entry ?? '')
          .then((text) => {
            entryUrl = blobOf(text);
            return import(entryUrl);
          })
          .catch(fail);
      }
    });
  };
}
