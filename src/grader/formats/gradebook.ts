/**
 * The gradebook of a folder: `gradebook.csv`, one row per learner, one column per exercise
 * (its points, in the assignment's order), then the total and the most points possible.
 */
import type { Assignment } from '../../schemas/assignment';
import type { LearnerGrade } from '../grading';
import { formatPoints } from '../scoring';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. A name a
 * spreadsheet would take for a formula (=, +, -, @ first) is prefixed with ' so opening the
 * gradebook never runs what a learner typed as their name.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function gradebookCsv(assignment: Assignment, learners: readonly LearnerGrade[]): string {
  const header = ['learner', ...assignment.exercises.map((entry) => entry.id), 'total', 'max'];
  const rows = learners.map((learner) => [
    csvField(learner.name),
    ...assignment.exercises.map((entry) => formatPoints(learner.exercises.find((exercise) => exercise.exerciseId === entry.id)?.points ?? 0)),
    formatPoints(learner.total),
    formatPoints(learner.max),
  ]);
  return `${[header.map(csvField), ...rows].map((row) => row.join(',')).join('\r\n')}\r\n`;
}
