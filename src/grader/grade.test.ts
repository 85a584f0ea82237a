import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeHost } from '../runtime/node/node-host';
import { createInProcessRunner } from '../runtime/protocol/in-process-runner';
import type { ProgramRunner } from '../checks/types';
import { listExercises, UnknownExerciseError } from './exercises';
import { gradeSource } from './grade';
import { findExercise } from '../checks/exercises';

let runner: ProgramRunner;
beforeAll(async () => {
  runner = createInProcessRunner(await createNodeHost());
});

describe('listExercises', () => {
  it('lists every exercise with its lesson and title', () => {
    const list = listExercises();
    expect(list.map((entry) => entry.id)).toEqual(expect.arrayContaining(['link-posts-to-author', 'write-posts-of']));
    for (const entry of list) {
      expect(entry.lesson).toMatch(/^\d\d-[\w-]+\/\d\d-[\w-]+$/);
      expect(entry.title).not.toBe('');
      expect(entry.checks).toBeGreaterThan(0);
    }
  });
});

describe('gradeSource', () => {
  it('throws UnknownExerciseError naming the known ids', async () => {
    const failure = gradeSource('no-such-exercise', '', runner);
    await expect(failure).rejects.toBeInstanceOf(UnknownExerciseError);
    await expect(failure).rejects.toThrow(/link-posts-to-author/);
  });

  it('passes the reference solution', async () => {
    const solution = findExercise('write-posts-of')?.exercise.solution ?? '';
    const report = await gradeSource('write-posts-of', solution, runner);
    expect(report).toMatchObject({ exerciseId: 'write-posts-of', status: 'pass', lesson: '01-basics/01-has-many-belongs-to' });
    expect(report.passed).toBe(report.total);
  });

  it('fails the starter with explained checks', async () => {
    const starter = findExercise('write-posts-of')?.exercise.starter ?? '';
    const report = await gradeSource('write-posts-of', starter, runner, { seed: 42 });
    // The starter's postsOf() throws "not written yet": the run ends with that error.
    expect(report.status).toBe('error');
    expect(report.seed).toBe(42);
    const failed = report.checks.find((check) => check.id === 'titles-of-one-user');
    expect(failed).toMatchObject({ passed: false, found: 'Error: postsOf(user) is not written yet' });
    expect(failed?.expected).toMatch(/^\[ ".+" \]$/);
  });

  it('reports a program that does not parse as an error', async () => {
    const report = await gradeSource('write-posts-of', 'export async function postsOf( {', runner);
    expect(report.status).toBe('error');
    expect(report.error?.kind).toBe('syntax');
  });
});
