/**
 * The curriculum test: every exercise's reference solution passes all its checks, every
 * starter fails at least one, every check has a message, ids are unique.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeHost } from '../runtime/node/node-host';
import { createInProcessRunner } from '../runtime/protocol/in-process-runner';
import { exercises } from './exercises';
import { gradeProgram } from './grade';
import type { ProgramRunner } from './types';

let runner: ProgramRunner;
beforeAll(async () => {
  runner = createInProcessRunner(await createNodeHost());
});

const all = exercises();

/** The solution's meaningful lines (code, not braces or comments) that the starter does not have. */
function solutionOnlyLines(solution: string, starter: string): string[] {
  const lines = (source: string) =>
    source
      .split('\n')
      .map((line) => line.trim().replace(/;$/, ''))
      .filter((line) => /[A-Za-z]/.test(line) && line.length >= 8 && !line.startsWith('//') && !line.startsWith('*') && !line.startsWith('/*'));
  const inStarter = new Set(lines(starter));
  return lines(solution).filter((line) => !inStarter.has(line));
}

describe('the exercise registry', () => {
  it('has exercises', () => expect(all.length).toBeGreaterThanOrEqual(2));
  it('has unique ids', () => {
    const ids = all.map((entry) => entry.exercise.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(all.map((entry) => [entry.exercise.id, entry] as const))('%s', (_id, { exercise }) => {
  it('passes every check with the reference solution', async () => {
    const report = await gradeProgram(exercise, exercise.solution, runner);
    expect(report.checks.filter((check) => !check.passed)).toEqual([]);
    expect(report.run.error).toBeUndefined();
    for (const check of report.checks) expect(check.message.length).toBeGreaterThan(0);
  });

  it('fails at least one check with the starter, each failure explained', async () => {
    const report = await gradeProgram(exercise, exercise.starter, runner);
    const failures = report.checks.filter((check) => !check.passed);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.message.length).toBeGreaterThan(10);
    }
  });

  it('does not give the answer away: no failed check of the starter quotes a line of the solution the starter lacks', async () => {
    const report = await gradeProgram(exercise, exercise.starter, runner);
    const feedback = report.checks
      .filter((check) => !check.passed)
      .map((check) => [check.message, check.expected ?? '', check.found ?? ''].join('\n'))
      .join('\n');
    expect(solutionOnlyLines(exercise.solution, exercise.starter).filter((line) => feedback.includes(line))).toEqual([]);
  });

  it('has instructions, hints and titled checks', () => {
    expect(exercise.instructions.length).toBeGreaterThan(20);
    expect(exercise.hints.length).toBeGreaterThan(0);
    for (const check of exercise.checks) expect(check.title.trim()).not.toBe('');
  });
});
