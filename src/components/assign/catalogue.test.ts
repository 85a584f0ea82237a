import { describe, expect, it } from 'vitest';
import { catalogueEntries } from '../../course/catalogue';
import type { Exercise } from '../../schemas/exercise';
import { describeShown, matchesFilter } from './filter';
import { assignedExerciseView } from './exercise-state';
import { sourceHash } from '../progress';

const exercise = (id: string, topic: Exercise['topic'], difficulty: Exercise['difficulty']): Exercise => ({
  id,
  title: `Title of ${id}`,
  instructions: 'Do it.',
  starter: '',
  solution: '',
  checks: [{ id: 'runs', kind: 'runs-without-error', title: 'It runs' }],
  topic,
  difficulty,
  kind: 'write',
  hints: [],
});
const known = new Map([
  ['a', exercise('a', 'has-one', 1)],
  ['b', exercise('b', 'aliases', 3)],
]);

describe('the catalogue', () => {
  const entries = catalogueEntries(
    [
      { title: 'One', url: '/lessons/p/one/', exercises: ['b', 'unknown'] },
      { title: 'Two', url: '/lessons/p/two/', exercises: ['a'] },
    ],
    (id) => known.get(id),
  );

  it('lists placed exercises in course order, with their lesson and where they sit on it', () => {
    expect(entries.map((entry) => entry.id)).toEqual(['b', 'a']);
    expect(entries[0]).toMatchObject({
      title: 'Title of b',
      topicTitle: 'Aliases with as, and two associations between the same models',
      difficulty: 3,
      checks: ['It runs'],
      lessonTitle: 'One',
      url: '/lessons/p/one/#exercise-b',
    });
  });

  it('filters by topic and difficulty', () => {
    expect(entries.filter((entry) => matchesFilter(entry, { topic: '', difficulty: '' }))).toHaveLength(2);
    expect(entries.filter((entry) => matchesFilter(entry, { topic: 'has-one', difficulty: '' })).map((entry) => entry.id)).toEqual(['a']);
    expect(entries.filter((entry) => matchesFilter(entry, { topic: 'has-one', difficulty: '3' }))).toEqual([]);
    expect(describeShown(2, 2)).toBe('Showing all 2 exercises');
    expect(describeShown(1, 22)).toBe('Showing 1 of 22 exercises');
  });
});

describe('an assigned exercise’s state', () => {
  const checked = (source: string, passed = false) => ({ at: '2026-01-01T00:00:00Z', passed, source: sourceHash(source), checks: [] });

  it('is not started, in progress, solved or solved with the solution', () => {
    expect(assignedExerciseView({ status: 'todo' }, undefined)).toEqual({ state: 'not-started', hasCode: false, editedSinceCheck: false });
    expect(assignedExerciseView({ status: 'todo' }, 'x').state).toBe('in-progress');
    expect(assignedExerciseView({ status: 'todo', last: checked('starter') }, undefined).state).toBe('in-progress');
    expect(assignedExerciseView({ status: 'solved', last: checked('x', true) }, 'x')).toEqual({ state: 'solved', hasCode: true, editedSinceCheck: false });
    expect(assignedExerciseView({ status: 'solved-with-solution' }, 'x').state).toBe('solved-with-solution');
  });

  it('notices a program edited since its last Check', () => {
    expect(assignedExerciseView({ status: 'solved', last: checked('x', true) }, 'x + 1').editedSinceCheck).toBe(true);
  });
});
