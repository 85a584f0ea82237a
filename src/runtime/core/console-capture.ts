/**
 * The `console` a learner's program sees: every call becomes a ConsoleEntry formatted as
 * Node would print it. Output is capped so a program printing megabytes cannot exhaust
 * memory or freeze the page; what was cut is counted and reported.
 */
import type { ConsoleEntry, ConsoleLevel, OutputTruncation } from '../../schemas/run-result';
import { formatConsoleArgs, inspect, type InspectOptions } from './inspect';

export interface ConsoleLimits {
  /** Characters of output kept in all. */
  maxChars: number;
  /** Entries kept in all. */
  maxEntries: number;
  /** Characters kept of one entry. */
  maxEntryChars: number;
}

export const DEFAULT_CONSOLE_LIMITS: ConsoleLimits = { maxChars: 256 * 1024, maxEntries: 5_000, maxEntryChars: 32 * 1024 };

export class ConsoleCapture {
  readonly entries: ConsoleEntry[] = [];
  private chars = 0;
  private droppedEntries = 0;
  private droppedChars = 0;
  private groupDepth = 0;
  private readonly counts = new Map<string, number>();
  private readonly timers = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly startedAt: number,
    private readonly inspectOptions: Partial<InspectOptions>,
    private readonly limits: ConsoleLimits = DEFAULT_CONSOLE_LIMITS,
    private readonly onEntry?: (entry: ConsoleEntry) => void,
  ) {}

  get truncation(): OutputTruncation | undefined {
    return this.droppedEntries ? { droppedEntries: this.droppedEntries, droppedChars: this.droppedChars } : undefined;
  }

  private full(): boolean {
    return this.chars >= this.limits.maxChars || this.entries.length >= this.limits.maxEntries;
  }

  /** Adds an entry; past the cap only counts it, without formatting anything. */
  private push(level: ConsoleLevel, args: readonly unknown[], format: () => string): void {
    if (this.full()) {
      this.droppedEntries++;
      // Counting a string's length is free; formatting objects past the cap is not.
      this.droppedChars += args.reduce<number>((sum, arg) => sum + (typeof arg === 'string' ? arg.length + 1 : 1), 0);
      return;
    }
    let text = format();
    if (this.groupDepth) {
      const pad = '  '.repeat(this.groupDepth);
      text = text.split('\n').map((line) => pad + line).join('\n');
    }
    const room = Math.min(this.limits.maxEntryChars, this.limits.maxChars - this.chars);
    if (text.length > room) {
      this.droppedChars += text.length - room;
      text = `${text.slice(0, room)}… [${(text.length - room).toLocaleString('en-US')} more characters cut]`;
    }
    this.chars += text.length;
    const entry: ConsoleEntry = { level, text, at: this.now() - this.startedAt };
    this.entries.push(entry);
    this.onEntry?.(entry);
  }

  private write(level: ConsoleLevel, args: readonly unknown[]): void {
    this.push(level, args, () => formatConsoleArgs(args, this.inspectOptions));
  }

  /** The object handed to the program as `console`. */
  createConsole(): Console {
    const write = (level: ConsoleLevel) => (...args: unknown[]) => this.write(level, args);
    const table = (data: unknown) => this.push('log', [data], () => formatTable(data, this.inspectOptions));
    const api = {
      log: write('log'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      debug: write('debug'),
      trace: (...args: unknown[]) => this.write('error', ['Trace:', ...args]),
      dir: (value: unknown, options?: { depth?: number | null }) =>
        this.push('log', [value], () =>
          inspect(value, { ...this.inspectOptions, depth: options?.depth === null ? Infinity : options?.depth ?? 2 }),
        ),
      table,
      assert: (condition: unknown, ...args: unknown[]) => {
        if (!condition) this.write('error', args.length ? ['Assertion failed:', ...args] : ['Assertion failed']);
      },
      count: (label = 'default') => {
        const count = (this.counts.get(label) ?? 0) + 1;
        this.counts.set(label, count);
        this.write('info', [`${label}: ${count}`]);
      },
      countReset: (label = 'default') => void this.counts.delete(label),
      group: (...args: unknown[]) => {
        if (args.length) this.write('log', args);
        this.groupDepth++;
      },
      groupCollapsed: (...args: unknown[]) => api.group(...args),
      groupEnd: () => {
        this.groupDepth = Math.max(0, this.groupDepth - 1);
      },
      time: (label = 'default') => void this.timers.set(label, this.now()),
      timeLog: (label = 'default', ...args: unknown[]) => this.logTime(label, args, false),
      timeEnd: (label = 'default') => this.logTime(label, [], true),
    };
    return api as unknown as Console;
  }

  private logTime(label: string, args: unknown[], end: boolean): void {
    const start = this.timers.get(label);
    if (start === undefined) {
      this.write('warn', [`Warning: No such label '${label}' for console.time${end ? 'End' : 'Log'}()`]);
      return;
    }
    if (end) this.timers.delete(label);
    this.write('info', [`${label}: ${(this.now() - start).toFixed(3)}ms`, ...args]);
  }
}

/** console.table, drawn with the same box characters Node uses. */
export function formatTable(data: unknown, options: Partial<InspectOptions>): string {
  if (typeof data !== 'object' || data === null) return formatConsoleArgs([data], options);
  const rows = Object.entries(data as Record<string, unknown>);
  const columns: string[] = [];
  let hasValues = false;
  const cells = rows.map(([index, row]) => {
    const record: Record<string, string> = { '(index)': index };
    const view = typeof row === 'object' && row !== null ? options.custom?.(row)?.data ?? row : undefined;
    if (view && typeof view === 'object') {
      for (const [key, value] of Object.entries(view)) {
        if (!columns.includes(key)) columns.push(key);
        record[key] = inspect(value, { ...options, depth: 0 });
      }
    } else {
      hasValues = true;
      record.Values = inspect(row, { ...options, depth: 0 });
    }
    return record;
  });
  const header = ['(index)', ...columns, ...(hasValues ? ['Values'] : [])];
  const widths = header.map((name) => Math.max(name.length, ...cells.map((cell) => (cell[name] ?? '').length)) + 2);
  const line = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
  const row = (values: string[]) => `│${values.map((value, i) => ` ${value.padEnd((widths[i] ?? 2) - 1)}`).join('│')}│`;
  return [
    line('┌', '┬', '┐'),
    row(header),
    line('├', '┼', '┤'),
    ...cells.map((cell) => row(header.map((name) => cell[name] ?? ''))),
    line('└', '┴', '┘'),
  ].join('\n');
}
