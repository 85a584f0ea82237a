/**
 * A ProgramRunner that runs in the caller's own realm. For trusted programs (tests of the
 * curriculum and the grader) only: a hostile program could tamper with the caller's
 * globals. Kept apart from ./check-runner because it imports the whole runtime core
 * (Sequelize, sql.js), which must not reach the page's main-thread bundle.
 */
import type { ProgramRunner } from '../../checks/types';
import type { RuntimeHost } from '../core/execute';
import { runWithProbes } from './serve';

export function createInProcessRunner(host: RuntimeHost): ProgramRunner {
  // One run at a time: unhandled-rejection listeners are process-wide.
  let queue: Promise<unknown> = Promise.resolve();
  return (request) => {
    const run = queue.then(() => runWithProbes(host, request));
    queue = run.catch(() => undefined);
    return run;
  };
}
