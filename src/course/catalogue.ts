/**
 * The exercise catalogue as the Assign and assignment pages carry it: every exercise placed
 * in a lesson, in course order, with what an instructor picks by (topic, difficulty) and what
 * a learner follows (its lesson's URL). Built at build time into the page as JSON.
 */
import type { Exercise } from '../schemas/exercise';
import { topicTitle, type TopicId } from '../schemas/topics';

export interface CatalogueEntry {
  id: string;
  title: string;
  topic: TopicId;
  topicTitle: string;
  difficulty: 1 | 2 | 3;
  kind: 'write' | 'fix';
  /** What its checks verify, one title per check, in order. */
  checks: string[];
  lessonTitle: string;
  lessonUrl: string;
  /** Where the exercise sits on its lesson page. */
  url: string;
}

/** The lessons as the catalogue needs them (CourseLesson has these fields). */
export interface CatalogueLesson {
  title: string;
  url: string;
  exercises: string[];
}

export const DIFFICULTY_NAMES = { 1: 'First step', 2: 'Practice', 3: 'Challenge' } as const;

/** Every placed exercise, in the order of the lessons and of each lesson's page; ids `find` does not know are left out. */
export function catalogueEntries(lessons: readonly CatalogueLesson[], find: (id: string) => Exercise | undefined): CatalogueEntry[] {
  return lessons.flatMap((lesson) =>
    lesson.exercises.flatMap((id) => {
      const exercise = find(id);
      if (!exercise) return [];
      return [
        {
          id,
          title: exercise.title,
          topic: exercise.topic,
          topicTitle: topicTitle(exercise.topic),
          difficulty: exercise.difficulty,
          kind: exercise.kind,
          checks: exercise.checks.map((check) => check.title),
          lessonTitle: lesson.title,
          lessonUrl: lesson.url,
          url: `${lesson.url}#exercise-${id}`,
        },
      ];
    }),
  );
}
