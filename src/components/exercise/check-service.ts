/**
 * The page's Check, shared by every exercise on it and kept warm so that Check answers as
 * fast as Run:
 * - a worker loaded in advance waits for the next Check (each Check's program still gets a
 *   worker that ran nothing before);
 * - the reference solution runs once per exercise and page: the page draws its hidden seed
 *   once, and the solution with the same seed answers the same, so its answer is kept;
 * - prepare() does both ahead of the first Check, when an exercise comes into view.
 * The grading modules load on first use, so a page that never checks never loads them.
 */
import type { Exercise } from '../../schemas/exercise';
import type { GradeReport } from '../../checks/grade';
import type { ProgramRunner } from '../../checks/types';
import type { WarmCheckRunner } from '../../runtime/protocol/check-runner';

interface Service {
  grade(exercise: Exercise, source: string): Promise<GradeReport>;
  prepare(exercise: Exercise, first: boolean): void;
  checkShown(): void;
}

let service: Promise<Service> | undefined;

/** How long the first waiting worker stays cold after it is ready (ms); later ones warm up at once. */
const FIRST_WARM_UP_AFTER_MS = 4_000;

function loadService(): Promise<Service> {
  service ??= Promise.all([import('../../checks/grade'), import('../../runtime/protocol/check-runner'), import('../../runtime/worker/launch')]).then(
    ([{ checkRequest, gradeProgram, probesOf, randomSeed }, { createCheckRunner, createWarmCheckRunner, rememberingRunner }, { startBrowserWorker }]) => {
      // The hidden data's seed for this page's Checks: one per page load.
      const seed = randomSeed();
      // The next Check's worker is started once this one's answer is on the page (checkShown()).
      const runner: WarmCheckRunner = createWarmCheckRunner({ createWorker: startBrowserWorker }, { prepareOnAnswer: false });
      // The solution runs in workers of its own, so that preparing it never takes the worker waiting for the learner's program.
      const reference: ProgramRunner = rememberingRunner(createCheckRunner({ createWorker: startBrowserWorker }));
      // Exercises prepare one after another: workers that load together share the CPU with
      // the page and with each other, and each would be late.
      let preparing: Promise<unknown> = Promise.resolve();
      return {
        grade: (exercise, source) => gradeProgram(exercise, source, runner, { seed, referenceRunner: reference }),
        prepare(exercise, first) {
          // The learner's worker loads while the solution runs (the request gradeProgram makes
          // for it, so the Check finds its answer).
          const work = async () => {
            // A learner may press Check as soon as the page is open: a warm-up then would
            // only delay it, so the first worker warms up after a pause.
            runner.prepare(FIRST_WARM_UP_AFTER_MS);
            if (probesOf(exercise).length) await reference(checkRequest(exercise, exercise.solution, seed));
          };
          // The exercise the learner reached for starts now; its turn in the queue then finds
          // the solution's answer remembered.
          if (first) void work().catch(() => undefined);
          else preparing = preparing.then(work).catch(() => undefined);
        },
        checkShown: () => runner.prepare(),
      };
    },
  );
  // A failed download is tried again by the next call.
  service.catch(() => (service = undefined));
  return service;
}

/** Grades `source` against `exercise` on the page's warm workers, with the page's seed. */
export async function gradeOnPage(exercise: Exercise, source: string): Promise<GradeReport> {
  return (await loadService()).grade(exercise, source);
}

/** A Check's verdicts and output are on the page: the next Check's worker may load now. */
export function checkShown(): void {
  void loadService()
    .then((loaded) => loaded.checkShown())
    .catch(() => undefined);
}

/**
 * Gets the first Check of `exercise` ready: the grading code, a worker, the solution's
 * answer. In turn after the exercises prepared before it, or `first`, at once: the learner
 * reached for it.
 */
export function prepareChecks(exercise: Exercise, { first = false }: { first?: boolean } = {}): void {
  void loadService()
    .then((loaded) => loaded.prepare(exercise, first))
    .catch(() => undefined);
}
