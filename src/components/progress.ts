/**
 * The learner's progress, kept in localStorage under `assoclab:` keys. Pure browser code
 * with no framework: the outline reads it, lesson pages mark visits, the exercise UI marks
 * exercises done. Every change dispatches `assoclab:progress` on window.
 */

export const PROGRESS_EVENT = 'assoclab:progress';
const VISITED_PREFIX = 'assoclab:visited:';
const DONE_PREFIX = 'assoclab:exercise-done:';

export interface ProgressChange {
  kind: 'lesson-visited' | 'exercise-done';
  /** The lesson slug or the exercise id. */
  id: string;
}

declare global {
  interface WindowEventMap {
    'assoclab:progress': CustomEvent<ProgressChange>;
  }
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames): progress is then not kept.
    return undefined;
  }
}

function read(key: string): boolean {
  try {
    return (storage()?.getItem(key) ?? null) !== null;
  } catch {
    return false;
  }
}

function write(key: string, change: ProgressChange): void {
  if (read(key)) return;
  try {
    storage()?.setItem(key, new Date().toISOString());
  } catch {
    // Quota exceeded or storage disabled: still tell the page, which can show it for this visit.
  }
  if (typeof window !== 'undefined') {
    window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: change }));
  }
}

export function markLessonVisited(slug: string): void {
  write(VISITED_PREFIX + slug, { kind: 'lesson-visited', id: slug });
}

export function isLessonVisited(slug: string): boolean {
  return read(VISITED_PREFIX + slug);
}

export function markExerciseDone(exerciseId: string): void {
  write(DONE_PREFIX + exerciseId, { kind: 'exercise-done', id: exerciseId });
}

export function isExerciseDone(exerciseId: string): boolean {
  return read(DONE_PREFIX + exerciseId);
}
