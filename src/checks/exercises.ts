/**
 * The course's exercises, found by Vite's import.meta.glob: every folder
 * `lessons/NN-part/NN-lesson/_exercises/<id>/` is an exercise, and nothing else lists it.
 * The same globs serve the site (Astro), the tests (Vitest) and the CLI (built with Vite),
 * so all three see the same exercises. A bad folder throws a ContentValidationError
 * naming it.
 */
import type { ExerciseDefinition } from '../schemas/exercise';
import { exercisesFromFolders, foldersFromFiles, type RegisteredExercise } from './exercise-folder';

export type { RegisteredExercise } from './exercise-folder';

const definitions = import.meta.glob<ExerciseDefinition>('../../lessons/*/*/_exercises/*/exercise.ts', { eager: true, import: 'default' });
const texts = import.meta.glob<string>(['../../lessons/*/*/_exercises/*/*.{md,js}'], { eager: true, query: '?raw', import: 'default' });

let cache: RegisteredExercise[] | undefined;

/** Every exercise of the course, in lesson order. */
export function exercises(): RegisteredExercise[] {
  cache ??= exercisesFromFolders(foldersFromFiles(definitions, texts));
  return cache;
}

export function findExercise(id: string): RegisteredExercise | undefined {
  return exercises().find((entry) => entry.exercise.id === id);
}
