/**
 * Where a learner stands on an assigned exercise, from their progress (progress.ts) and the
 * program saved for it (playground/storage.ts).
 */
import { sourceHash, type ExerciseRecord } from '../progress';

export type AssignedState = 'not-started' | 'in-progress' | 'solved' | 'solved-with-solution';

export const STATE_TEXT: Record<AssignedState, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  solved: 'Solved',
  'solved-with-solution': 'Solved with the solution',
};

export interface AssignedExerciseView {
  state: AssignedState;
  /** There is a program of the learner's to hand in. */
  hasCode: boolean;
  /** The saved program is not the one the last Check judged (the grader judges the saved one). */
  editedSinceCheck: boolean;
}

/** `code`: the learner's saved program, undefined when none is saved (never touched, or reset to the starter). */
export function assignedExerciseView(record: ExerciseRecord, code: string | undefined): AssignedExerciseView {
  const hasCode = code !== undefined;
  const state: AssignedState =
    record.status === 'solved'
      ? 'solved'
      : record.status === 'solved-with-solution'
        ? 'solved-with-solution'
        : hasCode || record.last
          ? 'in-progress'
          : 'not-started';
  const editedSinceCheck = hasCode && record.last !== undefined && record.last.source !== '' && record.last.source !== sourceHash(code);
  return { state, hasCode, editedSinceCheck };
}
