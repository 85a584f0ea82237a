/**
 * The check engine's ProgramRunner (src/checks/types.ts) over the one runtime client: each
 * program a grading runs (the learner's, the reference solution's) gets a client of its
 * own, so the two run side by side, each in a worker that ran nothing before, and the
 * worker is gone once it answered. Only plain data comes back; the caller computes the
 * verdicts (src/checks/grade.ts).
 */
import type { CheckRunRequest, CheckRunResponse, ProgramRunner } from '../../checks/types';
import type { ErrorKind } from '../../schemas/run-result';
import { createRuntimeClient, type RuntimeClient, type RuntimeClientOptions } from './client';

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

export interface WarmCheckRunner extends ProgramRunner {
  /**
   * Starts a worker for the next request now, if none is waiting: it loads sql.js and
   * Sequelize in advance, then, `warmUpAfterMs` after it is ready and if no request took it
   * meanwhile, runs the runtime's warm-up program. A request that comes during the warm-up
   * waits for it: a page that may be checked at once (just opened) waits a little first.
   */
  prepare(warmUpAfterMs?: number): void;
  dispose(): void;
}

export interface WarmCheckRunnerOptions {
  /**
   * Whether the next request's worker is prepared as soon as a request is answered (the
   * default). A page says no, and calls prepare() once it has shown the answer: a worker
   * loading (its bundle compiled, sql.js started) takes a core, and on a two-core machine
   * the page then drew the verdicts and the output in tasks three times as long.
   */
  prepareOnAnswer?: boolean;
}

/**
 * A runner for a page, where a learner presses Check again and again: one worker is kept
 * loaded and unused, the next request's. A request takes it (or starts one, if it is
 * taken), and once the request is answered another is prepared, after the request so the
 * two do not share the CPU. Each worker still runs one program only.
 */
export function createWarmCheckRunner(options: RuntimeClientOptions, { prepareOnAnswer = true }: WarmCheckRunnerOptions = {}): WarmCheckRunner {
  let spare: RuntimeClient | undefined;
  let disposed = false;
  const prepare = (warmUpAfterMs = 0) => {
    if (spare || disposed) return;
    const client = createRuntimeClient(options);
    spare = client;
    // Ready, then warmed up with the runtime's own program while the learner reads (unless a
    // request took it first). A worker that could not start is forgotten: the next request
    // starts its own, and says why.
    client
      .ready()
      .then(() => new Promise((resolve) => setTimeout(resolve, warmUpAfterMs)))
      .then(() => (spare === client ? client.warmUp() : undefined))
      .catch(() => {
        if (spare === client) spare = undefined;
        client.dispose();
      });
  };
  const runner = async (request: CheckRunRequest): Promise<CheckRunResponse> => {
    const client = spare ?? createRuntimeClient(options);
    spare = undefined;
    try {
      return await client.check(request);
    } finally {
      client.dispose();
      // The learner reads the verdicts now: time enough to warm the next one up.
      if (prepareOnAnswer) prepare();
    }
  };
  return Object.assign(runner, {
    prepare,
    dispose() {
      disposed = true;
      spare?.dispose();
      spare = undefined;
    },
  });
}

/** Errors that say nothing about the program (the runtime's, or a machine too busy): not remembered. */
const PASSING_TROUBLE = new Set<ErrorKind>(['internal', 'timeout', 'memory', 'cancelled']);

/**
 * Remembers each request's answer: for the reference solution, which answers the same to
 * the same request (same source, probes and seed). A request asked again while the first is
 * running shares its answer; an answer that came from trouble in the runtime is not kept.
 */
export function rememberingRunner(runner: ProgramRunner): ProgramRunner {
  const answers = new Map<string, Promise<CheckRunResponse>>();
  return (request) => {
    const key = JSON.stringify(request);
    const known = answers.get(key);
    if (known) return known;
    const answer = runner(request);
    answers.set(key, answer);
    answer.then(
      (response) => {
        if (response.result.error && PASSING_TROUBLE.has(response.result.error.kind)) answers.delete(key);
      },
      () => answers.delete(key),
    );
    return answer;
  };
}
