/**
 * The readable reports: a program's grading as `assoclab grade <id> <file>` prints it, and a
 * learner's report for an assignment (per exercise: points earned of its points, then each
 * check's verdict and, for a failed one, its message and what was expected and found).
 */
import type { Assignment } from '../../schemas/assignment';
import type { GradeSourceReport } from '../grade';
import type { ExerciseGrade, LearnerGrade } from '../grading';
import { formatPoints } from '../scoring';

const indent = (text: string, by: string) => text.split('\n').join(`\n${by}`);

/** Each check's verdict (and, for a failed one, why), then the error that stopped the program. */
export function checkLines(report: GradeSourceReport, margin = '  '): string[] {
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${margin}${check.passed ? '✔' : '✘'} ${check.title}`);
    if (check.passed) continue;
    lines.push(`${margin}    ${indent(check.message, `${margin}    `)}`);
    if (check.expected !== undefined) lines.push(`${margin}    expected: ${indent(check.expected, `${margin}              `)}`);
    if (check.found !== undefined) lines.push(`${margin}    found:    ${indent(check.found, `${margin}              `)}`);
  }
  if (report.error) {
    const at = report.error.location ? `line ${report.error.location.line}: ` : '';
    lines.push(`${margin}The program stopped: ${at}${report.error.name}: ${report.error.message}`);
  }
  return lines;
}

/** `assoclab grade <id> <file>`: the title line and the checks. */
export function programReport(report: GradeSourceReport): string {
  return [`${report.title} (${report.exerciseId}): ${report.status.toUpperCase()}, ${report.passed}/${report.total} checks passed`, ...checkLines(report)].join(
    '\n',
  );
}

function exerciseHeading(grade: ExerciseGrade, index: number): string {
  const what = grade.status === 'missing' ? 'missing: no program was submitted' : `${grade.status}, ${grade.passed}/${grade.total} checks passed`;
  return `${index + 1}. ${grade.title} (${grade.exerciseId}): ${formatPoints(grade.points)}/${formatPoints(grade.max)} points (${what})`;
}

/** A learner's report for an assignment. */
export function learnerReport(grade: LearnerGrade, assignment: Assignment, seed: number): string {
  const lines = [
    `${assignment.title} (${assignment.id})`,
    `Learner: ${grade.name}`,
    `Submission: ${grade.file}${grade.submittedAt ? `, submitted ${grade.submittedAt}` : ''}`,
    `Total: ${formatPoints(grade.total)}/${formatPoints(grade.max)} points`,
    `Seed: ${seed} (grade again with --seed ${seed} to draw the same hidden data)`,
  ];
  if (grade.problem) lines.push('', `This submission could not be graded: ${grade.problem}`);
  grade.exercises.forEach((exercise, index) => {
    lines.push('', exerciseHeading(exercise, index));
    if (exercise.report) lines.push(...checkLines(exercise.report, '   '));
  });
  return `${lines.join('\n')}\n`;
}
