/**
 * The grader's view of the course's exercises (for `assoclab exercises`).
 */
import { exercises, findExercise, type RegisteredExercise } from '../checks/exercises';
import type { TopicId } from '../schemas/topics';

export interface ExerciseListing {
  id: string;
  /** `NN-part/NN-lesson`. */
  lesson: string;
  title: string;
  /** The course topic it practises (src/schemas/topics.ts). */
  topic: TopicId;
  /** 1 (a first step) to 3 (a challenge). */
  difficulty: 1 | 2 | 3;
  /** `fix`: the starter is a broken program to repair; `write`: something to build. */
  kind: 'write' | 'fix';
  /** How many checks grade it. */
  checks: number;
  /** What each check verifies, in order. */
  verifies: string[];
}

/** Thrown for an exercise id the course does not have; `known` lists the ids it does. */
export class UnknownExerciseError extends Error {
  override readonly name = 'UnknownExerciseError';
  constructor(
    readonly id: string,
    readonly known: readonly string[],
  ) {
    super(`There is no exercise "${id}". Known exercises: ${known.join(', ') || 'none'} (list them with \`assoclab exercises\`).`);
  }
}

export function listExercises(): ExerciseListing[] {
  return exercises().map(({ exercise, lesson }) => ({
    id: exercise.id,
    lesson,
    title: exercise.title,
    topic: exercise.topic,
    difficulty: exercise.difficulty,
    kind: exercise.kind,
    checks: exercise.checks.length,
    verifies: exercise.checks.map((check) => check.title),
  }));
}

/** The exercise with this id, or an UnknownExerciseError. */
export function requireExercise(id: string): RegisteredExercise {
  const found = findExercise(id);
  if (!found)
    throw new UnknownExerciseError(
      id,
      exercises().map((entry) => entry.exercise.id),
    );
  return found;
}
