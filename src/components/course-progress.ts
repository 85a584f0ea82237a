/**
 * The course-wide view of progress, for the home page and the outline: how many exercises
 * are solved, whether the course is complete, and where "Continue where you left off" leads.
 * Pure functions over the progress store and the course's map (built into the page).
 */
import type { CourseMap } from '../course/course-map';
import { tallyExercises, type ExerciseStatus, type ExerciseTally, type ProgressStore } from './progress';

export type { CourseMap };

/** Where "Continue" leads: a lesson, or an exercise in it. */
export interface ContinueTarget {
  url: string;
  lessonTitle: string;
  /** The exercise's title when the target is an exercise. */
  exerciseTitle?: string;
}

export type LessonState = 'todo' | 'started' | 'done';

export type CourseState =
  { kind: 'new'; tally: ExerciseTally } | { kind: 'started'; tally: ExerciseTally; next: ContinueTarget } | { kind: 'complete'; tally: ExerciseTally };

type Lesson = CourseMap['lessons'][number];

export function exerciseUrl(lesson: Lesson, id: string): string {
  return `${lesson.url}#exercise-${id}`;
}

/** A lesson is done once visited with every exercise solved (either way); started once visited or an exercise was attempted. */
export function lessonState(store: ProgressStore, lesson: Lesson): LessonState {
  const visited = store.isLessonVisited(lesson.slug);
  const statuses: ExerciseStatus[] = lesson.exercises.map((exercise) => store.exerciseStatus(exercise.id));
  if (visited && statuses.every((status) => status !== 'todo')) return 'done';
  const attempted = lesson.exercises.some((exercise) => store.exercise(exercise.id).last !== undefined);
  return visited || attempted ? 'started' : 'todo';
}

function exerciseTarget(lesson: Lesson, exercise: { id: string; title: string }): ContinueTarget {
  return { url: exerciseUrl(lesson, exercise.id), lessonTitle: lesson.title, exerciseTitle: exercise.title };
}

/**
 * Where to continue: the exercise last worked on while it is unsolved; once it is solved, the
 * next unsolved exercise after it (then any unsolved one, then the next unfinished lesson);
 * a lesson last read without working on an exercise: that lesson.
 */
export function continueTarget(store: ProgressStore, course: CourseMap): ContinueTarget | undefined {
  const last = store.lastWorkedOn();
  const lessonIndex = last ? course.lessons.findIndex((lesson) => lesson.slug === last.lesson) : -1;
  const lesson = course.lessons[lessonIndex];
  if (!last || !lesson) return undefined;
  const flat = course.lessons.flatMap((item) => item.exercises.map((exercise) => ({ lesson: item, exercise })));
  const unsolved = (entry: (typeof flat)[number]) => store.exerciseStatus(entry.exercise.id) === 'todo';

  const current = last.exercise === undefined ? undefined : lesson.exercises.find((exercise) => exercise.id === last.exercise);
  if (!current) return { url: lesson.url, lessonTitle: lesson.title };
  if (store.exerciseStatus(current.id) === 'todo') return exerciseTarget(lesson, current);

  const at = flat.findIndex((entry) => entry.exercise.id === current.id);
  const next = flat.slice(at + 1).find(unsolved) ?? flat.find(unsolved);
  if (next) return exerciseTarget(next.lesson, next.exercise);
  const unfinished =
    course.lessons.slice(lessonIndex).find((item) => lessonState(store, item) !== 'done') ?? course.lessons.find((item) => lessonState(store, item) !== 'done');
  return unfinished ? { url: unfinished.url, lessonTitle: unfinished.title } : { url: lesson.url, lessonTitle: lesson.title };
}

export function courseState(store: ProgressStore, course: CourseMap): CourseState {
  const tally = tallyExercises(
    store,
    course.lessons.flatMap((lesson) => lesson.exercises.map((exercise) => exercise.id)),
  );
  const states = course.lessons.map((lesson) => lessonState(store, lesson));
  if (states.length > 0 && states.every((state) => state === 'done')) return { kind: 'complete', tally };
  const next = continueTarget(store, course);
  if (next) return { kind: 'started', tally, next };
  const firstStarted = course.lessons.find((_, index) => states[index] !== 'todo');
  if (firstStarted) return { kind: 'started', tally, next: { url: firstStarted.url, lessonTitle: firstStarted.title } };
  return { kind: 'new', tally };
}

/** The course map a page carries in `<script type="application/json" id="course-map">` (CourseMapData.astro). */
export function readCourseMap(doc: Document = document): CourseMap {
  const text = doc.getElementById('course-map')?.textContent ?? '';
  try {
    const map = JSON.parse(text) as unknown;
    if (typeof map === 'object' && map !== null && Array.isArray((map as CourseMap).lessons)) return map as CourseMap;
  } catch {
    // fall through: a page without the map shows no progress
  }
  return { lessons: [] };
}
