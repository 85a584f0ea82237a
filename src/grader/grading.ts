/**
 * A learner's grading: each of their programs graded for its exercise (./grade.ts), turned
 * into points (./scoring.ts). The same shape serves one program (`assoclab grade <id>
 * <file>`: one exercise) and an assignment (one learner per submission), so every output
 * format (./formats/) is written once.
 */
import type { GradeOptions } from '../checks/grade';
import type { ProgramRunner } from '../checks/types';
import type { ProgramLanguageName } from '../schemas/exercise';
import { requireExercise } from './exercises';
import { gradeSource, type GradeSourceReport } from './grade';
import { exercisePoints, sumPoints } from './scoring';

export type ExerciseStatus = 'pass' | 'fail' | 'error' | 'missing';

export interface ExerciseGrade {
  exerciseId: string;
  title: string;
  points: number;
  max: number;
  /** pass: every check passed; fail: one failed; error: the program did not run to its end; missing: no program. */
  status: ExerciseStatus;
  passed: number;
  total: number;
  /** The grading of the program (absent when none was submitted). */
  report?: GradeSourceReport;
  /** The file the program came from, as the learner named it (for reports that point at it). */
  file?: string;
}

export interface LearnerGrade {
  name: string;
  /** The submission file (or the program file, or folder) it was read from. */
  file: string;
  submittedAt?: string;
  total: number;
  max: number;
  exercises: ExerciseGrade[];
  /** Set when the submission itself could not be graded (not JSON, another assignment...): every exercise scores 0. */
  problem?: string;
}

/** One program to grade: the exercise, its points, and the learner's program (if any). */
export interface ProgramToGrade {
  exerciseId: string;
  points: number;
  source?: string;
  language?: ProgramLanguageName;
  file?: string;
}

/** Grades one exercise's program (or scores a missing one), never throwing for the program's faults. */
export async function gradeExercise(program: ProgramToGrade, runner: ProgramRunner, options: GradeOptions): Promise<ExerciseGrade> {
  const { exercise } = requireExercise(program.exerciseId);
  const base = {
    exerciseId: exercise.id,
    title: exercise.title,
    max: program.points,
    total: exercise.checks.length,
    ...(program.file ? { file: program.file } : {}),
  };
  if (program.source === undefined) return { ...base, points: 0, status: 'missing', passed: 0 };
  const report = await gradeSource(exercise.id, program.source, runner, { ...options, language: program.language ?? 'javascript' });
  return { ...base, points: exercisePoints(program.points, report.passed, report.total), status: report.status, passed: report.passed, report };
}

/** A learner's grade from their graded exercises. */
export function learnerGrade(learner: Pick<LearnerGrade, 'name' | 'file' | 'submittedAt' | 'problem'>, exercises: ExerciseGrade[]): LearnerGrade {
  return {
    ...learner,
    total: sumPoints(exercises.map((exercise) => exercise.points)),
    max: exercises.reduce((sum, exercise) => sum + exercise.max, 0),
    exercises,
  };
}
