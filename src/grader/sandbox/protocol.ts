/**
 * The messages of the grader's sandbox, in its two hops:
 *
 *   grader (the CLI's process)  <-- IPC -->  member process  <-- port -->  sandbox worker
 *
 * The grader sends a member one CheckRunRequest at a time and gets plain data back; the
 * member runs it in its worker thread, which runs learner code. Every id a worker sees is
 * made by the member and never reused, so a program cannot answer for another request.
 */
import type { CheckRunRequest, CheckRunResponse } from '../../checks/types';

/** Grader -> member. */
export type MemberRequest = { type: 'check'; id: number; request: CheckRunRequest };

/** How the member's worker fared with a request, for the grader's statistics and tests. */
export interface WorkerReport {
  /** Whether the answer came from a worker that had run nothing before it. */
  fresh: boolean;
  /** Whether the worker was retired after the request, and why. */
  retired?: string;
  /** Whether the request was run a second time in a fresh worker (the first answer was not trustworthy). */
  rerun?: string;
  /** How long the worker took to check it was still clean after the program (ms). */
  checkMs?: number;
}

/** Member -> grader. */
export type MemberMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; response: CheckRunResponse; worker: WorkerReport }
  /** The member could not start its worker at all (a broken installation): nothing can be graded. */
  | { type: 'broken'; message: string };

/** Member -> worker. */
export type SandboxWorkerRequest = { type: 'check'; id: string } & CheckRunRequest;

/** Worker -> member. */
export type SandboxWorkerMessage =
  | { type: 'ready'; startupMs: number }
  /** The answer, then whether the worker may take another program (and if not, why). */
  | { type: 'check-result'; id: string; result: unknown; observations: unknown }
  | { type: 'state'; id: string; clean: boolean; reason?: string; checkMs: number };
