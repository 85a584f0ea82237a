/**
 * A GitHub Classroom grader's result: what its reporter reads from a step's `result`
 * output, base64 of `{ version: 1, status, max_score, tests }`. The reporter adds up the
 * tests' `score`s for the points and their `max_score`s for the total, so each passed
 * check carries its share of its exercise's earned points (in hundredths that add up to
 * exactly what the gradebook gives: ../scoring.ts) and `max_score` is the most points.
 */
import type { LearnerGrade } from '../grading';
import { nothingRan, testsOf } from './tests-of';

export interface ClassroomResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: {
    name: string;
    status: 'pass' | 'fail' | 'error';
    message: string;
    test_code: string;
    filename: string;
    line_no: number;
    duration: number;
    score: number;
  }[];
}

export function classroomResult(learner: LearnerGrade): ClassroomResult {
  const tests = testsOf(learner).map((test) => {
    const report = test.exercise.report;
    return {
      name: test.name,
      status: test.passed ? ('pass' as const) : ('fail' as const),
      message: test.message ?? 'Passed.',
      test_code: test.testCode,
      filename: test.exercise.file ?? learner.file,
      line_no: report?.error?.location?.line ?? 0,
      duration: report ? Math.round(report.durationMs / Math.max(1, report.total)) : 0,
      score: test.score,
    };
  });
  const status = nothingRan(learner) ? 'error' : tests.every((test) => test.status === 'pass') ? 'pass' : 'fail';
  return { version: 1, status, max_score: learner.max, tests };
}

/** The line a workflow step appends to $GITHUB_OUTPUT: `result=<base64 of the JSON>`. */
export function classroomOutputLine(result: ClassroomResult): string {
  return `result=${Buffer.from(JSON.stringify(result)).toString('base64')}`;
}
