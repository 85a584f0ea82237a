/**
 * The learner's link: `/assignment/#a=<the assignment, base64url JSON>`. Everything travels
 * in the fragment, which a browser never sends to the static host.
 */
import { decodeAssignment, encodeAssignment, type Assignment } from '../../schemas/assignment';
import { ContentValidationError } from '../../schemas/parse';

export const ASSIGNMENT_PATH = '/assignment/';

export function assignmentLink(origin: string, assignment: Assignment): string {
  return `${origin}${ASSIGNMENT_PATH}#a=${encodeAssignment(assignment)}`;
}

export type LinkReading =
  | { kind: 'ok'; assignment: Assignment; encoded: string }
  | { kind: 'missing' }
  /** `problems`: each wrong field, for a link that decodes to something that is not an assignment. */
  | { kind: 'damaged'; message: string; problems: string[] };

/** The assignment a page's fragment (`#a=…`) carries, or why there is none. */
export function readAssignmentHash(hash: string): LinkReading {
  const encoded = new URLSearchParams(hash.replace(/^#/, '')).get('a')?.trim() ?? '';
  if (encoded === '') return { kind: 'missing' };
  try {
    return { kind: 'ok', assignment: decodeAssignment(encoded), encoded };
  } catch (error) {
    if (error instanceof ContentValidationError) {
      return {
        kind: 'damaged',
        message:
          'This link does not hold a valid assignment (it may come from a newer version of the site, or have been edited). Ask your instructor for the link again.',
        problems: error.problems,
      };
    }
    return { kind: 'damaged', message: error instanceof Error ? error.message : String(error), problems: [] };
  }
}
