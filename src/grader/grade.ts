/**
 * Grades one program's text for one exercise (for `assoclab grade`), returning a
 * structured report the CLI prints or turns into Exercism / GitHub Classroom JSON.
 * The runner is passed in: the CLI gives a worker-thread runner, so learner code never
 * runs in the grader's own realm and every verdict is computed here from plain data.
 */
import { gradeProgram, type GradeOptions } from '../checks/grade';
import type { CheckResult, ProgramRunner } from '../checks/types';
import type { RunError } from '../schemas/run-result';
import { requireExercise } from './exercises';

export interface GradeSourceReport {
  exerciseId: string;
  lesson: string;
  title: string;
  /** pass: every check passed; fail: at least one failed; error: the program did not run to its end. */
  status: 'pass' | 'fail' | 'error';
  passed: number;
  total: number;
  checks: CheckResult[];
  /** The error that stopped the program, if any. */
  error?: RunError;
  /** The program's printed output (text only), for reports that show it. */
  output: string[];
  /** The seed the hidden data was drawn from (reproduce a grading with the same seed). */
  seed: number;
  durationMs: number;
}

/**
 * Grades `source` for the exercise `exerciseId`. Throws UnknownExerciseError for an
 * unknown id; every problem of the program itself is reported in the result.
 */
export async function gradeSource(exerciseId: string, source: string, runner: ProgramRunner, options: GradeOptions = {}): Promise<GradeSourceReport> {
  const { exercise, lesson } = requireExercise(exerciseId);
  const started = Date.now();
  const report = await gradeProgram(exercise, source, runner, options);
  const passed = report.checks.filter((check) => check.passed).length;
  const error = report.run.error;
  const stopped = error !== undefined && !(error.kind === 'exit' && report.run.ok);
  return {
    exerciseId: exercise.id,
    lesson,
    title: exercise.title,
    status: report.passed ? 'pass' : stopped ? 'error' : 'fail',
    passed,
    total: report.checks.length,
    checks: report.checks,
    ...(error ? { error } : {}),
    output: report.run.console.map((entry) => entry.text),
    seed: report.seed,
    durationMs: Date.now() - started,
  };
}
