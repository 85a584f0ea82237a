/**
 * The timer functions a program sees. They are the host's own, counted, so the run knows
 * whether the program is still waiting for something, and cleared when the run ends so
 * nothing of one run fires during the next.
 */
type Handle = ReturnType<typeof setTimeout>;

/**
 * The host's own timer functions, taken before any run: while a program runs, the global
 * setTimeout is the program's (see `installGlobals`), and these must not call themselves.
 */
// Bound: a browser refuses a timer function called on anything but the global object.
const host = {
  setTimeout: globalThis.setTimeout.bind(globalThis),
  clearTimeout: globalThis.clearTimeout.bind(globalThis),
  setInterval: globalThis.setInterval.bind(globalThis),
  clearInterval: globalThis.clearInterval.bind(globalThis),
};

export class ProgramTimers {
  private readonly timeouts = new Set<Handle>();
  private readonly intervals = new Set<Handle>();
  /**
   * What a callback threw: Node's "uncaught exception", which ends the program. Thrown from
   * the host's own timer it would escape the run (in a test's process, or a worker's), so the
   * run takes it, as it takes an unhandled rejection. Until set, it is thrown as before.
   */
  onThrow: (error: unknown) => void = (error) => {
    throw error;
  };

  private call(callback: (...args: unknown[]) => void, args: unknown[]): void {
    try {
      callback(...args);
    } catch (error) {
      this.onThrow(error);
    }
  }

  /** Timers that will still fire: while any exist, the program is not finished. */
  get pending(): number {
    return this.timeouts.size + this.intervals.size;
  }

  readonly api = {
    setTimeout: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Handle => {
      const handle: Handle = host.setTimeout(() => {
        this.timeouts.delete(handle);
        this.call(callback, args);
      }, ms);
      this.timeouts.add(handle);
      return handle;
    },
    clearTimeout: (handle: Handle | undefined): void => {
      if (handle === undefined) return;
      this.timeouts.delete(handle);
      host.clearTimeout(handle);
    },
    setInterval: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Handle => {
      const handle = host.setInterval(() => this.call(callback, args), ms);
      this.intervals.add(handle);
      return handle;
    },
    clearInterval: (handle: Handle | undefined): void => {
      if (handle === undefined) return;
      this.intervals.delete(handle);
      host.clearInterval(handle);
    },
    setImmediate: (callback: (...args: unknown[]) => void, ...args: unknown[]): Handle => this.api.setTimeout(callback, 0, ...args),
    clearImmediate: (handle: Handle | undefined): void => this.api.clearTimeout(handle),
  };

  /**
   * Makes the global setTimeout and clearTimeout the program's until the returned function
   * is called. Libraries call them by name: Sequelize warns about public class fields from
   * a setTimeout(0), which must print in this run (Node waits for it) and never in the next.
   */
  installGlobals(): () => void {
    const scope = globalThis as unknown as Record<string, unknown>;
    const saved = { setTimeout: scope.setTimeout, clearTimeout: scope.clearTimeout };
    scope.setTimeout = this.api.setTimeout;
    scope.clearTimeout = this.api.clearTimeout;
    return () => Object.assign(scope, saved);
  }

  clearAll(): void {
    for (const handle of this.timeouts) host.clearTimeout(handle);
    for (const handle of this.intervals) host.clearInterval(handle);
    this.timeouts.clear();
    this.intervals.clear();
  }
}
