/**
 * The assignment an instructor is making on the Assign page: the form's values as typed
 * (kept in localStorage while they edit), and the assignment they make, or what is still
 * missing, field by field, for the page to show beside each field.
 */
import { ASSIGNMENT_FORMAT, assignmentSchema, type Assignment } from '../../schemas/assignment';

export interface Draft {
  /** Made once (newAssignmentId), kept while the instructor edits: submissions name it. */
  id: string;
  title: string;
  /** `YYYY-MM-DD` from the date field, or '' for no due date. */
  due: string;
  /** The picked exercises' ids (any order: the assignment lists them in course order). */
  picked: string[];
  /** Points per exercise as typed, kept for an exercise unpicked and picked again. */
  points: Record<string, string>;
}

export const DEFAULT_POINTS = 10;
export const MAX_POINTS = 1000;
const MAX_TITLE = 200;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 10 random URL-safe characters (64^10: never the same twice in practice). */
export function newAssignmentId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return Array.from(random(new Uint8Array(10)), (byte) => ID_ALPHABET[byte % 64]).join('');
}

export function emptyDraft(id = newAssignmentId()): Draft {
  return { id, title: '', due: '', picked: [], points: {} };
}

/** What is wrong with one field: `title`, `due`, `exercises` or `points:<exercise id>`. */
export interface Problem {
  field: string;
  message: string;
}

export type DraftResult = { ok: true; assignment: Assignment } | { ok: false; problems: Problem[] };

/** The points typed for an exercise, as a number, or undefined when they are not a whole number from 1 to 1000. */
export function pointsOf(draft: Draft, id: string): number | undefined {
  const text = (draft.points[id] ?? String(DEFAULT_POINTS)).trim();
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= MAX_POINTS ? value : undefined;
}

/**
 * The assignment the draft makes, its exercises in `order` (the catalogue's, which is the
 * course's), or every problem in it. `titleOf` names an exercise in a message.
 */
export function draftToAssignment(draft: Draft, order: readonly string[], titleOf: (id: string) => string = (id) => id): DraftResult {
  const problems: Problem[] = [];
  const title = draft.title.trim();
  if (title === '') problems.push({ field: 'title', message: 'Give the assignment a title.' });
  else if (title.length > MAX_TITLE) problems.push({ field: 'title', message: `Shorten the title to ${MAX_TITLE} characters or fewer.` });
  if (draft.due !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(draft.due) || Number.isNaN(Date.parse(draft.due)))) {
    problems.push({ field: 'due', message: 'Pick a due date from the calendar, or leave it empty.' });
  }
  const picked = new Set(draft.picked);
  const ids = order.filter((id) => picked.has(id));
  if (ids.length === 0) problems.push({ field: 'exercises', message: 'Pick at least one exercise.' });
  const exercises = ids.map((id) => {
    const points = pointsOf(draft, id);
    if (points === undefined) problems.push({ field: `points:${id}`, message: `Points for “${titleOf(id)}” must be a whole number from 1 to ${MAX_POINTS}.` });
    return { id, points: points ?? 0 };
  });
  if (problems.length > 0) return { ok: false, problems };

  const assignment: Assignment = { format: ASSIGNMENT_FORMAT, version: 1, id: draft.id, title, exercises };
  if (draft.due !== '') assignment.due = draft.due;
  const checked = assignmentSchema.safeParse(assignment);
  if (!checked.success) return { ok: false, problems: checked.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })) };
  return { ok: true, assignment: checked.data };
}

/** A draft from storage, or undefined when it is missing or not one (a fresh draft is made then). */
export function readDraft(text: string | null): Draft | undefined {
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  if (typeof data.id !== 'string' || !/^[A-Za-z0-9_-]{4,64}$/.test(data.id)) return undefined;
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  const points: Record<string, string> = {};
  if (typeof data.points === 'object' && data.points !== null) {
    for (const [id, text] of Object.entries(data.points)) if (typeof text === 'string') points[id] = text;
  }
  return {
    id: data.id,
    title: typeof data.title === 'string' ? data.title : '',
    due: typeof data.due === 'string' ? data.due : '',
    picked: strings(data.picked),
    points,
  };
}
