/**
 * A learner's grading as a flat list of tests, one per check of each exercise, in the
 * exercises' order then the checks': what the Exercism, GitHub Classroom and JUnit formats
 * each write in their own shape.
 */
import type { RunError } from '../../schemas/run-result';
import { requireExercise } from '../exercises';
import type { ExerciseGrade, LearnerGrade } from '../grading';
import { splitPoints } from '../scoring';

export interface GradedTest {
  /** The check's title, after its exercise's when the grading has several. */
  name: string;
  /** What the check verifies, in words (no test code is shown: the checks are data). */
  testCode: string;
  passed: boolean;
  /** Why it failed (with what was expected and found), for a failed check. */
  message?: string;
  /** The points this test carries (its share of the exercise's earned points). */
  score: number;
  exercise: ExerciseGrade;
  /** 1-based position of its exercise. */
  taskId: number;
}

export function errorText(error: RunError): string {
  const at = error.location ? `line ${error.location.line}: ` : '';
  return `${at}${error.name}: ${error.message}`;
}

function failureMessage(exercise: ExerciseGrade, check: { message: string; expected?: string; found?: string }): string {
  const lines = [check.message];
  if (check.expected !== undefined) lines.push(`expected: ${check.expected}`);
  if (check.found !== undefined) lines.push(`found: ${check.found}`);
  if (exercise.report?.error) lines.push(`The program stopped: ${errorText(exercise.report.error)}`);
  return lines.join('\n');
}

export function testsOf(learner: LearnerGrade): GradedTest[] {
  const several = learner.exercises.length > 1;
  return learner.exercises.flatMap((exercise, index) => {
    const prefix = several ? `${exercise.title}: ` : '';
    if (!exercise.report) {
      // Every check of a missing program fails, with the reason.
      const why = learner.problem ?? 'No program was submitted for this exercise.';
      return requireExercise(exercise.exerciseId).exercise.checks.map((check) => ({
        name: `${prefix}${check.title}`,
        testCode: `exercise ${exercise.exerciseId}, check ${check.id}: ${check.title}`,
        passed: false,
        message: why,
        score: 0,
        exercise,
        taskId: index + 1,
      }));
    }
    const shares = splitPoints(exercise.points, exercise.passed);
    let next = 0;
    return exercise.report.checks.map((check) => ({
      name: `${prefix}${check.title}`,
      testCode: `exercise ${exercise.exerciseId}, check ${check.id}: ${check.title}`,
      passed: check.passed,
      ...(check.passed ? {} : { message: failureMessage(exercise, check) }),
      score: check.passed ? (shares[next++] ?? 0) : 0,
      exercise,
      taskId: index + 1,
    }));
  });
}

/** Whether no program of the grading ran at all (each one a syntax error, an unknown module, or missing). */
export function nothingRan(learner: LearnerGrade): RunError | undefined {
  const errors = learner.exercises.map((exercise) => exercise.report?.error);
  const first = errors.find((error) => error !== undefined);
  const didNotRun = (error: RunError | undefined) => error !== undefined && (error.kind === 'syntax' || error.kind === 'import');
  return learner.exercises.some((exercise) => exercise.report) && errors.every((error, index) => didNotRun(error) || !learner.exercises[index]!.report)
    ? first
    : undefined;
}
