/**
 * The `console` a learner's program sees: every call becomes a ConsoleEntry formatted as
 * Node would print it. Output is capped so a program printing megabytes cannot exhaust
 * memory or freeze the page: the start of the output is kept, then its last few lines;
 * what was cut between them is counted and reported.
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

/** The end of a capped output that is kept: its last lines, each and all within these. */
const TAIL_ENTRIES = 20;
const TAIL_CHARS = 16 * 1024;
const TAIL_ENTRY_CHARS = 2 * 1024;

export class ConsoleCapture {
  /** The start of the output, up to the cap (each handed to onEntry as it is printed). */
  private readonly head: ConsoleEntry[] = [];
  /** The latest entries printed past the cap. */
  private readonly tail: ConsoleEntry[] = [];
  private tailChars = 0;
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

  /** Everything kept, in order: the start of the output, then its last lines. */
  get entries(): ConsoleEntry[] {
    return this.tail.length ? [...this.head, ...this.tail] : this.head;
  }

  get truncation(): OutputTruncation | undefined {
    return this.droppedEntries ? { droppedEntries: this.droppedEntries, droppedChars: this.droppedChars, afterEntry: this.head.length } : undefined;
  }

  private full(): boolean {
    return this.chars >= this.limits.maxChars || this.head.length >= this.limits.maxEntries;
  }

  /** Adds an entry: to the start of the output while there is room, then to the kept last lines. */
  private push(level: ConsoleLevel, format: () => string): void {
    let text = format();
    if (this.groupDepth) {
      const pad = '  '.repeat(this.groupDepth);
      text = text
        .split('\n')
        .map((line) => pad + line)
        .join('\n');
    }
    const at = this.now() - this.startedAt;
    if (this.full()) {
      this.keepInTail({ level, text: this.cut(text, Math.min(this.limits.maxEntryChars, TAIL_ENTRY_CHARS)), at });
      return;
    }
    text = this.cut(text, Math.min(this.limits.maxEntryChars, this.limits.maxChars - this.chars));
    this.chars += text.length;
    const entry: ConsoleEntry = { level, text, at };
    this.head.push(entry);
    this.onEntry?.(entry);
  }

  /** The text within `room` characters, saying how many were cut (and counting them). */
  private cut(text: string, room: number): string {
    if (text.length <= room) return text;
    this.droppedChars += text.length - room;
    return `${text.slice(0, room)}… [${(text.length - room).toLocaleString('en-US')} more characters cut]`;
  }

  private keepInTail(entry: ConsoleEntry): void {
    this.tail.push(entry);
    this.tailChars += entry.text.length;
    while (this.tail.length > TAIL_ENTRIES || this.tailChars > TAIL_CHARS) {
      const dropped = this.tail.shift()!;
      this.tailChars -= dropped.text.length;
      this.droppedEntries++;
      this.droppedChars += dropped.text.length;
    }
  }

  private write(level: ConsoleLevel, args: readonly unknown[]): void {
    this.push(level, () => formatConsoleArgs(args, this.inspectOptions));
  }

  /** The object handed to the program as `console`. */
  createConsole(): Console {
    const write =
      (level: ConsoleLevel) =>
      (...args: unknown[]) =>
        this.write(level, args);
    const table = (data: unknown) => this.push('log', () => formatTable(data, this.inspectOptions));
    const api = {
      log: write('log'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      debug: write('debug'),
      trace: (...args: unknown[]) => this.write('error', ['Trace:', ...args]),
      dir: (value: unknown, options?: { depth?: number | null }) =>
        this.push('log', () => inspect(value, { ...this.inspectOptions, depth: options?.depth === null ? Infinity : (options?.depth ?? 2) })),
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
    const view = typeof row === 'object' && row !== null ? (options.custom?.(row)?.data ?? row) : undefined;
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
  return [line('┌', '┬', '┐'), row(header), line('├', '┼', '┤'), ...cells.map((cell) => row(header.map((name) => cell[name] ?? ''))), line('└', '┴', '┘')].join(
    '\n',
  );
}
