/**
 * The course covers every topic (src/schemas/topics.ts): each has a lesson that names it
 * in its frontmatter and at least one exercise; the course has at least 20 exercises.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exercises } from '../checks/exercises';
import { lessonSchema } from '../schemas/lesson';
import { TOPICS } from '../schemas/topics';
import { readCourseSources } from './course-files';

const root = fileURLToPath(new URL('../..', import.meta.url));

const lessonTopics = readCourseSources(root).lessons.map((lesson) => {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(root, lesson.file), 'utf8'))?.[1] ?? '';
  return { file: lesson.file, topics: lessonSchema.parse(parse(frontmatter)).topics };
});

describe.each(TOPICS.map((topic) => [topic.id] as const))('the topic %s', (id) => {
  it('is taught by a lesson', () => {
    expect(lessonTopics.filter((lesson) => lesson.topics.includes(id)).map((lesson) => lesson.file)).not.toEqual([]);
  });

  it('is practised by an exercise', () => {
    expect(
      exercises()
        .filter((entry) => entry.exercise.topic === id)
        .map((entry) => entry.exercise.id),
    ).not.toEqual([]);
  });
});

it('has at least 20 exercises, at least 5 of them "fix this broken program"', () => {
  expect(exercises().length).toBeGreaterThanOrEqual(20);
  expect(exercises().filter((entry) => entry.exercise.kind === 'fix').length).toBeGreaterThanOrEqual(5);
});
