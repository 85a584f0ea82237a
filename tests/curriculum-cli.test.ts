/**
 * Every exercise of the course through `assoclab grade`, as a process, as an instructor or
 * a grading pipeline runs it: the reference solution passes, the starter does not.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exercises } from '../src/checks/exercises';

const root = fileURLToPath(new URL('..', import.meta.url));

function grade(id: string, file: string): Promise<{ status: string; checks: { passed: boolean }[] }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(root, 'bin', 'assoclab.mjs'), 'grade', id, file, '--json'], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`assoclab grade ${id} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

describe.each(exercises().map((entry) => [entry.exercise.id, entry.dir] as const))('assoclab grade %s', (id, dir) => {
  it('passes the reference solution', { timeout: 60_000 }, async () => {
    const report = await grade(id, join(root, dir, 'solution.js'));
    expect(report.status).toBe('pass');
  });

  it('does not pass the starter', { timeout: 60_000 }, async () => {
    const report = await grade(id, join(root, dir, 'starter.js'));
    expect(['fail', 'error']).toContain(report.status);
    expect(report.checks.some((check) => !check.passed)).toBe(true);
  });
});
