/**
 * The lesson schema: the frontmatter of `lessons/NN-part/NN-lesson/index.mdx`.
 * Schemas only, no behaviour: the site, the grader and the tests all parse lessons with it
 * through `parseWithFriendlyErrors` (./parse.ts).
 */
import { z } from 'zod';
import { topicIdSchema } from './topics';

/** An exercise id: lower-case words joined by dashes, e.g. `basics-first-post`. */
export const exerciseIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes, like `basics-first-post`')
  .describe('The id of an exercise, unique across the whole course (lower-case, dash-separated).');

export const lessonLanguageSchema = z.enum(['javascript', 'typescript']).describe('The language the lesson’s programs are written in.');

export const lessonSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').describe('The lesson’s title, shown as its heading, in the outline and in search results.'),
    description: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .describe('One or two sentences saying what the lesson teaches; used for the outline and the page’s meta description.'),
    part: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .optional()
      .describe(
        'The title of the part (the `NN-part-slug` folder) this lesson belongs to. Give it on at least one lesson of the part; ' +
          'when omitted everywhere, the folder name is used ("01-basics" becomes "Basics"). Lessons of one part must agree.',
      ),
    topics: z
      .array(topicIdSchema)
      .min(1, 'name at least one topic')
      .describe('The course topics this lesson teaches (src/schemas/topics.ts); a test checks that every topic has a lesson.'),
    language: lessonLanguageSchema
      .default('javascript')
      .describe('The language of the lesson’s programs and playgrounds: `javascript` (default) or `typescript`.'),
  })
  .strict()
  .describe('The frontmatter of one lesson (index.mdx).');

/** Lesson frontmatter as written by an author (defaults not applied yet). */
export type LessonInput = z.input<typeof lessonSchema>;
/** Lesson frontmatter after parsing (defaults applied). */
export type Lesson = z.infer<typeof lessonSchema>;
export type LessonLanguage = z.infer<typeof lessonLanguageSchema>;
