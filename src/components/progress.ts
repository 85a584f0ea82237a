/**
 * The learner's progress, kept in localStorage under `assoclab:` keys. Pure browser code
 * with no framework: lesson pages mark visits, the exercise UI records every Check, the
 * outline and the home page read it. Every change dispatches `assoclab:progress` on window.
 *
 * Per exercise, one JSON record under `assoclab:exercise:<id>`:
 * - `status`: the best result so far. `solved` (all checks passed with the learner's own
 *   program) outranks `solved-with-solution` (passed after "Use this solution"), which
 *   outranks `todo`; a later Check never lowers it.
 * - `usingSolution`: the program in the editor came from "Use this solution" and has not
 *   been reset to the starter since; a pass while it is set counts as solved with the solution.
 * - `last`: the last Check's verdicts, shown again after a reload.
 *
 * `assoclab:last` holds what the learner last worked on (a lesson, and the exercise in it
 * they last ran, checked or asked help for): the home page's "Continue where you left off".
 * Records written before this format (`assoclab:exercise-done:<id>`, a date) read as solved.
 */

export const PROGRESS_EVENT = 'assoclab:progress';
const PREFIX = 'assoclab:';
const VISITED_PREFIX = `${PREFIX}visited:`;
const EXERCISE_PREFIX = `${PREFIX}exercise:`;
const LEGACY_DONE_PREFIX = `${PREFIX}exercise-done:`;
const LAST_KEY = `${PREFIX}last`;

export type ExerciseStatus = 'todo' | 'solved' | 'solved-with-solution';

/** One check's last verdict, as the exercise UI shows it. */
export interface SavedCheck {
  id: string;
  passed: boolean;
  message?: string;
  expected?: string;
  found?: string;
  /** Not judged: the program stopped before the work the check asks about. */
  notJudged?: true;
}

/** The error that stopped the checked program, if one did. */
export interface SavedRunError {
  kind: string;
  name: string;
  message: string;
  line?: number;
}

/** The last Check of an exercise. */
export interface SavedVerdicts {
  /** When it ran (ISO date). */
  at: string;
  /** Every check passed. */
  passed: boolean;
  /** A hash of the checked program (see sourceHash), to tell whether it was edited since. */
  source: string;
  checks: SavedCheck[];
  runError?: SavedRunError;
}

export interface ExerciseRecord {
  status: ExerciseStatus;
  /** When the current status was first reached (ISO date). */
  solvedAt?: string;
  usingSolution?: boolean;
  last?: SavedVerdicts;
}

/** Where the learner was last: a lesson slug, and the exercise they last worked on in it. */
export interface LastWorkedOn {
  lesson: string;
  exercise?: string;
  at: string;
}

export interface ProgressChange {
  kind: 'lesson-visited' | 'exercise' | 'last-worked-on';
  /** The lesson slug or the exercise id. */
  id: string;
}

declare global {
  interface WindowEventMap {
    'assoclab:progress': CustomEvent<ProgressChange>;
  }
}

/** The part of the Storage interface progress needs (localStorage, or a Map in tests). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

const RANK: Record<ExerciseStatus, number> = { todo: 0, 'solved-with-solution': 1, solved: 2 };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Rebuilds a saved check from stored JSON, or undefined when it is not one. */
function readCheck(value: unknown): SavedCheck | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.passed !== 'boolean') return undefined;
  const check: SavedCheck = { id: value.id, passed: value.passed };
  for (const field of ['message', 'expected', 'found'] as const) {
    const text = optionalString(value[field]);
    if (text !== undefined) check[field] = text;
  }
  if (value.notJudged === true) check.notJudged = true;
  return check;
}

function readVerdicts(value: unknown): SavedVerdicts | undefined {
  if (!isRecord(value) || typeof value.at !== 'string' || typeof value.passed !== 'boolean' || !Array.isArray(value.checks)) return undefined;
  const checks = value.checks.map(readCheck).filter((check): check is SavedCheck => check !== undefined);
  const verdicts: SavedVerdicts = { at: value.at, passed: value.passed, source: optionalString(value.source) ?? '', checks };
  const error = value.runError;
  if (isRecord(error) && typeof error.kind === 'string' && typeof error.name === 'string' && typeof error.message === 'string') {
    verdicts.runError = { kind: error.kind, name: error.name, message: error.message };
    if (typeof error.line === 'number') verdicts.runError.line = error.line;
  }
  return verdicts;
}

/** A short, stable hash of a program's text (FNV-1a, 32 bits), to notice edits after a Check. */
export function sourceHash(source: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < source.length; index++) {
    hash ^= source.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * The progress store over a storage. Storage that throws (disabled, full, a sandboxed frame)
 * never breaks the page: reads give "no progress", writes are dropped but still announced,
 * so the page can show the change for this visit.
 */
export class ProgressStore {
  constructor(
    private readonly storage: () => ProgressStorage | undefined,
    private readonly announce: (change: ProgressChange) => void = () => undefined,
  ) {}

  private get(key: string): string | null {
    try {
      return this.storage()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private set(key: string, value: string): void {
    try {
      this.storage()?.setItem(key, value);
    } catch {
      // Quota exceeded or storage disabled: progress lasts for this page only.
    }
  }

  markLessonVisited(slug: string): void {
    const last = this.lastWorkedOn();
    // Back in the same lesson: keep the exercise they were on.
    this.setLastWorkedOn(last?.lesson === slug ? { lesson: slug, exercise: last.exercise } : { lesson: slug });
    if (this.get(VISITED_PREFIX + slug) !== null) return;
    this.set(VISITED_PREFIX + slug, new Date().toISOString());
    this.announce({ kind: 'lesson-visited', id: slug });
  }

  isLessonVisited(slug: string): boolean {
    return this.get(VISITED_PREFIX + slug) !== null;
  }

  exercise(id: string): ExerciseRecord {
    const text = this.get(EXERCISE_PREFIX + id);
    let stored: unknown;
    try {
      stored = text === null ? undefined : JSON.parse(text);
    } catch {
      stored = undefined;
    }
    const record: ExerciseRecord = { status: 'todo' };
    if (isRecord(stored)) {
      if (stored.status === 'solved' || stored.status === 'solved-with-solution') record.status = stored.status;
      const solvedAt = optionalString(stored.solvedAt);
      if (solvedAt !== undefined) record.solvedAt = solvedAt;
      if (stored.usingSolution === true) record.usingSolution = true;
      const last = readVerdicts(stored.last);
      if (last) record.last = last;
    }
    const legacy = this.get(LEGACY_DONE_PREFIX + id);
    if (legacy !== null && record.status !== 'solved') {
      record.status = 'solved';
      record.solvedAt = legacy;
    }
    return record;
  }

  exerciseStatus(id: string): ExerciseStatus {
    return this.exercise(id).status;
  }

  private saveExercise(id: string, record: ExerciseRecord): void {
    this.set(EXERCISE_PREFIX + id, JSON.stringify(record));
    this.announce({ kind: 'exercise', id });
  }

  /**
   * Records a Check: its verdicts become the exercise's last ones, and a pass raises the
   * status (to solved-with-solution while the program is the pasted solution). Returns the
   * record as saved.
   */
  recordCheck(id: string, verdicts: SavedVerdicts): ExerciseRecord {
    const record = this.exercise(id);
    record.last = verdicts;
    if (verdicts.passed) {
      const reached: ExerciseStatus = record.usingSolution ? 'solved-with-solution' : 'solved';
      if (RANK[reached] > RANK[record.status]) {
        record.status = reached;
        record.solvedAt = verdicts.at;
      }
    }
    this.saveExercise(id, record);
    return record;
  }

  /** "Use this solution" put the solution in the editor (true), or Reset brought back the starter (false). */
  setUsingSolution(id: string, using: boolean): void {
    const record = this.exercise(id);
    if (Boolean(record.usingSolution) === using) return;
    if (using) record.usingSolution = true;
    else delete record.usingSolution;
    this.saveExercise(id, record);
  }

  lastWorkedOn(): LastWorkedOn | undefined {
    const text = this.get(LAST_KEY);
    if (text === null) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      if (!isRecord(value) || typeof value.lesson !== 'string') return undefined;
      const last: LastWorkedOn = { lesson: value.lesson, at: optionalString(value.at) ?? '' };
      const exercise = optionalString(value.exercise);
      if (exercise !== undefined) last.exercise = exercise;
      return last;
    } catch {
      return undefined;
    }
  }

  /** Notes the lesson (and exercise) the learner is working on now. */
  setLastWorkedOn(place: { lesson: string; exercise?: string | undefined }): void {
    const last: LastWorkedOn = { lesson: place.lesson, at: new Date().toISOString() };
    if (place.exercise !== undefined) last.exercise = place.exercise;
    this.set(LAST_KEY, JSON.stringify(last));
    this.announce({ kind: 'last-worked-on', id: place.exercise ?? place.lesson });
  }
}

function browserStorage(): ProgressStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames): progress is then not kept.
    return undefined;
  }
}

/** The page's progress, in localStorage, announced on window. */
export const progress = new ProgressStore(browserStorage, (change) => {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: change }));
});

/** Calls `render` whenever progress may have changed: in this page, in another tab, or on a return through the back button. */
export function onProgressChange(render: () => void): void {
  window.addEventListener(PROGRESS_EVENT, render);
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith(PREFIX)) render();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) render();
  });
}

/** Where a set of exercises stands: how many are solved, and how many of those with the solution. */
export interface ExerciseTally {
  total: number;
  /** Solved either way. */
  completed: number;
  /** Of `completed`, solved with the solution. */
  withSolution: number;
}

export function tallyExercises(store: ProgressStore, ids: readonly string[]): ExerciseTally {
  let completed = 0;
  let withSolution = 0;
  for (const id of ids) {
    const status = store.exerciseStatus(id);
    if (status !== 'todo') completed += 1;
    if (status === 'solved-with-solution') withSolution += 1;
  }
  return { total: ids.length, completed, withSolution };
}

/** "2 of 3 exercises solved (1 with the solution)". */
export function describeTally(tally: ExerciseTally): string {
  const noun = tally.total === 1 ? 'exercise' : 'exercises';
  const assisted = tally.withSolution > 0 ? ` (${tally.withSolution} with the solution)` : '';
  return `${tally.completed} of ${tally.total} ${noun} solved${assisted}`;
}
