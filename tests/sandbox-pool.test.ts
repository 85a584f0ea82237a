/**
 * The grader's pool (src/grader/pool.ts) when a sandbox process dies under a program: the
 * program is graded again in a new process, and the pool goes on. (A program cannot kill
 * its process from inside the sandbox, so the test does it from outside.)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRequest } from '../src/checks/grade';
import { findExercise } from '../src/checks/exercises';
import { createSandboxPool, type SandboxPool } from '../src/grader/pool';

const root = fileURLToPath(new URL('..', import.meta.url));
const exercise = findExercise('link-posts-to-author')!.exercise;
let pool: SandboxPool;

/** The pids of the pool's member processes (children of this process running sandbox-member.mjs). */
function members(): number[] {
  try {
    // (pgrep run without a shell: a shell's own command line would match too.)
    return execFileSync('pgrep', ['-P', String(process.pid), '-f', 'sandbox-member'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

beforeAll(() => {
  // The pool runs the built sandbox: build it if the sources changed.
  execFileSync(process.execPath, ['scripts/build-if-changed.mjs', 'cli', '--quiet'], { cwd: root, stdio: 'ignore' });
  pool = createSandboxPool({ size: 1, graceMs: 2_000 });
}, 120_000);

afterAll(() => pool.close());

describe('a sandbox process that dies under a program', () => {
  it('is replaced, and the program graded again in the new one', { timeout: 120_000 }, async () => {
    // A first program: the member is then started and waiting.
    expect((await pool.run(checkRequest(exercise, "console.log('warm');\n", 1))).result.ok).toBe(true);
    const pids = members();
    expect(pids).toHaveLength(1);
    // The next one sleeps 4 s: its process is killed in the middle.
    const slow = "console.log('start');\nawait new Promise((resolve) => setTimeout(resolve, 4000));\nconsole.log('done');\n";
    const answer = pool.run(checkRequest(exercise, slow, 1, { timeBudgetMs: 20_000 }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    process.kill(pids[0]!, 'SIGKILL');
    const response = await answer;
    expect(response.result.error).toBeUndefined();
    expect(response.result.console.map((entry) => entry.text)).toEqual(['start', 'done']);
    expect(pool.stats.lostMembers).toBe(1);
    expect(members()).not.toContain(pids[0]);
    // And the pool goes on.
    const next = await pool.run(checkRequest(exercise, exercise.solution, 1));
    expect(next.result.ok).toBe(true);
    expect(pool.broken).toBeUndefined();
  });
});
