import { describe, expect, it } from 'vitest';
import { ContentValidationError } from '../schemas/parse';
import { exercisesFromFolders, foldersFromFiles, splitHints } from './exercise-folder';

const DIR = 'lessons/01-basics/01-one/_exercises/count-posts';
const definition = {
  title: 'Count posts',
  topic: 'accessor-methods' as const,
  difficulty: 1 as const,
  checks: [{ id: 'runs', kind: 'runs-without-error' as const, title: 'It runs' }],
};
const texts = {
  [`${DIR}/instructions.md`]: 'Count the **posts** of each user.\n',
  [`${DIR}/hints.md`]: 'Look at the accessors.\n\n---\n\nUse `countPosts()`.\n',
  [`${DIR}/starter.js`]: 'console.log(0);\n',
  [`${DIR}/solution.js`]: 'console.log(1);\n',
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentValidationError) return [`${error.file}: ${error.problems.join(' | ')}`];
    throw error;
  }
  throw new Error('expected a ContentValidationError');
}

describe('an exercise folder', () => {
  it('is an exercise whose id is the folder name, with its instructions, hints, starter and solution from files', () => {
    const [entry] = exercisesFromFolders(foldersFromFiles({ [`/abs/path/${DIR}/exercise.ts`]: definition }, texts));
    expect(entry).toMatchObject({ lesson: '01-basics/01-one', dir: DIR, file: `${DIR}/exercise.ts` });
    expect(entry?.exercise).toMatchObject({
      id: 'count-posts',
      title: 'Count posts',
      instructions: 'Count the **posts** of each user.',
      hints: ['Look at the accessors.', 'Use `countPosts()`.'],
      starter: 'console.log(0);\n',
      solution: 'console.log(1);\n',
    });
  });

  it.each([
    ['a missing solution', { ...texts, [`${DIR}/solution.js`]: undefined }, { [`${DIR}/exercise.ts`]: definition }, `${DIR}: (files): missing solution.js`],
    ['a missing definition', texts, {}, `${DIR}: (files): missing exercise.ts`],
    [
      'an id in exercise.ts',
      texts,
      { [`${DIR}/exercise.ts`]: { ...definition, id: 'other' } },
      `${DIR}/exercise.ts: id: comes from the folder name; remove it from exercise.ts`,
    ],
    [
      'a check without a title',
      texts,
      { [`${DIR}/exercise.ts`]: { ...definition, checks: [{ id: 'runs', kind: 'runs-without-error', title: '' }] } },
      `${DIR}/exercise.ts: checks[0].title: must not be empty`,
    ],
    [
      'a SQL check during a check that sends no request',
      texts,
      { [`${DIR}/exercise.ts`]: { ...definition, checks: [...definition.checks, { id: 'lean', kind: 'no-n-plus-one', title: 'No N+1', during: 'runs' }] } },
      `${DIR}/exercise.ts: checks[1].during: "runs" is not a request probe of this exercise (its request probes: none)`,
    ],
  ])('with %s is refused, naming the file', (_name, files, definitions, expected) => {
    const present = Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== undefined));
    expect(problemsOf(() => exercisesFromFolders(foldersFromFiles(definitions as never, present)))[0]).toContain(expected);
  });

  it('refuses a folder name used by two lessons', () => {
    const other = DIR.replace('01-one', '02-two');
    const twice = { ...texts, ...Object.fromEntries(Object.entries(texts).map(([path, text]) => [path.replace(DIR, other), text])) };
    expect(
      problemsOf(() => exercisesFromFolders(foldersFromFiles({ [`${DIR}/exercise.ts`]: definition, [`${other}/exercise.ts`]: definition }, twice))),
    ).toEqual([`${other}: id: the folder name "count-posts" is already used by ${DIR}; exercise ids are unique across the course`]);
  });
});

describe('splitHints', () => {
  it('splits on lines holding only ---, gentlest first, and keeps code blocks whole', () => {
    expect(splitHints('First.\n\n---\n\nSecond:\n\n```js\nconst a = 1;\n```\n---\nThird.\n')).toEqual([
      'First.',
      'Second:\n\n```js\nconst a = 1;\n```',
      'Third.',
    ]);
  });
  it('has no hints for an empty file', () => expect(splitHints('\n')).toEqual([]));
});
