import { describe, expect, it } from 'vitest';
import { exercisePlacementProblems, findExercisePlacements, placedExerciseIds, type ExerciseLocation, type LessonSource } from './placements';

const ONE = '01-basics/01-one';
const TWO = '01-basics/02-two';
const lesson = (id: string, body: string, lineOffset = 0): LessonSource => ({ lesson: id, file: `lessons/${id}/index.mdx`, body, lineOffset });
const exercise = (id: string, home: string): ExerciseLocation => ({ id, lesson: home, dir: `lessons/${home}/_exercises/${id}` });
const exercises = [exercise('first', ONE), exercise('second', TWO)];

describe('findExercisePlacements', () => {
  it('finds every <Exercise id> with its line, as MDX parses it', () => {
    const body =
      'import x from \'./x.js\';\n\n## Try it\n\n<Exercise id="first" />\n\nText with `<Exercise id="in-code" />` in code.\n\n```mdx\n<Exercise id="in-a-fence" />\n```\n\n<Exercise id={name} />\n';
    expect(findExercisePlacements(body)).toEqual([
      { id: 'first', line: 5 },
      { id: undefined, line: 13 },
    ]);
  });

  it('gives the placed ids in page order for the outline', () => {
    expect(placedExerciseIds(lesson(ONE, '<Exercise id="b" />\n\ntext\n\n<Exercise id="a" />\n'))).toEqual(['b', 'a']);
  });
});

describe('exercisePlacementProblems', () => {
  it('finds nothing wrong when each exercise is placed once by its own lesson', () => {
    expect(exercisePlacementProblems([lesson(ONE, '<Exercise id="first" />\n'), lesson(TWO, 'Intro.\n\n<Exercise id="second" />\n')], exercises)).toEqual([]);
  });

  describe.each([
    [
      'an unknown id',
      [lesson(ONE, '<Exercise id="first" />\n\n<Exercise id="frist" />\n', 4), lesson(TWO, '<Exercise id="second" />\n')],
      'lessons/01-basics/01-one/index.mdx:7: <Exercise id="frist"> names no exercise. An exercise is a folder lessons/01-basics/01-one/_exercises/<id>/; this lesson has: first',
    ],
    [
      'an exercise placed twice',
      [lesson(ONE, '<Exercise id="first" />\n\n<Exercise id="first" />\n'), lesson(TWO, '<Exercise id="second" />\n')],
      'lessons/01-basics/01-one/index.mdx:3: <Exercise id="first"> is placed a second time (first at lessons/01-basics/01-one/index.mdx:1); an exercise appears once in the course',
    ],
    [
      'an exercise placed on another lesson',
      [lesson(ONE, '<Exercise id="first" />\n\n<Exercise id="second" />\n'), lesson(TWO, 'No exercise here.\n')],
      'lessons/01-basics/01-one/index.mdx:3: <Exercise id="second"> places an exercise of another lesson (lessons/01-basics/02-two/_exercises/second); move its folder to lessons/01-basics/01-one/_exercises/, or place it in lessons/01-basics/02-two/index.mdx',
    ],
    [
      'an exercise never placed',
      [lesson(ONE, '<Exercise id="first" />\n'), lesson(TWO, 'Forgot it.\n')],
      'lessons/01-basics/02-two/_exercises/second: the exercise is never placed; add <Exercise id="second" /> to lessons/01-basics/02-two/index.mdx where the lesson has taught what it needs',
    ],
    [
      'an id that is not a plain string',
      [lesson(ONE, '<Exercise id="first" />\n<Exercise id={"second"} />\n'), lesson(TWO, '<Exercise id="second" />\n')],
      'lessons/01-basics/01-one/index.mdx:2: <Exercise> needs an id written as a plain string, like <Exercise id="link-posts-to-author" />',
    ],
  ])('%s', (_name, lessons, message) => {
    it('is reported with the file, the line and what to do', () => {
      expect(exercisePlacementProblems(lessons, exercises)).toEqual([message]);
    });
  });

  it('reports an exercise folder in a lesson folder without index.mdx', () => {
    expect(exercisePlacementProblems([lesson(ONE, '<Exercise id="first" />\n')], exercises)).toEqual([
      'lessons/01-basics/02-two/_exercises/second: the exercise is never placed, and lessons/01-basics/02-two/ has no index.mdx to place it in',
    ]);
  });
});
