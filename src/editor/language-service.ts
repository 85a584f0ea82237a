/**
 * When Monaco's TypeScript language service starts. It runs in a worker that loads the
 * TypeScript compiler and reads Sequelize's typings: about two seconds of a core. Started
 * with the first editor, as Monaco does, it took that core while the page was also starting
 * the runtime and the exercise's first Check, and on a two-core machine the page's own
 * tasks, a Check's verdicts among them, lasted three times their work while they waited
 * for a core (`npm run bench -- --check`, with the service held back among the other
 * changes of that stop: the longest task of a first Check went from 155-340 ms to 90-130 ms,
 * median of pages).
 *
 * So it starts when the learner reaches into the code: focus in an editor's text (typing,
 * completion, signature help all come after it), or the pointer resting on a word (a hover
 * asks for its type); or once the page has been quiet a while after an editor loaded (no
 * Run, no Check), so that a learner who reads first finds completion ready (started at
 * focus, the first list took 3.8 s here). Until then, what Monaco asks of the service (the
 * syntax check of a new model) waits; nothing is lost.
 */
import type { Monaco } from './monaco';
import { whenIdle } from '../components/playground/breather';

let start: () => void = () => undefined;
let isStarted = false;
const started = new Promise<void>((resolve) => {
  start = () => {
    isStarted = true;
    resolve();
  };
});

/** The learner reached into the code: the language service may start now (once per page). */
export function startLanguageService(): void {
  start();
}

/** How long the page must be without a Run or a Check before the service starts by itself (ms). */
const QUIET_MS = 4_000;
let quietTimer: ReturnType<typeof setTimeout> | undefined;
let armed = false;

function waitForQuiet(): void {
  clearTimeout(quietTimer);
  quietTimer = setTimeout(() => void whenIdle(2_000).then(() => start()), QUIET_MS);
}

/** An editor is in place: the service starts by itself once the page has been quiet for QUIET_MS. */
export function startLanguageServiceWhenQuiet(): void {
  if (isStarted) return;
  armed = true;
  waitForQuiet();
}

/** A Run or a Check began: it has the cores, and the quiet wait starts again from now. */
export function languageServiceWaitsForQuiet(): void {
  if (armed && !isStarted) waitForQuiet();
}

/** Creates the language service's worker once the service may start (MonacoEnvironment.getWorker). */
export function languageServiceWorker(create: () => Worker): Promise<Worker> {
  return started.then(create);
}

let hoversWatched = false;

/** A hover over JavaScript or TypeScript starts the service (Monaco's own hover provider then answers). */
export function startLanguageServiceOnHover(monaco: Monaco): void {
  if (hoversWatched) return;
  hoversWatched = true;
  for (const languageId of ['javascript', 'typescript']) {
    monaco.languages.registerHoverProvider(languageId, {
      provideHover() {
        startLanguageService();
        return null;
      },
    });
  }
}
