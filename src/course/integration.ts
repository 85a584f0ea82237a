/**
 * The Astro integration that checks the course before anything is bundled: every
 * `<Exercise id>` names an exercise of its own lesson, once, and every exercise is placed.
 * A problem stops `astro build` (and `astro dev`) in a second, naming the file and line.
 * While `astro dev` runs, the check runs again whenever a lesson or an exercise folder
 * changes, and a problem is shown in the terminal and in the browser's error overlay.
 */
import type { AstroIntegration } from 'astro';
// astro/errors exports its user error (message and hint, no stack trace) as AstroError.
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { readCourseSources } from './course-files';
import { exercisePlacementProblems } from './placements';

const HINT =
  'An exercise is a folder lessons/NN-part/NN-lesson/_exercises/<id>/, placed once by that lesson with <Exercise id="<id>" />. See docs/writing-lessons.md.';

/** The problems of the course under `root`, as one message; undefined when there are none. */
function placementMessage(root: string): string | undefined {
  const { lessons, exercises } = readCourseSources(root);
  const problems = exercisePlacementProblems(lessons, exercises);
  return problems.length ? `Exercises are misplaced:\n${problems.map((problem) => `  - ${problem}`).join('\n')}` : undefined;
}

export function courseChecks(): AstroIntegration {
  let root = '';
  return {
    name: 'assoclab-course-checks',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        const message = placementMessage(root);
        // A user error: Astro prints the message and the hint, without a stack trace into our code.
        if (message) throw new AstroError(message, HINT);
      },
      'astro:server:setup': ({ server, logger }) => {
        let pending: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!/[\\/]lessons[\\/]/.test(path) || !/index\.mdx$|[\\/]_exercises[\\/]/.test(path)) return;
          // A save often touches several files at once: check once they are all written.
          clearTimeout(pending);
          pending = setTimeout(() => {
            const message = placementMessage(root);
            if (!message) return;
            logger.error(`${message}\n${HINT}`);
            server.hot.send({ type: 'error', err: { message: `${message}\n\n${HINT}`, stack: '' } });
          }, 150);
        });
      },
    },
  };
}
