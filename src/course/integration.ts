/**
 * The Astro integration that checks the course before anything is bundled: every
 * `<Exercise id>` names an exercise of its own lesson, once, and every exercise is placed.
 * A problem stops `astro build` (and `astro dev`) in a second, naming the file and line.
 */
import type { AstroIntegration } from 'astro';
// astro/errors exports its user error (message and hint, no stack trace) as AstroError.
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { readCourseSources } from './course-files';
import { exercisePlacementProblems } from './placements';

export function courseChecks(): AstroIntegration {
  return {
    name: 'assoclab-course-checks',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const { lessons, exercises } = readCourseSources(fileURLToPath(config.root));
        const problems = exercisePlacementProblems(lessons, exercises);
        if (problems.length) {
          // A user error: Astro prints the message and the hint, without a stack trace into our code.
          throw new AstroError(
            `Exercises are misplaced:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
            'An exercise is a folder lessons/NN-part/NN-lesson/_exercises/<id>/, placed once by that lesson with <Exercise id="<id>" />. See docs/writing-lessons.md.',
          );
        }
      },
    },
  };
}
