/**
 * What the assignment pages keep in the browser, under `assoclab:` keys like the rest of the
 * site's state. Storage that is off or full never breaks a page: reads give nothing, writes
 * are dropped (the page works for this visit).
 */
import type { Assignment } from '../../schemas/assignment';

const NAME_KEY = 'assoclab:learner-name';
const DRAFT_KEY = 'assoclab:assign-draft';
/** The assignment the learner last opened an exercise from (this tab only: sessionStorage). */
const CONTEXT_KEY = 'assoclab:assignment-context';

type Area = 'local' | 'session';

function area(which: Area): Storage | undefined {
  try {
    return which === 'local' ? localStorage : sessionStorage;
  } catch {
    return undefined;
  }
}

function get(which: Area, key: string): string | null {
  try {
    return area(which)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function set(which: Area, key: string, value: string | null): void {
  try {
    if (value === null) area(which)?.removeItem(key);
    else area(which)?.setItem(key, value);
  } catch {
    // Storage off or full: kept for this visit only.
  }
}

/** The learner's name, asked once and remembered for every assignment. */
export const learnerName = {
  get: (): string => get('local', NAME_KEY)?.trim() ?? '',
  set: (name: string): void => set('local', NAME_KEY, name.trim() === '' ? null : name.trim()),
};

/** The Assign page's form while the instructor edits (read with readDraft). */
export const draftStore = {
  get: (): string | null => get('local', DRAFT_KEY),
  set: (text: string | null): void => set('local', DRAFT_KEY, text),
};

/** Where "Back to the assignment" leads from a lesson, and which exercises it names. */
export interface AssignmentContext {
  title: string;
  /** The assignment page's URL, fragment included. */
  href: string;
  exercises: string[];
}

export const assignmentContext = {
  get(): AssignmentContext | undefined {
    const text = get('session', CONTEXT_KEY);
    if (text === null) return undefined;
    try {
      const value = JSON.parse(text) as Partial<AssignmentContext>;
      if (typeof value.title !== 'string' || typeof value.href !== 'string' || !Array.isArray(value.exercises)) return undefined;
      // Only a link to the assignment page of this site.
      if (!value.href.startsWith('/assignment/#')) return undefined;
      return { title: value.title, href: value.href, exercises: value.exercises.filter((id): id is string => typeof id === 'string') };
    } catch {
      return undefined;
    }
  },
  set(assignment: Assignment, href: string): void {
    const context: AssignmentContext = { title: assignment.title, href, exercises: assignment.exercises.map((entry) => entry.id) };
    set('session', CONTEXT_KEY, JSON.stringify(context));
  },
};
