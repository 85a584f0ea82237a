/**
 * The warm-up (./warm-up.ts), in-process in Node with the real Sequelize: its program runs
 * to its end (a warm-up that failed on its second line would warm nothing), and a check
 * after it sees exactly what a check in an unwarmed runtime sees.
 */
import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../node/node-host';
import { runWithProbes } from '../protocol/serve';
import { findExercise } from '../../checks/exercises';
import { checkRequest } from '../../checks/grade';
import { runProgram } from './execute';
import { WARM_UP_PROGRAM, warmUp } from './warm-up';

describe('the warm-up', () => {
  it('runs its program to the end, through every kind of call it means to warm', async () => {
    const result = await runProgram(WARM_UP_PROGRAM, await createNodeHost());
    expect(result.error).toBeUndefined();
    expect(result.console.map((entry) => entry.text)).toEqual(['3 3 3']);
    // Creates, a join table, includes, an update and a cascade all reached the database.
    const kinds = new Set(result.sql.map((statement) => statement.sql.split(' ')[0]));
    for (const kind of ['CREATE', 'INSERT', 'SELECT', 'UPDATE', 'DELETE']) expect(kinds).toContain(kind);
  });

  it('leaves nothing behind that a checked program could see', async () => {
    const { exercise } = findExercise('link-posts-to-author')!;
    // The same data, but for when it was written (rows' createdAt and updatedAt).
    const undated = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/\d{4}-\d\d-\d\d[ T][\d:.]+(?: ?(?:Z|[+-]\d\d:\d\d))?/g, '(time)')) as unknown;
    const strip = ({ result, observations }: Awaited<ReturnType<typeof runWithProbes>>) =>
      undated({
        ok: result.ok,
        error: result.error,
        console: result.console.map((entry) => entry.text),
        sql: result.sql.map((statement) => statement.sql),
        tables: result.database.tables,
        models: result.models,
        observations,
      });
    expect(undated({ at: '2026-12-01 04:51:10.418 +00:00' })).toEqual({ at: '(time)' });
    for (const source of [exercise.starter, exercise.solution]) {
      const request = checkRequest(exercise, source, 1234);
      const cold = await runWithProbes(await createNodeHost(), request);
      const warmed = await createNodeHost();
      await warmUp(warmed);
      expect(strip(await runWithProbes(warmed, request))).toEqual(strip(cold));
    }
  });
});
