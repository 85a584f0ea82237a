/**
 * A learner's submission: their name, the assignment as they received it, and their program
 * for each exercise they worked on (an exercise never touched is left out). It carries no
 * verdict: the grader decides. Checked against the schema before it is offered for download.
 */
import { SUBMISSION_FORMAT, parseSubmission, type Assignment, type Submission } from '../../schemas/assignment';

/** "Ada Lovelace" -> "ada-lovelace"; letters of any script are kept, accents dropped. */
export function nameSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'learner';
}

/** `submission-<name slug>-<assignment id>.json`. */
export function submissionFileName(name: string, assignment: Pick<Assignment, 'id'>): string {
  return `submission-${nameSlug(name)}-${assignment.id}.json`;
}

/**
 * The submission; `codeOf` gives the learner's saved program for an exercise, or undefined
 * for one they never touched. Throws a ContentValidationError when the result breaks the schema
 * (an empty name, a program over the size limit).
 */
export function buildSubmission(input: { assignment: Assignment; name: string; now?: Date; codeOf: (exerciseId: string) => string | undefined }): Submission {
  const programs: Record<string, string> = {};
  for (const { id } of input.assignment.exercises) {
    const code = input.codeOf(id);
    if (code !== undefined) programs[id] = code;
  }
  return parseSubmission(
    {
      format: SUBMISSION_FORMAT,
      version: 1,
      learner: { name: input.name.trim() },
      assignment: input.assignment,
      submittedAt: (input.now ?? new Date()).toISOString(),
      programs,
    },
    'the submission',
  );
}
