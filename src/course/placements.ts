/**
 * Where exercises are placed: a lesson places an exercise with `<Exercise id="...">` in
 * its MDX, and that is the only list there is. This module reads the placements with the
 * MDX parser Astro uses (so what it finds is what the page renders) and checks them
 * against the exercise folders:
 *
 * - every `<Exercise id>` names an exercise that exists,
 * - an exercise is placed by the lesson whose `_exercises/` folder holds it,
 * - it is placed once, and
 * - every exercise is placed somewhere.
 *
 * Pure: callers hand in the lessons' text and the exercise folders (the build reads them
 * from disk before bundling; the site's course builder from its collection).
 */
import { createProcessor } from '@mdx-js/mdx';
import { visit } from 'unist-util-visit';

/** One `<Exercise id="...">` in a lesson's MDX. */
export interface ExercisePlacement {
  /** The id as written; undefined when the attribute is missing or not a plain string. */
  id: string | undefined;
  /** 1-based line of the element in the MDX file. */
  line: number;
}

export interface LessonSource {
  /** `NN-part/NN-lesson`. */
  lesson: string;
  /** The MDX file, relative to the repository root (for messages). */
  file: string;
  /** The MDX text (frontmatter included or not: lines are counted from wherever `body` starts). */
  body: string;
  /** Lines before `body` in the file (frontmatter), so reported lines match the file. */
  lineOffset?: number;
}

export interface ExerciseLocation {
  id: string;
  /** `NN-part/NN-lesson`, the lesson folder whose `_exercises/` holds it. */
  lesson: string;
  /** The exercise's folder, relative to the repository root. */
  dir: string;
}

const processor = createProcessor();

/** Every `<Exercise>` element of an MDX text, in order. */
export function findExercisePlacements(mdx: string): ExercisePlacement[] {
  const tree = processor.parse(mdx);
  const found: ExercisePlacement[] = [];
  visit(tree, (node) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !('name' in node) || node.name !== 'Exercise') return;
    const attribute = node.attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === 'id');
    const id = attribute && typeof attribute.value === 'string' ? attribute.value : undefined;
    found.push({ id, line: node.position?.start.line ?? 0 });
  });
  return found;
}

/** The ids a lesson places, in order (for the outline). */
export function placedExerciseIds(lesson: LessonSource): string[] {
  return findExercisePlacements(lesson.body).flatMap((placement) => (placement.id ? [placement.id] : []));
}

/** Every problem, each naming the file (and line) to fix; empty when all is well. */
export function exercisePlacementProblems(lessons: readonly LessonSource[], exercises: readonly ExerciseLocation[]): string[] {
  const problems: string[] = [];
  const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));
  const placedAt = new Map<string, string>();
  const lessonFile = new Map(lessons.map((lesson) => [lesson.lesson, lesson.file]));

  for (const lesson of lessons) {
    for (const placement of findExercisePlacements(lesson.body)) {
      const where = `${lesson.file}:${placement.line + (lesson.lineOffset ?? 0)}`;
      if (placement.id === undefined) {
        problems.push(`${where}: <Exercise> needs an id written as a plain string, like <Exercise id="link-posts-to-author" />`);
        continue;
      }
      const exercise = byId.get(placement.id);
      if (!exercise) {
        const own = exercises.filter((item) => item.lesson === lesson.lesson).map((item) => item.id);
        problems.push(
          `${where}: <Exercise id="${placement.id}"> names no exercise. An exercise is a folder lessons/${lesson.lesson}/_exercises/<id>/` +
            (own.length ? `; this lesson has: ${own.join(', ')}` : '; this lesson has none yet'),
        );
        continue;
      }
      const first = placedAt.get(placement.id);
      if (first) {
        problems.push(`${where}: <Exercise id="${placement.id}"> is placed a second time (first at ${first}); an exercise appears once in the course`);
        continue;
      }
      placedAt.set(placement.id, where);
      if (exercise.lesson !== lesson.lesson) {
        problems.push(
          `${where}: <Exercise id="${placement.id}"> places an exercise of another lesson (${exercise.dir}); ` +
            `move its folder to lessons/${lesson.lesson}/_exercises/, or place it in lessons/${exercise.lesson}/index.mdx`,
        );
      }
    }
  }
  for (const exercise of exercises) {
    if (placedAt.has(exercise.id)) continue;
    const home = lessonFile.get(exercise.lesson);
    problems.push(
      home
        ? `${exercise.dir}: the exercise is never placed; add <Exercise id="${exercise.id}" /> to ${home} where the lesson has taught what it needs`
        : `${exercise.dir}: the exercise is never placed, and lessons/${exercise.lesson}/ has no index.mdx to place it in`,
    );
  }
  return problems;
}
