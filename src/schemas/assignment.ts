/**
 * The two files of an assignment, without a server:
 * - `assignment.json`: what an instructor assigns (made on the Assign page, read by the
 *   grader, and carried whole in the learner's link);
 * - a submission: what a learner hands in (their name, the assignment, their code per
 *   exercise). A submission carries no verdict: the grader decides.
 * Both are versioned (`format` + `version`) so a future change can be told apart.
 */
import { z } from 'zod';
import { exerciseIdSchema } from './lesson';
import { parseWithFriendlyErrors } from './parse';

export const ASSIGNMENT_FORMAT = 'assoclab-assignment';
export const SUBMISSION_FORMAT = 'assoclab-submission';

/** An ISO date (`2026-12-24`) or date-time (`2026-12-24T17:00:00Z`). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO date like 2026-12-24 or 2026-12-24T17:00:00Z')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a real date');

export const assignedExerciseSchema = z
  .object({
    id: exerciseIdSchema,
    points: z.number().int('must be a whole number').positive('must be at least 1').max(1000).describe('What a full pass of this exercise is worth.'),
  })
  .strict();

export const assignmentSchema = z
  .object({
    format: z.literal(ASSIGNMENT_FORMAT),
    version: z.literal(1),
    /** Matches submissions to their assignment (made once, when the assignment is created). */
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{4,64}$/, 'must be 4 to 64 letters, digits, - or _')
      .describe('The assignment’s id; a submission names it.'),
    title: z.string().trim().min(1, 'must not be empty').max(200),
    due: isoDate.optional().describe('When it is due (shown to learners; the grader does not enforce it).'),
    exercises: z
      .array(assignedExerciseSchema)
      .min(1, 'must list at least one exercise')
      .max(100)
      .refine((list) => new Set(list.map((entry) => entry.id)).size === list.length, 'lists an exercise twice'),
  })
  .strict();

export type Assignment = z.infer<typeof assignmentSchema>;
export type AssignedExercise = z.infer<typeof assignedExerciseSchema>;

export const submissionSchema = z
  .object({
    format: z.literal(SUBMISSION_FORMAT),
    version: z.literal(1),
    learner: z.object({ name: z.string().trim().min(1, 'must not be empty').max(200) }).strict(),
    /** The whole assignment, as the learner received it (the grader checks its id against its own). */
    assignment: assignmentSchema,
    submittedAt: isoDate,
    /** The learner's program per exercise id; an exercise left untouched is absent. */
    programs: z.record(exerciseIdSchema, z.string().max(200_000, 'is longer than 200,000 characters')),
  })
  .strict();

export type Submission = z.infer<typeof submissionSchema>;

/** Parses an assignment.json's data; throws ContentValidationError naming `file` and each bad field. */
export function parseAssignment(data: unknown, file = 'assignment.json'): Assignment {
  return parseWithFriendlyErrors(assignmentSchema, data, file);
}

/** Parses a submission's data; throws ContentValidationError naming `file` and each bad field. */
export function parseSubmission(data: unknown, file = 'submission.json'): Submission {
  return parseWithFriendlyErrors(submissionSchema, data, file);
}

/** The most points an assignment gives. */
export function maxPoints(assignment: Assignment): number {
  return assignment.exercises.reduce((sum, entry) => sum + entry.points, 0);
}

/**
 * An assignment in a URL fragment: base64url of its JSON. Everything travels in the link,
 * and a fragment is never sent to the static host.
 */
export function encodeAssignment(assignment: Assignment): string {
  const bytes = new TextEncoder().encode(JSON.stringify(assignment));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The assignment a link carries; throws ContentValidationError (or a plain Error for a damaged link). */
export function decodeAssignment(encoded: string): Assignment {
  let data: unknown;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    data = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
  } catch {
    throw new Error('This assignment link is damaged (it may have been cut when it was copied). Ask your instructor for the link again.');
  }
  return parseAssignment(data, 'the assignment link');
}
