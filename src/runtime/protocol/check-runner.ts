/**
 * The check engine's ProgramRunner (src/checks/types.ts) over the one runtime client: each
 * program a grading runs (the learner's, the reference solution's) gets a client of its
 * own, so the two run side by side, each in a worker that ran nothing before, and the
 * worker is gone once it answered. Only plain data comes back; the caller computes the
 * verdicts (src/checks/grade.ts).
 */
import type { ProgramRunner } from '../../checks/types';
import { createRuntimeClient, type RuntimeClientOptions } from './client';

export function createCheckRunner(options: RuntimeClientOptions): ProgramRunner {
  return async (request) => {
    const client = createRuntimeClient(options);
    try {
      return await client.check(request);
    } finally {
      client.dispose();
    }
  };
}
