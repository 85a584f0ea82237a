/**
 * The lessons collection: every `lessons/NN-part/NN-lesson/index.mdx`. Files and folders
 * starting with `_` are lesson material (programs, exercises) and never become entries.
 * Entry ids keep the `NN-` prefixes (they set the order); URLs strip them (see
 * src/course/course.ts).
 */
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson';
import { parseWithFriendlyErrors } from './schemas/parse';

const LESSONS_BASE = './lessons';

/** The glob loader, with every lesson's frontmatter checked by parseWithFriendlyErrors first. */
function lessonsLoader(): Loader {
  const inner = glob({
    pattern: ['**/index.mdx', '!**/_*/**'],
    base: LESSONS_BASE,
    // `01-basics/01-has-many-belongs-to/index.mdx` -> `01-basics/01-has-many-belongs-to`
    generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, ''),
  });
  return {
    name: 'lessons-loader',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          // A bad lesson fails the build here, with a message naming the file and the field.
          const file = props.filePath ?? `lessons/${props.id}/index.mdx`;
          const shown = isAbsolute(file) ? relative(fileURLToPath(context.config.root), file) : file;
          parseWithFriendlyErrors(lessonSchema, props.data, shown);
          return context.parseData(props);
        },
      }),
  };
}

const lessons = defineCollection({
  loader: lessonsLoader(),
  schema: lessonSchema,
});

export const collections = { lessons };
