/**
 * The runaway programs (./fixtures/runaway-programs.ts) through the built CLI, run as a
 * process, as `assoclab run` and as `assoclab grade`: each is stopped with the same message
 * as in the browser, and the process ends normally (a program over the memory budget ends
 * its worker thread, whose heap is limited to it, not the CLI).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunError } from '../src/schemas/run-result';
import { RUNAWAY_PROGRAMS, STOP_MESSAGES, type RunawayProgram, type Stop } from './fixtures/runaway-programs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'assoclab.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'assoclab-runaway-'));

/**
 * Each program's budgets, and so how it is stopped here: a short time budget where only
 * time stops it; where memory should, a long one and a memory budget of 128 MB (--memory),
 * so that the memory limits are what these tests see, in a second or two.
 */
const CASES: Record<string, { budgetMs?: number; memoryMb?: number; stop: Stop }> = {
  'sync-loop': { budgetMs: 1_000, stop: 'timeout' },
  'async-loop': { budgetMs: 1_000, stop: 'timeout' },
  array: { budgetMs: 120_000, memoryMb: 128, stop: 'memory' },
  string: { stop: 'error' },
  recursion: { stop: 'error' },
  'typed-arrays': { budgetMs: 120_000, memoryMb: 128, stop: 'memory' },
  'sql-cte': { budgetMs: 1_000, stop: 'timeout' },
  'bulk-create': { budgetMs: 120_000, memoryMb: 128, stop: 'memory' },
};
/** What the watchdog adds when it had to replace the worker; the guard, which stops the program inside it, does not. */
const RESTARTED = / The runtime was restarted; your code is untouched\.$/;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, ms: performance.now() - started });
    });
  });
}

function expectStopped(program: RunawayProgram, stop: Stop, error: Pick<RunError, 'kind' | 'name' | 'message'> | undefined): void {
  if (stop === 'error') {
    expect(error).toMatchObject({ kind: 'runtime', ...program.error });
    return;
  }
  expect(error?.kind).toBe(stop);
  expect(error?.message).toMatch(STOP_MESSAGES[stop]);
}

describe.each(RUNAWAY_PROGRAMS.map((program) => [program.name, program] as const))('%s', (_name, program) => {
  const { budgetMs, memoryMb, stop } = CASES[program.id]!;
  const budget = [...(budgetMs ? ['--budget', String(budgetMs)] : []), ...(memoryMb ? ['--memory', String(memoryMb)] : [])];

  it('is stopped with its message by `assoclab run` and by `assoclab grade`', { timeout: 180_000 }, async () => {
    const file = join(scratch, `${program.id}.js`);
    writeFileSync(file, program.source);
    const [run, grade] = await Promise.all([cli('run', file, '--json', ...budget), cli('grade', 'link-posts-to-author', file, '--json', ...budget)]);

    // run: exit 1, the stop in the result.
    expect(run.code, run.stderr).toBe(1);
    const result = JSON.parse(run.stdout) as { ok: boolean; error?: RunError };
    expect(result.ok).toBe(false);
    expectStopped(program, stop, result.error);

    // grade: exit 0 once graded, the program's stop as the report's error.
    expect(grade.code, grade.stderr).toBe(0);
    const report = JSON.parse(grade.stdout) as { status: string; error?: RunError };
    expect(report.status).toBe('error');
    expectStopped(program, stop, report.error);
    // Both say it in the same words (whether the program's guard or the watchdog stopped it).
    expect(report.error?.message.replace(RESTARTED, '')).toBe(result.error?.message.replace(RESTARTED, ''));
    if (memoryMb) expect(result.error?.message).toContain(`more than ${memoryMb} MB`);
  });
});

describe('assoclab run, as a learner reads it', () => {
  it('prints the stop at the line the program was stopped, after what the program printed', async () => {
    const program = RUNAWAY_PROGRAMS.find((candidate) => candidate.id === 'sync-loop')!;
    const file = join(scratch, 'loop-text.js');
    writeFileSync(file, program.source);
    const { code, stdout, stderr } = await cli('run', file, '--budget', '500');
    expect(code).toBe(1);
    expect(stdout).toBe('before the loop\n');
    expect(stderr).toMatch(/loop-text\.js:3:\d+: Timeout: Stopped after 0\.5 s: the program was still running \(an endless loop\?\)\.\n/);
  });
});
