/**
 * One exercise = one folder, `lessons/NN-part/NN-lesson/_exercises/<id>/`:
 *
 *   exercise.ts       `export default defineExercise({ title, checks, ... })`
 *   instructions.md   what to do (markdown)
 *   hints.md          hints, gentlest first, separated by lines holding only `---`
 *   starter.js        the program the learner starts from
 *   solution.js       the reference solution
 *
 * The id is the folder's name. This module turns the files of the folders (however the
 * host found them: Vite's import.meta.glob in the site, Vitest and the CLI) into parsed
 * exercises, with a message naming the folder for anything missing or wrong.
 */
import { parseExercise, type Exercise, type ExerciseDefinition } from '../schemas/exercise';
import { ContentValidationError } from '../schemas/parse';

const EXERCISE_FILES = {
  definition: 'exercise.ts',
  instructions: 'instructions.md',
  hints: 'hints.md',
  starter: 'starter.js',
  solution: 'solution.js',
} as const;

/** The files of one exercise folder, as found. */
export interface ExerciseFolder {
  /** `lessons/NN-part/NN-lesson/_exercises/<id>`, relative to the repository root. */
  dir: string;
  /** The default export of exercise.ts, when the file exists. */
  definition?: ExerciseDefinition | undefined;
  /** The text of every other file, by file name. */
  texts: Record<string, string>;
}

export interface RegisteredExercise {
  exercise: Exercise;
  /** `NN-part/NN-lesson`, the lesson folder the exercise sits in. */
  lesson: string;
  /** The exercise's folder, relative to the repository root. */
  dir: string;
  /** The definition file, relative to the repository root. */
  file: string;
}

const FOLDER = /^lessons\/([^/]+\/[^/]+)\/_exercises\/([^/]+)$/;

/** Splits hints.md into hints: a line holding only `---` separates two hints. */
export function splitHints(markdown: string): string[] {
  return markdown
    .split(/^---[ \t]*$/m)
    .map((hint) => hint.trim())
    .filter(Boolean);
}

/** Groups file paths (`…/lessons/a/b/_exercises/id/file`) by their exercise folder. */
function folderOf(path: string): { dir: string; name: string } {
  const normalised = path.replace(/\\/g, '/');
  const at = normalised.lastIndexOf('lessons/');
  const relative = at >= 0 ? normalised.slice(at) : normalised;
  const slash = relative.lastIndexOf('/');
  return { dir: relative.slice(0, slash), name: relative.slice(slash + 1) };
}

function exerciseFromFolder(folder: ExerciseFolder): RegisteredExercise {
  const file = `${folder.dir}/${EXERCISE_FILES.definition}`;
  const match = FOLDER.exec(folder.dir);
  if (!match) {
    throw new ContentValidationError(folder.dir, ['(location): exercises live in lessons/NN-part/NN-lesson/_exercises/<id>/']);
  }
  const [, lesson = '', id = ''] = match;
  const missing = [EXERCISE_FILES.definition, EXERCISE_FILES.instructions, EXERCISE_FILES.starter, EXERCISE_FILES.solution].filter((name) =>
    name === EXERCISE_FILES.definition ? !folder.definition : folder.texts[name] === undefined,
  );
  if (missing.length) {
    throw new ContentValidationError(folder.dir, [
      `(files): missing ${missing.join(', ')}; an exercise folder holds ${Object.values(EXERCISE_FILES).join(', ')}`,
    ]);
  }
  const definition = folder.definition as ExerciseDefinition & Record<string, unknown>;
  const fromFiles = ['id', 'instructions', 'hints', 'starter', 'solution'].filter((key) => key in definition);
  if (fromFiles.length) {
    throw new ContentValidationError(
      file,
      fromFiles.map((key) => `${key}: comes from ${key === 'id' ? 'the folder name' : 'its own file in the folder'}; remove it from exercise.ts`),
    );
  }
  const exercise = parseExercise(
    {
      ...definition,
      id,
      instructions: folder.texts[EXERCISE_FILES.instructions]?.trim(),
      hints: splitHints(folder.texts[EXERCISE_FILES.hints] ?? ''),
      starter: folder.texts[EXERCISE_FILES.starter],
      solution: folder.texts[EXERCISE_FILES.solution],
    },
    file,
  );
  return { exercise, lesson, dir: folder.dir, file };
}

/** Parses every folder; ids are unique by construction within a lesson, and checked across lessons. */
export function exercisesFromFolders(folders: readonly ExerciseFolder[]): RegisteredExercise[] {
  const seen = new Map<string, string>();
  const sorted = [...folders].sort((a, b) => a.dir.localeCompare(b.dir, 'en', { numeric: true }));
  return sorted.map((folder) => {
    const entry = exerciseFromFolder(folder);
    const other = seen.get(entry.exercise.id);
    if (other)
      throw new ContentValidationError(entry.dir, [
        `id: the folder name "${entry.exercise.id}" is already used by ${other}; exercise ids are unique across the course`,
      ]);
    seen.set(entry.exercise.id, entry.dir);
    return entry;
  });
}

/** Builds folders from the two maps that import.meta.glob (or a test) gives: definitions and texts by path. */
export function foldersFromFiles(definitions: Record<string, ExerciseDefinition>, texts: Record<string, string>): ExerciseFolder[] {
  const folders = new Map<string, ExerciseFolder>();
  const folderFor = (path: string) => {
    const { dir, name } = folderOf(path);
    let folder = folders.get(dir);
    if (!folder) {
      folder = { dir, texts: {} };
      folders.set(dir, folder);
    }
    return { folder, name };
  };
  for (const [path, definition] of Object.entries(definitions)) folderFor(path).folder.definition = definition;
  for (const [path, text] of Object.entries(texts)) {
    const { folder, name } = folderFor(path);
    if (name !== EXERCISE_FILES.definition) folder.texts[name] = text;
  }
  return [...folders.values()];
}
