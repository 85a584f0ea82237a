/**
 * The timer functions a program sees. They are the host's own, counted, so the run knows
 * whether the program is still waiting for something, and cleared when the run ends so
 * nothing of one run fires during the next.
 */
type Handle = ReturnType<typeof setTimeout>;

export class ProgramTimers {
  private readonly timeouts = new Set<Handle>();
  private readonly intervals = new Set<Handle>();

  /** Timers that will still fire: while any exist, the program is not finished. */
  get pending(): number {
    return this.timeouts.size + this.intervals.size;
  }

  readonly api = {
    setTimeout: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Handle => {
      const handle: Handle = setTimeout(() => {
        this.timeouts.delete(handle);
        callback(...args);
      }, ms);
      this.timeouts.add(handle);
      return handle;
    },
    clearTimeout: (handle: Handle | undefined): void => {
      if (handle === undefined) return;
      this.timeouts.delete(handle);
      clearTimeout(handle);
    },
    setInterval: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Handle => {
      const handle = setInterval(callback, ms, ...args);
      this.intervals.add(handle);
      return handle;
    },
    clearInterval: (handle: Handle | undefined): void => {
      if (handle === undefined) return;
      this.intervals.delete(handle);
      clearInterval(handle);
    },
    setImmediate: (callback: (...args: unknown[]) => void, ...args: unknown[]): Handle => this.api.setTimeout(callback, 0, ...args),
    clearImmediate: (handle: Handle | undefined): void => this.api.clearTimeout(handle),
  };

  clearAll(): void {
    for (const handle of this.timeouts) clearTimeout(handle);
    for (const handle of this.intervals) clearInterval(handle);
    this.timeouts.clear();
    this.intervals.clear();
  }
}
