import { describe, expect, it } from 'vitest';
import { parseExercise } from '../schemas/exercise';
import { ContentValidationError } from '../schemas/parse';
import { drawer, randomValue, runProbes, toPlain } from './probe';

describe('drawer', () => {
  it('never draws the same value twice in one probe, and draws the same values for the same seed', () => {
    const titles = (seed: number) => {
      const draw = drawer(seed);
      return Array.from({ length: 40 }, (_, index) => draw('title', `probe/post${index}/title`));
    };
    expect(new Set(titles(7)).size).toBe(40);
    expect(titles(7)).toEqual(titles(7));
  });
});

describe('randomValue', () => {
  it('is the same for the same seed and key, and differs across seeds', () => {
    expect(randomValue('title', 1, 'p/a/title')).toBe(randomValue('title', 1, 'p/a/title'));
    expect(randomValue('title', 1, 'p/a/title')).not.toBe(randomValue('title', 2, 'p/a/title'));
  });

  it('reads like real data (a learner sees it in a failed check): names and titles without digits', () => {
    const seeds = Array.from({ length: 300 }, (_, seed) => seed);
    const names = seeds.map((seed) => String(randomValue('name', seed, 'p/writer/name')));
    const titles = seeds.map((seed) => String(randomValue('title', seed, 'p/post/title')));
    for (const name of names) expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    for (const title of titles) expect(title).not.toMatch(/\d/);
    // Varied enough that a program cannot guess them.
    expect(new Set(names).size).toBeGreaterThan(150);
    expect(new Set(titles).size).toBeGreaterThan(100);
  });
});

describe('toPlain', () => {
  it.each([
    ['a row', { get: () => undefined, dataValues: { id: 1, title: 'x' }, secret: 1 }, { id: 1, title: 'x' }],
    ['a list of rows', [{ get: () => undefined, dataValues: { id: 2 } }], [{ id: 2 }]],
    ['a date', new Date(0), '1970-01-01T00:00:00.000Z'],
    ['undefined', undefined, null],
    ['NaN', Number.NaN, 'NaN'],
  ])('%s', (_name, input, output) => expect(toPlain(input)).toEqual(output));
});

describe('runProbes', () => {
  it('reports a missing export and a missing model as unavailable', async () => {
    const observations = await runProbes(
      [
        { id: 'a', spec: { seed: [], call: { export: 'nope', args: [] }, timeoutMs: 100 } },
        { id: 'b', spec: { seed: [{ as: 'u', model: 'User', values: {} }], call: { method: 'x', on: 'u', args: [] }, timeoutMs: 100 } },
      ],
      { exports: {}, sequelizeInstances: [] },
      1,
    );
    expect(observations.map((o) => o.status)).toEqual(['unavailable', 'unavailable']);
  });

  it('times out an export that never settles and reports one that throws', async () => {
    const observations = await runProbes(
      [
        { id: 'hang', spec: { seed: [], call: { export: 'hang', args: [] }, timeoutMs: 50 } },
        { id: 'boom', spec: { seed: [], call: { export: 'boom', args: [] }, timeoutMs: 50 } },
      ],
      {
        exports: {
          hang: () => new Promise(() => undefined),
          boom: () => {
            throw new TypeError('no');
          },
        },
        sequelizeInstances: [],
      },
      1,
    );
    expect(observations).toMatchObject([{ status: 'timeout' }, { status: 'threw', error: 'TypeError: no' }]);
  });
});

describe('parseExercise', () => {
  it('names the file and the field', () => {
    const bad = { id: 'Bad Id', title: 'T', instructions: 'Do it', starter: '', solution: '', checks: [{ id: 'x', title: 't', kind: 'table-exists' }] };
    expect(() => parseExercise(bad, 'lessons/x/_exercises/bad/exercise.ts')).toThrow(ContentValidationError);
    expect(() => parseExercise(bad, 'lessons/x/_exercises/bad/exercise.ts')).toThrow(/exercise\.ts[\s\S]*id:[\s\S]*checks\[0\]\.table/);
  });
});
