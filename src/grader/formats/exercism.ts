/**
 * Exercism's test-runner results (version 3): `results.json`, written whatever the verdict.
 * `status` is pass when every test passed, error when no program could run at all (a
 * syntax error: then `message` says why), fail otherwise; one test per check, in the
 * exercises' and checks' order, its `task_id` the exercise's position, its `output` what
 * the program printed (at most 500 characters, as the format allows).
 */
import type { LearnerGrade } from '../grading';
import { errorText, nothingRan, testsOf } from './tests-of';

export interface ExercismResults {
  version: 3;
  status: 'pass' | 'fail' | 'error';
  message?: string;
  tests: {
    name: string;
    test_code: string;
    status: 'pass' | 'fail' | 'error';
    message?: string;
    output?: string;
    task_id: number;
  }[];
}

const OUTPUT_LIMIT = 500;

function outputOf(lines: readonly string[]): string | undefined {
  const text = lines.join('\n');
  if (!text) return undefined;
  const note = '\n[output cut to 500 characters]';
  return text.length <= OUTPUT_LIMIT ? text : `${text.slice(0, OUTPUT_LIMIT - note.length)}${note}`;
}

export function exercismResults(learner: LearnerGrade): ExercismResults {
  const tests = testsOf(learner).map((test) => {
    const output = test.passed ? undefined : outputOf(test.exercise.report?.output ?? []);
    return {
      name: test.name,
      test_code: test.testCode,
      status: test.passed ? ('pass' as const) : ('fail' as const),
      ...(test.message ? { message: test.message } : {}),
      ...(output ? { output } : {}),
      task_id: test.taskId,
    };
  });
  const stopped = nothingRan(learner);
  if (stopped) return { version: 3, status: 'error', message: errorText(stopped), tests };
  return { version: 3, status: tests.every((test) => test.status === 'pass') ? 'pass' : 'fail', tests };
}
