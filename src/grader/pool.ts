/**
 * The grader's pool of sandbox members (./sandbox/member.ts): one process per core, each
 * with a warm worker, fed programs from one queue. It is the check engine's ProgramRunner
 * (src/checks/types.ts): what comes back is plain data, validated here again, and the
 * verdicts are computed in this process from it.
 *
 * A member that dies, or does not answer long after the program's budget (its own watchdog
 * should have answered by then), is killed and replaced, and the program is run again in
 * the new one; a program that ends two members is graded as having stopped its sandbox.
 * Nothing a program does can end the grading of the others.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckRunRequest, CheckRunResponse, ProgramRunner } from '../checks/types';
import { loadReplyValidator } from '../runtime/protocol/reply';
import { failedRun } from '../schemas/run-result';
import { memberExecArgv } from './sandbox/flags';
import type { MemberConfig } from './sandbox/member';
import type { MemberMessage, MemberRequest, WorkerReport } from './sandbox/protocol';

/** The sandbox could not start at all (a broken installation): nothing can be graded. */
export class SandboxUnavailableError extends Error {
  override readonly name = 'SandboxUnavailableError';
}

export interface PoolOptions {
  /** Member processes (default: one per core). */
  size?: number;
  memoryBudgetMb?: number;
  /** How long past a program's budget a member's watchdog waits for its worker (ms). */
  graceMs?: number;
  /** The folder of the built sandbox (dist-cli); found beside this code by default. */
  distFolder?: string;
}

export interface PoolStats {
  /** Programs answered. */
  programs: number;
  /** Member processes started. */
  members: number;
  /** Workers retired after a program, by reason. */
  retired: string[];
  /** Programs run a second time because their first answer was not trustworthy. */
  reruns: number;
  /** Members that died or stopped answering. */
  lostMembers: number;
  /** Time the workers spent checking they were still clean after each program (ms, summed). */
  checkMs: number;
}

export interface SandboxPool {
  run: ProgramRunner;
  readonly stats: PoolStats;
  /** Set when the sandbox could not start: every program was answered with it, and the grading means nothing. */
  readonly broken: SandboxUnavailableError | undefined;
  close(): void;
}

/** The built sandbox: beside this code once bundled, in dist-cli when run from the sources (tests). */
export function defaultDistFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [here, join(here, '..', '..', 'dist-cli')];
  const found = candidates.find((folder) => existsSync(join(folder, 'sandbox-member.mjs')));
  if (!found) throw new SandboxUnavailableError('The grader’s sandbox is not built: run `npm run build:cli` first.');
  return found;
}

interface Task {
  request: CheckRunRequest;
  resolve(response: CheckRunResponse): void;
  /** Members this program has ended (died under it, or stopped answering). */
  losses: number;
}

interface Member {
  child: ChildProcess;
  ready: boolean;
  task?: { id: number; task: Task; watchdog: ReturnType<typeof setTimeout> };
  /** The end of what it wrote to stderr, for a message if it fails to start. */
  stderr: string;
}

const crashed = (message: string): CheckRunResponse => ({
  result: failedRun({ kind: 'internal', name: 'SandboxError', message, details: [] }, []),
  observations: [],
});

export function createSandboxPool(options: PoolOptions = {}): SandboxPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const graceMs = options.graceMs ?? 4_000;
  const distFolder = options.distFolder ?? defaultDistFolder();
  const config: MemberConfig = {
    workerFile: join(distFolder, 'sandbox-worker.mjs'),
    graceMs,
    ...(options.memoryBudgetMb ? { memoryBudgetMb: options.memoryBudgetMb } : {}),
  };
  const execArgv = memberExecArgv(distFolder);
  const validator = loadReplyValidator();
  const queue: Task[] = [];
  const members = new Set<Member>();
  const stats: PoolStats = { programs: 0, members: 0, retired: [], reruns: 0, lostMembers: 0, checkMs: 0 };
  let closed = false;
  let broken: SandboxUnavailableError | undefined;
  /** Members in a row that ended before they were ready. */
  let failedStarts = 0;
  let nextId = 0;

  const fail = (error: SandboxUnavailableError) => {
    broken = error;
    for (const task of queue.splice(0)) task.resolve(crashed(error.message));
  };

  const lose = (member: Member, why: string) => {
    if (!members.delete(member)) return;
    member.child.kill('SIGKILL');
    const running = member.task;
    member.task = undefined;
    if (running) {
      clearTimeout(running.watchdog);
      stats.lostMembers++;
      running.task.losses++;
      if (running.task.losses >= 2) running.task.resolve(crashed(`The program stopped the grader’s sandbox twice (${why}).`));
      else queue.unshift(running.task);
    } else if (!member.ready && !closed && ++failedStarts >= 3) {
      // Members die before they are ready again and again: the sandbox cannot run here.
      return fail(new SandboxUnavailableError(`The grader’s sandbox could not start (${why}).${member.stderr ? `\n${member.stderr.trim()}` : ''}`));
    }
    pump();
  };

  const startMember = () => {
    stats.members++;
    const child = fork(join(distFolder, 'sandbox-member.mjs'), [JSON.stringify(config)], {
      execArgv,
      // Nothing a program prints reaches the grader's output: verdicts come as data only.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: {},
      serialization: 'json',
    });
    const member: Member = { child, ready: false, stderr: '' };
    members.add(member);
    child.stderr?.on('data', (chunk: Buffer) => (member.stderr = (member.stderr + chunk.toString()).slice(-4000)));
    child.on('exit', (code, signal) => lose(member, signal ? `its process was killed by ${signal}` : `its process exited with code ${code}`));
    child.on('error', (error) => lose(member, error.message));
    child.on('message', (message: MemberMessage) => {
      if (message?.type === 'ready') {
        member.ready = true;
        failedStarts = 0;
        pump();
      } else if (message?.type === 'broken') {
        fail(new SandboxUnavailableError(`The grader’s sandbox could not start: ${message.message}${member.stderr ? `\n${member.stderr.trim()}` : ''}`));
        close();
      } else if (message?.type === 'result') {
        void validator.then((validate) => answered(member, message.id, message.response, message.worker, validate));
      }
    });
  };

  const answered = (member: Member, id: number, response: CheckRunResponse, worker: WorkerReport, validate: Awaited<typeof validator>) => {
    const running = member.task;
    if (!running || running.id !== id) return;
    clearTimeout(running.watchdog);
    member.task = undefined;
    const checked = validate({ type: 'check-result', id: String(id), result: response?.result, observations: response?.observations });
    stats.programs++;
    if (worker?.retired) stats.retired.push(worker.retired);
    if (worker?.rerun) stats.reruns++;
    stats.checkMs += Number(worker?.checkMs) || 0;
    running.task.resolve(
      checked.ok && checked.message.type === 'check-result'
        ? { result: checked.message.result, observations: checked.message.observations }
        : crashed(`The sandbox sent a malformed reply (${checked.ok ? 'wrong type' : checked.problem}).`),
    );
    pump();
  };

  const pump = () => {
    if (closed) return;
    for (const member of members) {
      if (!member.ready || member.task) continue;
      const task = queue.shift();
      if (!task) break;
      const id = ++nextId;
      // The member's own watchdog answers within budget + grace, twice if it reruns the
      // program in a fresh worker (which loads in a second or two): past that, it is stuck.
      const patience = 2 * (task.request.timeBudgetMs + graceMs) + 20_000;
      member.task = { id, task, watchdog: setTimeout(() => lose(member, 'it stopped answering'), patience) };
      member.child.send({ type: 'check', id, request: task.request } satisfies MemberRequest);
    }
    // Start members for what waits, up to one per core.
    const idle = [...members].filter((member) => !member.task).length;
    for (let wanted = Math.min(queue.length - idle, size - members.size); wanted > 0; wanted--) startMember();
  };

  const close = () => {
    closed = true;
    for (const member of members) {
      members.delete(member);
      member.child.kill('SIGKILL');
      if (member.task) {
        clearTimeout(member.task.watchdog);
        member.task.task.resolve(crashed('The grading was stopped.'));
      }
    }
    for (const task of queue.splice(0)) task.resolve(crashed('The grading was stopped.'));
  };

  const run: ProgramRunner = (request) =>
    new Promise<CheckRunResponse>((resolve) => {
      if (broken) return resolve(crashed(broken.message));
      if (closed) return resolve(crashed('The grading was stopped.'));
      queue.push({ request, resolve, losses: 0 });
      pump();
    });

  return {
    run,
    stats,
    close,
    get broken() {
      return broken;
    },
  };
}
