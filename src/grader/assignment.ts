/**
 * Grading an assignment: reading assignment.json and the learners' submissions (one file,
 * a folder of them, or a folder of program files), then grading every program of every
 * learner through one runner, with one seed, so the reference solution runs once per
 * exercise (the caller passes a remembering reference runner).
 *
 * What is wrong with the instructor's input (assignment.json, the folder) is an InputError:
 * the CLI exits 2 with its message. What is wrong with one learner's submission is that
 * learner's problem: in a folder, their row says so and the others are graded.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { GradeOptions } from '../checks/grade';
import type { ProgramRunner } from '../checks/types';
import { maxPoints, parseAssignment, parseSubmission, type Assignment, type Submission } from '../schemas/assignment';
import { ContentValidationError } from '../schemas/parse';
import { findExercise } from '../checks/exercises';
import { gradeExercise, learnerGrade, type LearnerGrade, type ProgramToGrade } from './grading';

/** A problem with the grader's input that stops the grading (exit 2): the message names the file and the problem. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A file's text, or an InputError saying why it cannot be read. */
export function readText(file: string, what = 'file'): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? `it is a folder, not a ${what}` : (error as Error).message;
    throw new InputError(`Cannot read ${file}: ${why}.`);
  }
}

function readJson(file: string, what: string): unknown {
  const text = readText(file, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${file} is not valid JSON (${(error as Error).message}).`);
  }
}

/** The instructor's assignment.json, checked against the course: every exercise it lists must exist. */
export function readAssignment(file: string): Assignment {
  const data = readJson(file, 'assignment.json');
  let assignment: Assignment;
  try {
    assignment = parseAssignment(data, file);
  } catch (error) {
    if (error instanceof ContentValidationError) throw new InputError(error.message);
    throw error;
  }
  assignment.exercises.forEach((entry, index) => {
    if (!findExercise(entry.id))
      throw new InputError(
        `Invalid data in ${file}:\n  - exercises.${index}.id: there is no exercise "${entry.id}" in the course (list them with \`assoclab exercises\`).`,
      );
  });
  return assignment;
}

/** A learner's work as read: their submission, or why it cannot be graded. */
export interface LearnerWork {
  /** The file (or folder) it was read from. */
  file: string;
  /** The file's name without its extension: the name of the learner's report. */
  stem: string;
  submission?: Pick<Submission, 'learner' | 'submittedAt' | 'programs'> & {
    /** Per exercise, when the programs were files (--programs): each one's language and path. */
    languages?: Record<string, 'javascript' | 'typescript'>;
    files?: Record<string, string>;
  };
  problem?: string;
}

const stemOf = (file: string) => basename(file, extname(file));

/** Reads one submission for `assignment`; whatever is wrong with it becomes its `problem`. */
export function readSubmission(file: string, assignment: Assignment): LearnerWork {
  const stem = stemOf(file);
  try {
    const submission = parseSubmission(readJson(file, 'submission'), file);
    if (submission.assignment.id !== assignment.id)
      return {
        file,
        stem,
        problem: `${file} is a submission for another assignment: "${submission.assignment.title}" (${submission.assignment.id}), not "${assignment.title}" (${assignment.id}).`,
      };
    return { file, stem, submission };
  } catch (error) {
    if (error instanceof InputError || error instanceof ContentValidationError) return { file, stem, problem: error.message };
    throw error;
  }
}

/** The submissions (`*.json`) of a folder, by name; an InputError if it holds none. */
export function submissionFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw new InputError(`Cannot read the folder ${folder}: ${(error as Error).message}.`);
  }
  const files = names
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort()
    .map((name) => join(folder, name))
    .filter((file) => statSync(file).isFile());
  if (files.length === 0) throw new InputError(`${folder} holds no submissions: no *.json file in it.`);
  return files;
}

/**
 * One learner's programs as files in a folder, named by exercise (`<exercise-id>.js` or
 * `.ts`), as in a GitHub Classroom repository: an exercise without a file is missing.
 */
export function readProgramsFolder(folder: string, assignment: Assignment, learner: string): LearnerWork {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw new InputError(`Cannot read the folder ${folder}: ${(error as Error).message}.`);
  }
  const programs: Record<string, string> = {};
  const languages: Record<string, 'javascript' | 'typescript'> = {};
  const files: Record<string, string> = {};
  for (const { id } of assignment.exercises) {
    const name = [`${id}.js`, `${id}.mjs`, `${id}.ts`, `${id}.mts`].find((candidate) => names.includes(candidate));
    if (!name) continue;
    files[id] = join(folder, name);
    programs[id] = readText(files[id], 'program');
    languages[id] = /\.m?ts$/.test(name) ? 'typescript' : 'javascript';
  }
  return { file: folder, stem: stemOf(folder), submission: { learner: { name: learner }, submittedAt: new Date().toISOString(), programs, languages, files } };
}

export interface AssignmentGradingOptions extends Pick<GradeOptions, 'seed' | 'timeBudgetMs' | 'referenceRunner'> {
  /** Called after each program is graded, with how many are graded of how many. */
  onProgress?(done: number, total: number): void;
}

/** How many programs grading `work` runs (for a progress bar). */
export function programCount(assignment: Assignment, work: readonly LearnerWork[]): number {
  return work.reduce((sum, learner) => sum + assignment.exercises.filter(({ id }) => learner.submission?.programs[id] !== undefined).length, 0);
}

/** Grades every learner's programs, all at once through `runner` (its pool decides how many run together). */
export async function gradeAssignment(
  assignment: Assignment,
  work: readonly LearnerWork[],
  runner: ProgramRunner,
  options: AssignmentGradingOptions,
): Promise<LearnerGrade[]> {
  const total = programCount(assignment, work);
  let done = 0;
  options.onProgress?.(0, total);
  return Promise.all(
    work.map(async (learner) => {
      const programs: ProgramToGrade[] = assignment.exercises.map(({ id, points }) => {
        const source = learner.problem ? undefined : learner.submission?.programs[id];
        const file = learner.submission?.files?.[id];
        return {
          exerciseId: id,
          points,
          ...(source !== undefined ? { source, language: learner.submission?.languages?.[id] ?? 'javascript' } : {}),
          ...(file ? { file } : {}),
        };
      });
      const exercises = await Promise.all(
        programs.map(async (program) => {
          const grade = await gradeExercise(program, runner, options);
          if (program.source !== undefined) options.onProgress?.(++done, total);
          return grade;
        }),
      );
      return learnerGrade(
        {
          name: learner.submission?.learner.name ?? learner.stem,
          file: learner.file,
          ...(learner.submission?.submittedAt ? { submittedAt: learner.submission.submittedAt } : {}),
          ...(learner.problem ? { problem: learner.problem } : {}),
        },
        exercises,
      );
    }),
  );
}

export { maxPoints };
