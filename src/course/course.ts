/**
 * The course as the site sees it: parts and lessons in order, with their URLs.
 * Order comes from the `NN-` prefixes of the folders; URLs strip them:
 * `lessons/01-basics/01-has-many-belongs-to` -> `/lessons/basics/has-many-belongs-to/`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lesson } from '../schemas/lesson';
import { ContentValidationError } from '../schemas/parse';
import { placedExerciseIds } from './placements';

export type LessonEntry = CollectionEntry<'lessons'>;

export interface CourseLesson {
  entry: LessonEntry;
  /** URL slug without prefixes: `basics/has-many-belongs-to`. */
  slug: string;
  url: string;
  title: string;
  description: string;
  /** The ids of the exercises the lesson places with `<Exercise id>`, in page order. */
  exercises: string[];
  /** True when this lesson's frontmatter names its part. */
  partGiven: boolean;
  /** 1-based number across the whole course. */
  number: number;
  part: CoursePart;
}

export interface CoursePart {
  /** URL slug of the part folder: `basics`. */
  slug: string;
  title: string;
  /** 1-based. */
  number: number;
  lessons: CourseLesson[];
}

export interface Course {
  parts: CoursePart[];
  lessons: CourseLesson[];
}

const PREFIX = /^\d+-/;

export function stripPrefix(segment: string): string {
  return segment.replace(PREFIX, '');
}

function humanise(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function lessonUrl(slug: string): string {
  return `/lessons/${slug}/`;
}

/** Builds the course from the collection; inconsistent lessons fail the build with a clear message. */
export async function getCourse(): Promise<Course> {
  const entries: LessonEntry[] = await getCollection('lessons');
  entries.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const parts = new Map<string, CoursePart>();
  const lessons: CourseLesson[] = [];
  const slugs = new Set<string>();

  for (const entry of entries) {
    const file = `lessons/${entry.id}/index.mdx`;
    const data: Lesson = entry.data;
    const segments: string[] = entry.id.split('/');
    if (segments.length !== 2 || !segments.every((segment) => PREFIX.test(segment))) {
      throw new ContentValidationError(file, ['(location): lessons live at lessons/NN-part-slug/NN-lesson-slug/index.mdx']);
    }
    const [partFolder = '', lessonFolder = ''] = segments;
    const partSlug = stripPrefix(partFolder);
    let part = parts.get(partFolder);
    if (!part) {
      part = { slug: partSlug, title: data.part ?? humanise(partSlug), number: parts.size + 1, lessons: [] };
      parts.set(partFolder, part);
    } else if (data.part && data.part !== part.title) {
      if (part.lessons.some((lesson) => lesson.partGiven)) {
        throw new ContentValidationError(file, [`part: "${data.part}" differs from "${part.title}" given by another lesson of ${partFolder}`]);
      }
      part.title = data.part;
    }
    const slug = `${partSlug}/${stripPrefix(lessonFolder)}`;
    if (slugs.has(slug)) throw new ContentValidationError(file, [`(location): another lesson already has the URL ${lessonUrl(slug)}`]);
    slugs.add(slug);
    const lesson: CourseLesson = {
      entry,
      slug,
      url: lessonUrl(slug),
      title: data.title,
      description: data.description,
      // Placement itself (known ids, own lesson, once each) is checked before the build: ./integration.ts.
      exercises: placedExerciseIds({ lesson: entry.id, file, body: entry.body ?? '' }),
      partGiven: data.part !== undefined,
      number: lessons.length + 1,
      part,
    };
    part.lessons.push(lesson);
    lessons.push(lesson);
  }
  return { parts: [...parts.values()], lessons };
}
