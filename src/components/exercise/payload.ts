/** What Exercise.astro hands to <assoclab-exercise>, as JSON in a <script type="application/json">. */
import type { Exercise } from '../../schemas/exercise';

export interface ExercisePayload {
  /** The parsed exercise: instructions, starter, solution, checks (with their probes), hints. */
  exercise: Exercise;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the payload; a shape that cannot be an exercise throws (the page was built wrong). */
export function readPayload(text: string): ExercisePayload {
  const data: unknown = JSON.parse(text);
  if (!isRecord(data) || !isRecord(data.exercise)) throw new Error('The exercise data is missing.');
  const exercise = data.exercise;
  if (typeof exercise.id !== 'string' || typeof exercise.solution !== 'string' || !Array.isArray(exercise.checks)) {
    throw new Error('The exercise data is incomplete.');
  }
  // Built by Exercise.astro from an exercise that passed the schema at build time.
  return data as unknown as ExercisePayload;
}
