/**
 * The `console` a learner's program sees: every call becomes a ConsoleEntry formatted as
 * Node would print it (with the host's util.inspect). Output is capped so a program printing
 * megabytes cannot exhaust memory or freeze the page: the start of the output is kept, then
 * its last few lines; what was cut between them is counted and reported.
 */
import type { ConsoleEntry, ConsoleLevel, OutputTruncation } from '../../schemas/run-result';
import { formatTable, printingForLearner, type Printer } from './inspect';

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
  private stopped = false;

  constructor(
    private readonly now: () => number,
    private readonly startedAt: number,
    private readonly printer: Printer,
    private readonly limits: ConsoleLimits = DEFAULT_CONSOLE_LIMITS,
    private readonly onEntry?: (entry: ConsoleEntry) => void,
    /** Rewrites printed text (the program's stack traces, told in its own lines). */
    private readonly rewrite: (text: string) => string = (text) => text,
  ) {}

  /**
   * Nothing printed from now on is kept: the program has ended (Node exits at an unhandled
   * rejection, before anything still pending can print).
   */
  stop(): void {
    this.stopped = true;
  }

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
  private push(level: ConsoleLevel, format: () => string, origin?: ConsoleEntry['origin']): void {
    if (this.stopped) return;
    let text = this.rewrite(printingForLearner(format));
    if (this.groupDepth) {
      const pad = '  '.repeat(this.groupDepth);
      text = text
        .split('\n')
        .map((line) => pad + line)
        .join('\n');
    }
    const at = this.now() - this.startedAt;
    const from = origin ? { origin } : {};
    if (this.full()) {
      this.keepInTail({ level, text: this.cut(text, Math.min(this.limits.maxEntryChars, TAIL_ENTRY_CHARS)), at, ...from });
      return;
    }
    text = this.cut(text, Math.min(this.limits.maxEntryChars, this.limits.maxChars - this.chars));
    this.chars += text.length;
    const entry: ConsoleEntry = { level, text, at, ...from };
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

  private write(level: ConsoleLevel, args: readonly unknown[], origin?: ConsoleEntry['origin']): void {
    // Node's console formats with util.formatWithOptions; colors are off (its output is not a terminal).
    this.push(level, () => this.printer.formatWithOptions({}, ...args), origin);
  }

  /** The object handed to the program as `console`. */
  createConsole(): Console {
    const write =
      (level: ConsoleLevel) =>
      (...args: unknown[]) =>
        this.write(level, args);
    const table = (data: unknown) => this.push('log', () => formatTable(data, this.printer));
    const api = {
      log: write('log'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      debug: write('debug'),
      trace: (...args: unknown[]) => this.write('error', ['Trace:', ...args]),
      // As Node's: custom inspection off (a model instance shows its internals, as natively).
      dir: (value: unknown, options?: object) => this.push('log', () => this.printer.inspect(value, { customInspect: false, ...options })),
      table,
      assert: (condition: unknown, ...args: unknown[]) => {
        if (condition) return;
        // As Node's: the first argument joins the message as text, the rest are printed as warn() prints them.
        const [first, ...rest] = args;
        this.write('warn', [args.length ? `Assertion failed: ${String(first)}` : 'Assertion failed', ...rest]);
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
    this.write('log', ['%s: %s', label, formatTime(this.now() - start), ...args]);
  }

  /**
   * The `console` global while the program runs. Sequelize reaches for it by name: its
   * default and `logging: true` logger is `console.log` (the program's, so that
   * `logging: console.log` is recognised as it is natively and prints the SQL alone), and
   * its warnings go to `console.warn`, which Node prints to stderr: kept as Sequelize's.
   * `othersOwn` tells output of another library that is not Sequelize's (Express logging
   * the error it answered 500 for): printed as the program's, as Node prints it.
   */
  createGlobalConsole(programConsole: Console, othersOwn: (args: readonly unknown[]) => boolean = () => false): Console {
    const sequelize =
      (level: ConsoleLevel) =>
      (...args: unknown[]) =>
        this.write(level, args, othersOwn(args) ? undefined : 'sequelize');
    return Object.assign(Object.create(Object.getPrototypeOf(programConsole) as object) as Console, programConsole, {
      warn: sequelize('warn'),
      error: sequelize('error'),
    });
  }

  /** A warning of Sequelize's given as text (its deprecations, which Node prints to stderr). */
  warning(text: string): void {
    this.push('warn', () => text, 'sequelize');
  }
}

/** A duration as Node's console.timeEnd() prints it (its formatTime). */
export function formatTime(ms: number): string {
  const pad = (value: number | string) => String(value).padStart(2, '0');
  if (ms >= 60_000) {
    const hours = Math.floor(ms / 3_600_000);
    const minutes = Math.floor((ms % 3_600_000) / 60_000);
    const [seconds, millis] = ((ms % 60_000) / 1000).toFixed(3).split('.');
    const head = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${head}:${pad(seconds!)}.${millis} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}
