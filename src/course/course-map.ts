/**
 * The course as the browser needs it for progress (the outline, the home page): lessons in
 * order with their URLs, titles and exercises. Built into those pages as JSON.
 */
import type { Course } from './course';

export interface CourseMap {
  lessons: {
    slug: string;
    url: string;
    title: string;
    /** The exercises the lesson places, in page order. */
    exercises: { id: string; title: string }[];
  }[];
}

/** The map of a course; `exerciseTitle` names an exercise by its id. */
export function courseMap(course: Course, exerciseTitle: (id: string) => string): CourseMap {
  return {
    lessons: course.lessons.map((lesson) => ({
      slug: lesson.slug,
      url: lesson.url,
      title: lesson.title,
      exercises: lesson.exercises.map((id) => ({ id, title: exerciseTitle(id) })),
    })),
  };
}

/** JSON safe inside a <script> element: no "<" that could close it or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
