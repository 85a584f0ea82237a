/**
 * Maps stack frames of the running program back to lines of the learner's source.
 * The program runs as the body of an AsyncFunction whose engine-made header adds lines
 * before the body; that count is measured once (it differs between engines) rather than
 * assumed.
 */
import type { SourceLocation } from '../../schemas/run-result';
import { PROGRAM_FILE } from './transform';

export type AsyncFunctionConstructor = new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;

export const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as AsyncFunctionConstructor;

/**
 * Turns a program's body into the async function the runtime calls. The engine's
 * AsyncFunction constructor by default; a host whose engine refuses code from strings (the
 * grader's sandbox runs with --disallow-code-generation-from-strings, so a program cannot
 * reach a real `import()` through eval) compiles it another way, numbering lines the same.
 */
export type CompileProgram = (parameter: string, body: string) => (...args: unknown[]) => Promise<unknown>;

export const compileWithAsyncFunction: CompileProgram = (parameter, body) => new AsyncFunction(parameter, body);

const FRAME = new RegExp(`${PROGRAM_FILE.replace(/\./g, '\\.')}:(\\d+):(\\d+)`);
const FRAMES = new RegExp(FRAME.source, 'g');
/** A line of a V8 stack trace ("    at name (file:line:col)"), and its indent. */
const FRAME_LINE = /^(\s+)at \S/;
const STACK_LINE = /^\s+at \S.*:\d+:\d+\)?(?: \{)?$/m;
const LEARNER_FRAME = /^\s+at (?:.* \()?main\.js:\d+:\d+\)?(?: \{)?$/;
const TOP_LEVEL_FRAME = new RegExp(`at (?:async )?eval \\(${FRAME.source}\\)`);

/** The part of V8's structured stack frames (CallSite) this module reads. */
interface CallSiteLike {
  getScriptNameOrSourceURL?(): string | null | undefined;
  getFileName?(): string | null | undefined;
  getLineNumber?(): number | null;
  getColumnNumber?(): number | null;
}

const measuredHeaderLines = new Map<CompileProgram, number>();

/** Lines `compile` puts before a function body (2 in V8's AsyncFunction: the signature and the brace). */
export function functionHeaderLines(compile: CompileProgram = compileWithAsyncFunction): number {
  const known = measuredHeaderLines.get(compile);
  if (known !== undefined) return known;
  // An async function runs synchronously up to its first await, so the probe's error
  // is in hand as soon as the call returns.
  let probeError: Error | undefined;
  const probe = compile('report', `report(new Error('probe'))\n//# sourceURL=${PROGRAM_FILE}`);
  void probe((error: unknown) => {
    probeError = error as Error;
  });
  const match = FRAME.exec(String(probeError?.stack));
  const lines = match ? Number(match[1]) - 1 : 2;
  measuredHeaderLines.set(compile, lines);
  return lines;
}

/** Text the transform put into a line: where (0-based character index in the learner's line) and how long. */
export type Insertions = ReadonlyMap<number, readonly { at: number; length: number }[]>;

export class ProgramLocator {
  private readonly offset: number;

  /**
   * linesBefore: lines the rewritten body adds before the learner's first line;
   * inserted: the guard calls the transform put into lines, so columns map back too.
   */
  constructor(
    linesBefore: number,
    private readonly lineCount: number,
    private readonly inserted: Insertions = new Map(),
    compile: CompileProgram = compileWithAsyncFunction,
  ) {
    this.offset = functionHeaderLines(compile) + linesBefore;
  }

  private map(line: number, column: number): SourceLocation | undefined {
    const learnerLine = line - this.offset;
    if (learnerLine < 1 || learnerLine > this.lineCount) return undefined;
    return { line: learnerLine, column: this.learnerColumn(learnerLine, column) };
  }

  /** A 1-based column of the rewritten line, in the learner's line (inside inserted text: where it was inserted). */
  private learnerColumn(line: number, column: number): number {
    let index = column - 1;
    let shift = 0;
    for (const { at, length } of this.inserted.get(line) ?? []) {
      if (index < at + shift) break;
      if (index < at + shift + length) return at + 1;
      shift += length;
    }
    index -= shift;
    return index + 1;
  }

  /** The innermost frame of the learner's program in a stack trace. */
  fromStack(stack: string | undefined): SourceLocation | undefined {
    if (!stack) return undefined;
    for (const match of stack.matchAll(FRAMES)) {
      const location = this.map(Number(match[1]), Number(match[2]));
      if (location) return location;
    }
    return undefined;
  }

  /** Where the learner's program is right now (the innermost frame of its code). */
  here(): SourceLocation | undefined {
    const limit = Error.stackTraceLimit;
    const prepare = Error.prepareStackTrace;
    // Sequelize's own frames come first; async frames of the learner's code come last.
    Error.stackTraceLimit = 80;
    // In V8, read the structured frames: formatting 80 frames to text for every query
    // costs more than the query itself.
    let located: SourceLocation | undefined | null = null;
    Error.prepareStackTrace = (_error, frames: CallSiteLike[]) => {
      located = undefined;
      for (const frame of frames) {
        // Code compiled with a //# sourceURL is named by it, not by a file name.
        const name = frame.getScriptNameOrSourceURL?.() ?? frame.getFileName?.();
        if (name !== PROGRAM_FILE) continue;
        located = this.map(frame.getLineNumber?.() ?? 0, frame.getColumnNumber?.() ?? 0);
        if (located) break;
      }
      return '';
    };
    const probe = new Error();
    const stack = probe.stack;
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
    if (located !== null) return located;
    return this.fromStack(stack);
  }

  /**
   * Text the program printed, with any stack trace in it told in the learner's terms: its
   * frames in the program named main.js at their real lines (the runtime's wrapper shifts
   * them), the frames inside Sequelize and the runtime (bundle addresses that mean nothing
   * to a learner) left out and counted. Text without a stack frame is returned as it is.
   */
  learnerStackText(text: string): string {
    if (!STACK_LINE.test(text)) return text;
    const lines: string[] = [];
    let hidden = 0;
    let indent = '    ';
    // Node's inspect ends the last frame with " {" when the error has properties of its own.
    let hiddenSuffix = '';
    const flush = () => {
      if (hidden) lines.push(`${indent}… ${hidden} more frame${hidden === 1 ? '' : 's'} inside Sequelize and the runtime${hiddenSuffix}`);
      hidden = 0;
      hiddenSuffix = '';
    };
    for (const line of text.split('\n')) {
      const frame = FRAME_LINE.exec(line);
      // Not a frame, or one already in the learner's terms (Sequelize's errors are given one).
      if (!frame || LEARNER_FRAME.test(line)) {
        flush();
        lines.push(line);
        continue;
      }
      indent = frame[1]!;
      const place = FRAME.exec(line);
      const location = place ? this.map(Number(place[1]), Number(place[2])) : undefined;
      if (!location) {
        hidden++;
        hiddenSuffix = line.endsWith(' {') ? ' {' : '';
        continue;
      }
      flush();
      const where = `main.js:${location.line}:${location.column}`;
      // The top level runs inside the runtime's function, which engines call "eval"; Node names a module's top level by its file alone.
      lines.push(line.replace(TOP_LEVEL_FRAME, `at ${where}`).replace(FRAME, where));
    }
    flush();
    return lines.join('\n');
  }

  /** A stack trace reduced to the learner's frames, named main.js with their real lines. */
  learnerFrames(stack: string | undefined): string[] {
    if (!stack) return [];
    return stack
      .split('\n')
      .filter((line) => FRAME.test(line))
      .map((line) =>
        line.replace(FRAMES, (_whole, l: string, c: string) => {
          const location = this.map(Number(l), Number(c));
          return location ? `main.js:${location.line}:${location.column}` : 'main.js';
        }),
      );
  }
}
