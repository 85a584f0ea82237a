/**
 * Runaway programs, run in-process: the guards the transform puts into loops and functions
 * end them at their budgets without a watchdog (a guard that failed would hang this file),
 * and what the engine stops by itself is reported as a normal error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram, type RuntimeHost } from './execute';
import { createNodeHost } from '../node/node-host';

let host: RuntimeHost;

beforeAll(async () => {
  host = await createNodeHost();
});

const BUDGET = 300;
const run = (source: string, options = {}) => runProgram(source, host, { timeBudgetMs: BUDGET, ...options });

describe('the time guard', () => {
  it.each([
    ['a synchronous endless loop', "console.log('before');\nwhile (true) {}\n", 2],
    ['a loop with a one-line body', 'let i = 0;\nfor (;;) i++;\n', 2],
    ['an asynchronous endless loop', 'while (true) {\n  await null;\n}\n', 1],
    ['a loop that catches the stop', 'while (true) {\n  try {\n    while (true) {}\n  } catch {}\n}\n', 3],
    ['promises that call themselves', 'const tick = () => Promise.resolve().then(tick);\ntick();\n', 1],
  ])('stops %s at its budget, at its line, and the runtime goes on', async (_name, source, line) => {
    const started = performance.now();
    const result = await run(source);
    expect(performance.now() - started).toBeLessThan(BUDGET + 1_000);
    expect(result.error).toMatchObject({ kind: 'timeout', name: 'Timeout', location: { line } });
    expect(result.error?.message).toBe('Stopped after 0.3 s: the program was still running (an endless loop?).');
    const next = await run("console.log('next');");
    expect(next.console.map((entry) => entry.text)).toEqual(['next']);
  });

  it('keeps what the program printed before it was stopped', async () => {
    const result = await run("console.log('before');\nwhile (true) {}\n");
    expect(result.console.map((entry) => entry.text)).toEqual(['before']);
  });

  it('does not stop a quick program, nor the checks’ calls after it', async () => {
    let calledAfter: unknown;
    const result = await run('export function count() {\n  let n = 0;\n  for (let i = 0; i < 1e5; i++) n++;\n  return n;\n}\n', {
      afterRun: async ({ exports }: { exports: Record<string, unknown> }) => {
        await new Promise((resolve) => setTimeout(resolve, BUDGET + 50));
        calledAfter = (exports.count as () => number)();
      },
    });
    expect(result.error).toBeUndefined();
    expect(calledAfter).toBe(1e5);
  });

  it('maps an error’s column back past the guard put in front of it', async () => {
    const result = await run('const xs = [1];\nfor (const x of xs) { x.y.z; }\n');
    // V8 places the error at `.z`: column 27 of the learner's line, 19 characters left of where it ran.
    expect(result.error?.location).toEqual({ line: 2, column: 27 });
  });
});

describe('what the engine stops by itself', () => {
  it('reports deep recursion as a RangeError at the recursive function', async () => {
    const result = await run('function down(n) {\n  return down(n + 1) + 1;\n}\ndown(0);\n');
    // The innermost call is the guard's, on the function's first line.
    expect(result.error).toMatchObject({ kind: 'runtime', name: 'RangeError', message: 'Maximum call stack size exceeded', location: { line: 1 } });
  });

  it('reports a string doubled without end as a RangeError', async () => {
    const result = await run("let s = 'x';\nwhile (true) s += s;\n");
    expect(result.error).toMatchObject({ kind: 'runtime', name: 'RangeError', message: 'Invalid string length', location: { line: 2 } });
  });
});

describe('the memory budget', () => {
  it('stops typed arrays made in a loop once they hold more than the budget', async () => {
    const result = await run('const hog = [];\nwhile (true) hog.push(new Float64Array(1e6).fill(1));\n', { memoryBudgetMb: 64, timeBudgetMs: 5_000 });
    expect(result.error).toMatchObject({ kind: 'memory', name: 'OutOfMemory', location: { line: 2 } });
    expect(result.error?.message).toBe(
      'Stopped: the program used more than 64 MB of memory: its typed arrays grew past that (arrays made in a loop that never ends?).',
    );
  });

  it('refuses one huge typed array before allocating it', async () => {
    const result = await run('const big = new Uint8Array(2 ** 32);\n');
    expect(result.error).toMatchObject({ kind: 'memory', location: { line: 1 } });
  });

  it('counts a buffer once, not its views, and the arrays behave as the built-in ones', async () => {
    const result = await run(
      [
        'const bytes = new Uint8Array(40 * 1024 * 1024);',
        'const views = [];',
        'for (let i = 0; i < 10; i++) views.push(bytes.subarray(i), new Uint32Array(bytes.buffer, 0, 4));',
        'const copy = Float64Array.from([1, 2, 3]).map((x) => x * 2);',
        'console.log(copy, copy instanceof Float64Array, Object.prototype.toString.call(copy), new ArrayBuffer(8).byteLength);',
      ].join('\n'),
      { memoryBudgetMb: 64 },
    );
    expect(result.error).toBeUndefined();
    expect(result.console.map((entry) => entry.text)).toEqual(['Float64Array(3) [ 2, 4, 6 ] true [object Float64Array] 8']);
  });

  it('stops a query that grows the database past the budget', async () => {
    const source = [
      "import { Sequelize } from 'sequelize';",
      "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
      'await sequelize.query(`CREATE TABLE t (x INTEGER, b BLOB)`);',
      'await sequelize.query(`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000) INSERT INTO t SELECT x, zeroblob(10000) FROM c`);',
      "console.log('not reached');",
    ].join('\n');
    const result = await run(source, { memoryBudgetMb: 8, timeBudgetMs: 30_000 });
    expect(result.error).toMatchObject({ kind: 'memory', name: 'OutOfMemory' });
    expect(result.error?.message).toContain('its database grew past that');
    expect(result.console).toEqual([]);
    // The next run has its memory.
    const next = await run("console.log('next');");
    expect(next.console.map((entry) => entry.text)).toEqual(['next']);
  });
});
