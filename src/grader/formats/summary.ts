/**
 * `--json` for an assignment: the whole grading as data, for scripts (the Assign page's
 * tests read it). Points as in ./gradebook.ts; a learner whose submission could not be
 * graded carries its `problem`.
 */
import type { Assignment } from '../../schemas/assignment';
import type { ExerciseStatus, LearnerGrade } from '../grading';

export interface GradingSummary {
  assignment: string;
  title: string;
  maxPoints: number;
  seed: number;
  learners: {
    name: string;
    file: string;
    total: number;
    max: number;
    problem?: string;
    exercises: Record<string, { points: number; max: number; status: ExerciseStatus; passed: number; total: number }>;
  }[];
}

export function gradingSummary(assignment: Assignment, learners: readonly LearnerGrade[], seed: number): GradingSummary {
  return {
    assignment: assignment.id,
    title: assignment.title,
    maxPoints: assignment.exercises.reduce((sum, entry) => sum + entry.points, 0),
    seed,
    learners: learners.map((learner) => ({
      name: learner.name,
      file: learner.file,
      total: learner.total,
      max: learner.max,
      ...(learner.problem ? { problem: learner.problem } : {}),
      exercises: Object.fromEntries(
        learner.exercises.map((exercise) => [
          exercise.exerciseId,
          { points: exercise.points, max: exercise.max, status: exercise.status, passed: exercise.passed, total: exercise.total },
        ]),
      ),
    })),
  };
}
