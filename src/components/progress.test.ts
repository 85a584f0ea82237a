import { describe, expect, it } from 'vitest';
import { ProgressStore, describeTally, sourceHash, tallyExercises, type ProgressChange, type ProgressStorage, type SavedVerdicts } from './progress';
import { continueTarget, courseState, lessonState, type CourseMap } from './course-progress';

function memory(): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

function store(storage: ProgressStorage = memory()): { store: ProgressStore; changes: ProgressChange[] } {
  const changes: ProgressChange[] = [];
  return {
    store: new ProgressStore(
      () => storage,
      (change) => changes.push(change),
    ),
    changes,
  };
}

const verdicts = (passed: boolean, at = '2030-01-01T00:00:00.000Z'): SavedVerdicts => ({
  at,
  passed,
  source: sourceHash(passed ? 'good' : 'bad'),
  checks: [
    { id: 'runs', passed: true },
    { id: 'graph', passed, ...(passed ? {} : { message: 'User has no association to Post.', expected: 'User has many Post', found: 'nothing' }) },
    // Kept apart from a failure after a reload too.
    passed ? { id: 'rows', passed } : { id: 'rows', passed, message: 'Not judged: the program stopped first.', notJudged: true },
  ],
});

describe('exercise progress', () => {
  it('starts as todo, and a failed Check keeps it so while saving its verdicts', () => {
    const { store: progress, changes } = store();
    expect(progress.exercise('a')).toEqual({ status: 'todo' });
    progress.recordCheck('a', verdicts(false));
    expect(progress.exercise('a')).toEqual({ status: 'todo', last: verdicts(false) });
    expect(changes).toEqual([{ kind: 'exercise', id: 'a' }]);
  });

  it('a pass with the learner’s own program is solved', () => {
    const { store: progress } = store();
    const record = progress.recordCheck('a', verdicts(true));
    expect(record.status).toBe('solved');
    expect(record.solvedAt).toBe('2030-01-01T00:00:00.000Z');
  });

  it('a pass after "Use this solution" is solved with the solution, and a later own pass upgrades it', () => {
    const { store: progress } = store();
    progress.setUsingSolution('a', true);
    expect(progress.recordCheck('a', verdicts(true)).status).toBe('solved-with-solution');
    // Still the pasted program: stays solved with the solution.
    expect(progress.recordCheck('a', verdicts(true, '2030-01-02T00:00:00.000Z')).status).toBe('solved-with-solution');
    // Reset to the starter, then solved by hand.
    progress.setUsingSolution('a', false);
    const record = progress.recordCheck('a', verdicts(true, '2030-01-03T00:00:00.000Z'));
    expect(record).toMatchObject({ status: 'solved', solvedAt: '2030-01-03T00:00:00.000Z' });
    expect(record.usingSolution).toBeUndefined();
  });

  it('never lowers a status: solved stays solved after using the solution or failing', () => {
    const { store: progress } = store();
    progress.recordCheck('a', verdicts(true));
    progress.setUsingSolution('a', true);
    expect(progress.recordCheck('a', verdicts(true)).status).toBe('solved');
    expect(progress.recordCheck('a', verdicts(false)).status).toBe('solved');
    expect(progress.exercise('a').last?.passed).toBe(false);
  });

  it('reads the older "exercise-done" key as solved', () => {
    const storage = memory();
    storage.setItem('assoclab:exercise-done:a', '2029-05-05T00:00:00.000Z');
    const { store: progress } = store(storage);
    expect(progress.exercise('a')).toEqual({ status: 'solved', solvedAt: '2029-05-05T00:00:00.000Z' });
  });

  it.each([
    ['not JSON', '{oops'],
    ['an array', '[]'],
    ['an unknown status', '{"status":"mastered"}'],
    ['verdicts without checks', '{"status":"todo","last":{"at":"x","passed":true}}'],
  ])('treats a damaged record (%s) as no progress', (_name, text) => {
    const storage = memory();
    storage.setItem('assoclab:exercise:a', text);
    expect(store(storage).store.exercise('a')).toEqual({ status: 'todo' });
  });

  it('keeps working, and still announces, when storage throws', () => {
    const broken: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const { store: progress, changes } = store(broken);
    expect(progress.recordCheck('a', verdicts(true)).status).toBe('solved');
    expect(progress.exercise('a').status).toBe('todo');
    expect(changes).toEqual([{ kind: 'exercise', id: 'a' }]);
  });

  it('tallies and describes exercises', () => {
    const { store: progress } = store();
    progress.recordCheck('a', verdicts(true));
    progress.setUsingSolution('b', true);
    progress.recordCheck('b', verdicts(true));
    const tally = tallyExercises(progress, ['a', 'b', 'c']);
    expect(tally).toEqual({ total: 3, completed: 2, withSolution: 1 });
    expect(describeTally(tally)).toBe('2 of 3 exercises solved (1 with the solution)');
    expect(describeTally({ total: 1, completed: 0, withSolution: 0 })).toBe('0 of 1 exercise solved');
  });

  it('hashes programs stably and tells different ones apart', () => {
    expect(sourceHash('const a = 1;')).toBe(sourceHash('const a = 1;'));
    expect(sourceHash('const a = 1;')).not.toBe(sourceHash('const a = 2;'));
  });
});

describe('where the learner is, course-wide', () => {
  const course: CourseMap = {
    lessons: [
      {
        slug: 'basics/one',
        url: '/lessons/basics/one/',
        title: 'One',
        exercises: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
        ],
      },
      { slug: 'basics/reading', url: '/lessons/basics/reading/', title: 'Reading', exercises: [] },
      { slug: 'more/two', url: '/lessons/more/two/', title: 'Two', exercises: [{ id: 'c', title: 'C' }] },
    ],
  };
  const [one, reading, two] = course.lessons as [CourseMap['lessons'][number], CourseMap['lessons'][number], CourseMap['lessons'][number]];

  it('is new before anything happened', () => {
    expect(courseState(store().store, course)).toEqual({ kind: 'new', tally: { total: 3, completed: 0, withSolution: 0 } });
  });

  it('continues at the lesson last read', () => {
    const { store: progress } = store();
    progress.markLessonVisited('basics/reading');
    expect(courseState(progress, course)).toMatchObject({ kind: 'started', next: { url: reading.url, lessonTitle: 'Reading' } });
    expect(lessonState(progress, reading)).toBe('done');
    expect(lessonState(progress, one)).toBe('todo');
  });

  it('continues at the exercise last worked on while it is unsolved, then at the next unsolved one', () => {
    const { store: progress } = store();
    progress.markLessonVisited('basics/one');
    progress.setLastWorkedOn({ lesson: 'basics/one', exercise: 'b' });
    expect(continueTarget(progress, course)).toEqual({ url: '/lessons/basics/one/#exercise-b', lessonTitle: 'One', exerciseTitle: 'B' });
    // Coming back to the lesson keeps the exercise.
    progress.markLessonVisited('basics/one');
    expect(continueTarget(progress, course)?.exerciseTitle).toBe('B');

    progress.recordCheck('b', verdicts(true));
    expect(continueTarget(progress, course)).toEqual({ url: '/lessons/more/two/#exercise-c', lessonTitle: 'Two', exerciseTitle: 'C' });
    progress.recordCheck('c', verdicts(true));
    // Wraps around to the unsolved exercise before it.
    expect(continueTarget(progress, course)?.exerciseTitle).toBe('A');
    expect(lessonState(progress, one)).toBe('started');
    expect(lessonState(progress, two)).toBe('started');
  });

  it('is complete once every lesson is visited and every exercise solved, either way', () => {
    const { store: progress } = store();
    for (const lesson of course.lessons) progress.markLessonVisited(lesson.slug);
    progress.recordCheck('a', verdicts(true));
    progress.recordCheck('b', verdicts(true));
    expect(courseState(progress, course).kind).toBe('started');
    progress.setUsingSolution('c', true);
    progress.recordCheck('c', verdicts(true));
    expect(courseState(progress, course)).toEqual({ kind: 'complete', tally: { total: 3, completed: 3, withSolution: 1 } });
  });

  it('an exercise checked without visiting (progress from another device is not kept) still counts the lesson as started', () => {
    const { store: progress } = store();
    progress.recordCheck('c', verdicts(false));
    expect(lessonState(progress, two)).toBe('started');
    expect(courseState(progress, course)).toMatchObject({ kind: 'started', next: { url: two.url } });
  });
});
