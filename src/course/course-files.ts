/**
 * Reads the course's lessons and exercise folders from disk (Node only), for the checks
 * that run before the site is bundled: see ./integration.ts and ./placements.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExerciseLocation, LessonSource } from './placements';

const folders = (path: string): string[] =>
  existsSync(path)
    ? readdirSync(path, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    : [];

/** Splits YAML frontmatter off an MDX file; `lineOffset` counts the lines before the body. */
export function splitFrontmatter(text: string): { body: string; lineOffset: number } {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { body: text, lineOffset: 0 };
  return { body: text.slice(match[0].length), lineOffset: match[0].split('\n').length - 1 };
}

/** Every lesson (`lessons/NN-part/NN-lesson/index.mdx`) and exercise folder under `root`. */
export function readCourseSources(root: string): { lessons: LessonSource[]; exercises: ExerciseLocation[] } {
  const lessons: LessonSource[] = [];
  const exercises: ExerciseLocation[] = [];
  const lessonsDir = join(root, 'lessons');
  for (const part of folders(lessonsDir).filter((name) => !name.startsWith('_'))) {
    for (const lessonFolder of folders(join(lessonsDir, part)).filter((name) => !name.startsWith('_'))) {
      const lesson = `${part}/${lessonFolder}`;
      const file = `lessons/${lesson}/index.mdx`;
      if (existsSync(join(root, file))) lessons.push({ lesson, file, ...splitFrontmatter(readFileSync(join(root, file), 'utf8')) });
      for (const id of folders(join(lessonsDir, part, lessonFolder, '_exercises'))) {
        exercises.push({ id, lesson, dir: `lessons/${lesson}/_exercises/${id}` });
      }
    }
  }
  return { lessons, exercises };
}
