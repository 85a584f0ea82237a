/**
 * The built CLI and the Node worker-thread host, run as a user runs them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRuntimeClient } from '../src/runtime/node/node-client';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'assoclab.mjs');
const seed = join(root, 'tests', 'fixtures', 'sample-program.js');
const scratch = mkdtempSync(join(tmpdir(), 'assoclab-cli-'));

function program(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('assoclab run', () => {
  it('runs the seed program and prints its output', async () => {
    const { code, stdout } = await cli('run', seed);
    expect(code).toBe(0);
    expect(stdout).toBe('Alice wrote: Hello\nAlice wrote: World\n');
  });

  it('prints the full run result with --json', async () => {
    const { code, stdout } = await cli('run', seed, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.console.map((entry: { text: string }) => entry.text)).toEqual(['Alice wrote: Hello', 'Alice wrote: World']);
    expect(result.database.tables.map((table: { name: string }) => table.name)).toEqual(['Users', 'Posts']);
  });

  it('prints the SQL log with --sql, each statement with its line', async () => {
    const { stdout } = await cli('run', seed, '--sql');
    expect(stdout).toMatch(/SELECT `id`, `title`, `content`, `userId`.*FROM `Posts`[\s\S]*\(line 19,/);
  });

  it('reports a syntax error at its line and exits 1', async () => {
    const { code, stderr } = await cli('run', program('broken.js', 'const a = 1;\nconst b = ;\n'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.js:2:11: SyntaxError: Unexpected token/);
  });

  it('stops an endless loop', async () => {
    const { code, stderr } = await cli('run', program('loop.js', 'while (true) {}\n'), '--budget', '500');
    expect(code).toBe(1);
    expect(stderr).toContain('Stopped after 0.5 s');
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const { code, stderr } = await cli('run', join(scratch, 'nope.js'));
    expect(code).toBe(2);
    expect(stderr).toContain('no such file');
  });
});

describe('the Node worker-thread client', () => {
  const client = createNodeRuntimeClient({ timeBudgetMs: 1_000, graceMs: 300 });
  afterAll(() => client.dispose());

  it('ends an endless loop, restarts, and runs the next program', async () => {
    const stuck = await client.run('let i = 0;\nwhile (true) { i++; }\n');
    expect(stuck.error).toMatchObject({ kind: 'timeout' });
    expect(stuck.error?.message).toContain('Stopped after 1 s');
    const next = await client.run("console.log('alive');\n");
    expect(next.console.map((entry) => entry.text)).toEqual(['alive']);
  });

  it('reports an unhandled rejection with its line', async () => {
    const result = await client.run("async function load() {\n  throw new Error('no posts');\n}\nload();\n");
    expect(result.error).toMatchObject({ kind: 'unhandled-rejection', location: { line: 2 } });
    expect(result.error?.message).toContain('no posts');
  });

  it('ignores a forged reply posted by the program', async () => {
    const forged = [
      "import { parentPort } from 'worker_threads';",
      "console.log('real');",
    ].join('\n');
    const result = await client.run(forged);
    // worker_threads is not offered to programs: the import itself fails cleanly.
    expect(result.error?.kind).toBe('import');
    const next = await client.run("globalThis.postMessage?.({ type: 'result', id: 'x', result: {} });\nconsole.log('ok');\n");
    expect(next.console.map((entry) => entry.text)).toEqual(['ok']);
  });

  it('cancels a run when a new one starts', async () => {
    const first = client.run('while (true) {}\n');
    const second = client.run("console.log('second');\n");
    expect((await first).error?.kind).toBe('cancelled');
    expect((await second).console[0]?.text).toBe('second');
  });
});

describe('superseding runs', () => {
  const client = createNodeRuntimeClient({ timeBudgetMs: 5_000 });
  afterAll(() => client.dispose());

  it('a new run ends one that is stuck, and itself completes', async () => {
    await client.ready();
    const first = client.run('while (true) {}\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = client.run("console.log('second');\n");
    expect((await first).error?.kind).toBe('cancelled');
    expect((await second).console[0]?.text).toBe('second');
  });
});
