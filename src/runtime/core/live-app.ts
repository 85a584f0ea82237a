/**
 * An Express app that outlived its program: after a program called `app.listen()` and
 * ended, its database, models and app stay, and requests from outside (the playground's
 * Request panel, `assoclab run --request`) reach it until the next run frees them. Each
 * request gets the program's time budget of its own, and what it caused (its SQL, what it
 * printed, a route's error at its line) is told apart from the run's.
 */
import { noAppExchange, type AppExchange, type AppRequest, type AppResponse } from '../../schemas/app-exchange';
import type { ConsoleEntry, RunError } from '../../schemas/run-result';
import { timeoutError } from '../../schemas/time-budget';
import type { RuntimeHost } from './execute';
import type { ProgramLocator } from './locate';
import { toRunError } from './run-error';
import { RunStopped, type RunGuard } from './run-guard';
import type { SqlRecorder } from './sql-log';
import type { VirtualNetwork } from './virtual-http';

/** What a request sent nothing back says: the usual cause is a route that never calls res.json(). */
export const NO_RESPONSE = 'no response was sent. Every route must answer, with res.json(), res.send() or res.end() (a forgotten res.json()?).';

/** What the run leaves to the app (./execute.ts). */
export interface LiveAppParts {
  host: RuntimeHost;
  network: VirtualNetwork;
  recorder: SqlRecorder;
  guard: RunGuard;
  locator: ProgramLocator;
  budgetMs: number;
  /** Sends what the program prints to `sink` from now on (undefined: nowhere). */
  captureConsole(sink: ((entry: ConsoleEntry) => void) | undefined): void;
  /** Makes the program's console and timers the global ones again; returns the undo. */
  enter(): () => void;
  /** Statements or timers still pending in the program's world. */
  busy(): boolean;
  /** Frees the database and everything else the run allocated. */
  free(): void;
}

export class LiveApp {
  private closed = false;

  constructor(private readonly parts: LiveAppParts) {}

  /** The port the app listens on (the first one, when a program started several). */
  get port(): number | undefined {
    return this.closed ? undefined : this.parts.network.ports[0];
  }

  /** Sends one request to the app and reports what came of it; never throws. */
  async request(request: AppRequest): Promise<AppExchange> {
    const { host, network, recorder, guard, locator, budgetMs } = this.parts;
    const startedAt = host.now();
    const port = this.port;
    if (port === undefined) return noAppExchange();
    // The log holds this request's statements only (the run's were read when it ended).
    recorder.statements.splice(0);
    recorder.dropped = 0;
    const printed: ConsoleEntry[] = [];
    this.parts.captureConsole((entry) => printed.push(entry));
    const leave = this.parts.enter();
    let routeError: unknown;
    let rejection: unknown;
    network.onRouteError = (error) => (routeError ??= error);
    const stopRejections = host.onUnhandledRejection((reason) => (rejection ??= reason));
    let response: Response | undefined;
    let failure: unknown;
    let body = '';
    guard.start();
    try {
      const headers: Record<string, string> = { ...request.headers };
      const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
      if (request.body !== undefined && !hasType) headers['content-type'] = 'application/json';
      const sent = network.send(port, request.path, { method: request.method, headers, ...(request.body !== undefined ? { body: request.body } : {}) });
      sent?.then(
        (answer) => (response = answer),
        (error: unknown) => (failure = error),
      );
      const overBudget = () => host.now() - startedAt > budgetMs;
      while (!response && failure === undefined && !guard.stopped && !overBudget()) await host.nextTurn();
      if (response) body = await response.text();
      // Queries a route started and did not await still settle, within the budget.
      let quietTurns = 0;
      while (quietTurns < 2 && !guard.stopped && !overBudget()) {
        await host.nextTurn();
        quietTurns = this.parts.busy() ? 0 : quietTurns + 1;
      }
    } finally {
      guard.release();
      leave();
      stopRejections();
      network.onRouteError = undefined;
      this.parts.captureConsole(undefined);
    }
    const timeMs = host.now() - startedAt;
    const sql = recorder.statements.slice();
    const answered: AppResponse | undefined = response
      ? { status: response.status, statusText: response.statusText, headers: [...response.headers], body }
      : undefined;

    let error: RunError | undefined;
    if (guard.stopped) {
      // A route over the budget (an endless loop) is stopped by the guards, which stay
      // tripped: the app can run no more code, so it is freed.
      error = { ...guard.stopped, location: locator.fromStack(guard.stoppedAt) };
    } else if (routeError !== undefined) {
      error = routeError instanceof RunStopped ? routeError.error : toRunError(routeError, locator, host.printer);
    } else if (failure !== undefined) {
      error = toRunError(failure, locator, host.printer);
    } else if (rejection !== undefined) {
      error = toRunError(rejection, locator, host.printer, 'unhandled-rejection');
    } else if (!answered) {
      error = timeoutError(budgetMs, NO_RESPONSE);
    }
    const appStopped = guard.stopped !== undefined;
    if (appStopped) this.close();
    return {
      ok: answered !== undefined && error === undefined,
      ...(answered ? { response: answered } : {}),
      ...(error ? { error } : {}),
      sql,
      console: printed,
      timeMs,
      ...(appStopped ? { appStopped } : {}),
    };
  }

  /** Frees the app and its database (the next run, a reset, a stop). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.parts.free();
  }
}
