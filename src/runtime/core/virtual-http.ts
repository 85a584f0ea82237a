/**
 * A network with no sockets, one per run: `app.listen(port)` registers an Express app on
 * it, and the program's `fetch('http://localhost:port/...')` is dispatched straight to
 * that app. The browser worker and Node use the same code, so an Express lesson behaves
 * the same in both, and nothing listens on a real port.
 */

/** What the host loads for Express: the real express() and the stream class its requests use. */
export interface ExpressRuntime {
  express: ExpressFactory;
  Readable: new (options: { read(): void }) => ReadableLike;
}

type Handler = (request: unknown, response: unknown) => void;
type ExpressFactory = ((...args: unknown[]) => ExpressApp) & Record<string, unknown>;
interface ExpressApp extends Handler {
  listen: (...args: unknown[]) => unknown;
  handle: (request: unknown, response: unknown, callback?: unknown) => unknown;
  /** Express 5 makes the app's router on first use. */
  readonly router: RouterLike;
}
interface RouterLike {
  handle: (request: unknown, response: unknown, done: (error?: unknown) => void) => unknown;
}
interface ReadableLike {
  push(chunk: unknown): boolean;
}

interface VirtualServer {
  port: number;
  handler: Handler;
  listening: boolean;
  address(): { port: number; address: string; family: string };
  close(callback?: () => void): VirtualServer;
  on(): VirtualServer;
  once(): VirtualServer;
}

export class VirtualNetwork {
  private readonly servers = new Map<number, VirtualServer>();
  /** Requests dispatched and not yet answered: the run is not over while any are. */
  inFlight = 0;
  /**
   * Told of every error that reaches Express's final handler (the one that answers 500):
   * a route that threw or rejected, which the learner needs at its line.
   */
  onRouteError: ((error: unknown) => void) | undefined;
  private readonly observedRouters = new WeakSet<RouterLike>();
  /** Errors Express answered with a 500 (and then logs with the global console.error, as Express's own output). */
  readonly answeredErrors = new WeakSet<object>();

  constructor(private readonly runtime: ExpressRuntime) {}

  /** express(), whose apps listen on this network instead of a socket. */
  wrapExpress(): ExpressFactory {
    const { express } = this.runtime;
    const listen = (handler: Handler, listenArgs: unknown[]) => this.listen(handler, listenArgs);
    const observe = (router: RouterLike) => this.observeErrors(router);
    const wrapped = function (this: unknown, ...args: unknown[]) {
      const app = express.apply(this, args);
      app.listen = (...listenArgs: unknown[]) => listen(app, listenArgs);
      const handle = app.handle;
      app.handle = function (this: ExpressApp, request: unknown, response: unknown, callback?: unknown) {
        // Without a callback this app is the outermost one, so its router's `done` is
        // Express's final handler; a mounted app hands its errors up to its parent instead.
        if (callback === undefined) observe(this.router);
        return handle.call(this, request, response, callback);
      };
      return app;
    } as ExpressFactory;
    Object.assign(wrapped, express);
    return wrapped;
  }

  /** Wraps the router's final callback once, to see the errors Express answers with a 500. */
  private observeErrors(router: RouterLike): void {
    if (this.observedRouters.has(router)) return;
    this.observedRouters.add(router);
    const original = router.handle;
    const report = (error: unknown) => {
      if (typeof error === 'object' || typeof error === 'function') this.answeredErrors.add(error as object);
      this.onRouteError?.(error);
    };
    router.handle = function (this: RouterLike, request, response, done) {
      return original.call(this, request, response, (error?: unknown) => {
        // 'route' and 'router' are Express's own signals to skip ahead, not errors.
        if (error !== undefined && error !== null && error !== 'route' && error !== 'router') report(error);
        done(error);
      });
    };
  }

  /** The ports apps listen on, in the order they started. */
  get ports(): number[] {
    return [...this.servers.keys()];
  }

  /**
   * A request from outside the program (the Request panel, `assoclab run --request`) to the
   * app on `port`; undefined when nothing listens there.
   */
  send(port: number, path: string, init: RequestInit): Promise<Response> | undefined {
    const server = this.servers.get(port);
    return server ? this.dispatch(server.handler, new URL(`http://localhost:${port}${path}`), init) : undefined;
  }

  private listen(handler: Handler, args: unknown[]): VirtualServer {
    const callback = args.find((arg): arg is () => void => typeof arg === 'function');
    const requested = Number(args.find((arg) => typeof arg === 'number' || (typeof arg === 'string' && /^\d+$/.test(arg))) ?? 0);
    let port = requested || 3000;
    while (!requested && this.servers.has(port)) port++;
    if (this.servers.has(port)) {
      const error = Object.assign(new Error(`listen EADDRINUSE: address already in use :::${port}`), { code: 'EADDRINUSE' });
      throw error;
    }
    const servers = this.servers;
    const server: VirtualServer = {
      port,
      handler,
      listening: true,
      address: () => ({ port, address: '::', family: 'IPv6' }),
      close(done) {
        servers.delete(port);
        server.listening = false;
        if (done) queueMicrotask(done);
        return server;
      },
      on: () => server,
      once: () => server,
    };
    servers.set(port, server);
    if (callback) queueMicrotask(callback);
    return server;
  }

  /** The program's fetch(): reaches apps on this network, and nothing else. */
  readonly fetch = async (input: string | URL | { url: string }, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const local = ['localhost', '127.0.0.1', '[::1]', '0.0.0.0'].includes(url.hostname);
    const server = local ? this.servers.get(Number(url.port || 80)) : undefined;
    if (!server) {
      throw new TypeError(
        local
          ? `fetch failed: nothing is listening on port ${url.port || 80}. Start your app with app.listen(${url.port || 3000}) first.`
          : `fetch failed: this playground has no internet access; it can only reach an Express app started with app.listen().`,
      );
    }
    this.inFlight++;
    try {
      return await this.dispatch(server.handler, url, init);
    } finally {
      this.inFlight--;
    }
  };

  private dispatch(handler: Handler, url: URL, init: RequestInit): Promise<Response> {
    const headers: Record<string, string> = { host: url.host };
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    if (body !== undefined) {
      headers['content-length'] ??= String(new TextEncoder().encode(body).length);
      headers['content-type'] ??= 'text/plain;charset=UTF-8';
    }
    const socket = { readable: true, writable: true, remoteAddress: '127.0.0.1', encrypted: false, destroy() {}, on() {}, removeListener() {} };
    const request = Object.assign(new this.runtime.Readable({ read() {} }), {
      method: (init.method ?? 'GET').toUpperCase(),
      url: url.pathname + url.search,
      headers,
      rawHeaders: Object.entries(headers).flat(),
      httpVersion: '1.1',
      httpVersionMajor: 1,
      httpVersionMinor: 1,
      socket,
      connection: socket,
      complete: true,
    });
    if (body !== undefined) request.push(body);
    request.push(null);

    return new Promise<Response>((resolve, reject) => {
      const outHeaders = new Map<string, { name: string; value: string | string[] }>();
      const chunks: string[] = [];
      const toText = (chunk: unknown, encoding?: unknown) =>
        typeof chunk === 'string'
          ? chunk
          : chunk instanceof Uint8Array
            ? new TextDecoder(typeof encoding === 'string' && encoding !== 'utf8' ? encoding : 'utf-8').decode(chunk)
            : String(chunk);
      const response = {
        statusCode: 200,
        statusMessage: '',
        headersSent: false,
        finished: false,
        writableEnded: false,
        writableFinished: false,
        req: request,
        socket,
        connection: socket,
        setHeader(name: string, value: string | number | string[]) {
          outHeaders.set(name.toLowerCase(), { name, value: Array.isArray(value) ? value.map(String) : String(value) });
          return response;
        },
        getHeader: (name: string) => outHeaders.get(name.toLowerCase())?.value,
        getHeaders: () => Object.fromEntries([...outHeaders].map(([key, { value }]) => [key, value])),
        getHeaderNames: () => [...outHeaders.keys()],
        hasHeader: (name: string) => outHeaders.has(name.toLowerCase()),
        removeHeader: (name: string) => void outHeaders.delete(name.toLowerCase()),
        writeHead(status: number, ...rest: unknown[]) {
          response.statusCode = status;
          const headerArg = rest.find((arg) => typeof arg === 'object' && arg !== null) as Record<string, string> | undefined;
          for (const [key, value] of Object.entries(headerArg ?? {})) response.setHeader(key, value);
          response.headersSent = true;
          return response;
        },
        write(chunk: unknown, encoding?: unknown) {
          response.headersSent = true;
          chunks.push(toText(chunk, encoding));
          return true;
        },
        end(chunk?: unknown, encoding?: unknown) {
          if (response.finished) return response;
          if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toText(chunk, encoding));
          response.headersSent = true;
          response.finished = response.writableEnded = response.writableFinished = true;
          const status = response.statusCode;
          const headerList: [string, string][] = [];
          for (const { name, value } of outHeaders.values()) for (const item of Array.isArray(value) ? value : [value]) headerList.push([name, item]);
          const noBody = status === 204 || status === 304 || request.method === 'HEAD';
          resolve(new Response(noBody ? null : chunks.join(''), { status, statusText: response.statusMessage, headers: headerList }));
          queueMicrotask(() => (response as unknown as { emit?: (event: string) => void }).emit?.('finish'));
          return response;
        },
      };
      try {
        handler(request, response);
      } catch (error) {
        reject(error);
      }
    });
  }

  get listening(): number {
    return this.servers.size;
  }

  closeAll(): void {
    this.servers.clear();
  }
}
