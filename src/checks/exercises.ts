/**
 * The course's exercises, parsed from the generated registry (see
 * scripts/generate-exercise-registry.mjs). A bad definition throws a
 * ContentValidationError naming its file and field.
 */
import { ContentValidationError } from '../schemas/parse';
import { parseExercise, type Exercise } from '../schemas/exercise';
import { exerciseSources } from './exercise-registry.generated';
import type { ExerciseSource } from './exercise-source';

export interface RegisteredExercise {
  exercise: Exercise;
  /** `NN-part/NN-lesson`. */
  lesson: string;
  /** The definition file, relative to the repository root. */
  file: string;
}

export function parseExerciseSources(sources: readonly ExerciseSource[]): RegisteredExercise[] {
  const seen = new Map<string, string>();
  return sources.map((source) => {
    const exercise = parseExercise({ ...source.definition, starter: source.starter, solution: source.solution }, source.file);
    if (exercise.id !== source.folder) {
      throw new ContentValidationError(source.file, [`id: is "${exercise.id}" but the folder is named "${source.folder}"; they must match`]);
    }
    const other = seen.get(exercise.id);
    if (other) throw new ContentValidationError(source.file, [`id: "${exercise.id}" is already used by ${other}`]);
    seen.set(exercise.id, source.file);
    return { exercise, lesson: source.lesson, file: source.file };
  });
}

let cache: RegisteredExercise[] | undefined;

/** Every exercise of the course, in lesson order. */
export function exercises(): RegisteredExercise[] {
  cache ??= parseExerciseSources(exerciseSources);
  return cache;
}

export function findExercise(id: string): RegisteredExercise | undefined {
  return exercises().find((entry) => entry.exercise.id === id);
}
