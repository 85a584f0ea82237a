/**
 * The built CLI and the Node worker-thread host, run as a user runs them.
 */
import { execFile, spawn } from 'node:child_process';
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

  it("prints Sequelize's warnings to stderr, as node does, and keeps them as Sequelize's in --json", async () => {
    const file = program(
      'warns.js',
      [
        "import { Sequelize, DataTypes } from 'sequelize';",
        "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
        "const Post = sequelize.define('Post', { title: DataTypes.STRING });",
        'await sequelize.sync();',
        "await Post.findOrCreate({ where: { title: 'x' }, defaults: { nope: 1 } });",
        "console.log('done');",
      ].join('\n'),
    );
    const warning = '(sequelize) Warning: Unknown attributes (nope) passed to defaults option of findOrCreate';
    const plain = await cli('run', file);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('done\n');
    // (A first run after a change of the sources says on stderr that it rebuilt the CLI.)
    expect(plain.stderr.split('\n').filter((line) => !line.startsWith('build-if-changed'))).toEqual([warning, '']);
    const result = JSON.parse((await cli('run', file, '--json')).stdout);
    expect(result.console).toEqual([
      expect.objectContaining({ level: 'warn', origin: 'sequelize', text: warning }),
      expect.objectContaining({ level: 'log', text: 'done' }),
    ]);
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

  it('explains a common mistake after the error, and in --json', async () => {
    const file = program(
      'unawaited.js',
      "import { Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('sqlite::memory:');\nconst rows = sequelize.query('SELECT 1 AS one');\nrows.map((row) => row.one);\n",
    );
    const { code, stderr } = await cli('run', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Why: A promise used as a value \(a missing await\) \(line 4\)\n {2}rows holds a Promise, not the result of query\(\)/);
    const { stdout } = await cli('run', file, '--json');
    expect(JSON.parse(stdout).explanations).toMatchObject([{ id: 'missing-await', line: 4 }]);
  });

  it('stops an endless loop and keeps what it printed before', async () => {
    const { code, stdout, stderr } = await cli('run', program('loop.js', "console.log('before the loop');\nwhile (true) {}\n"), '--budget', '500');
    expect(code).toBe(1);
    expect(stderr).toContain('Stopped after 0.5 s');
    // What it printed before it hung is not lost with its worker.
    expect(stdout).toContain('before the loop');
  });

  it('prints output as the program prints it, not only when it ends', async () => {
    const file = program('slow.js', "console.log('first');\nawait new Promise((resolve) => setTimeout(resolve, 1500));\nconsole.log('second');\n");
    const child = spawn(process.execPath, [bin, 'run', file], { cwd: root });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const firstSeen = new Promise<boolean>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        // Still running (its timer pending) when the first line arrives.
        if (stdout.includes('first')) resolve(child.exitCode === null && !stdout.includes('second'));
      });
    });
    expect(await firstSeen).toBe(true);
    expect(await exited).toBe(0);
    expect(stdout).toBe('first\nsecond\n');
  });

  it('prints the start and the end of a flood of output, and says how much was cut', async () => {
    const file = program('flood.js', "const line = 'x'.repeat(1000);\nfor (let i = 0; i < 10000; i++) console.log(i, line);\nconsole.log('done');\n");
    const { code, stdout, stderr } = await cli('run', file);
    expect(code).toBe(0);
    expect(stdout.startsWith(`0 ${'x'.repeat(1000)}\n`)).toBe(true);
    expect(stdout.endsWith(`9999 ${'x'.repeat(1000)}\ndone\n`)).toBe(true);
    expect(stdout.length).toBeLessThan(400_000);
    expect(stderr).toMatch(/\[output cut: [\d,]+ lines not shown\]/);
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
    const forged = ["import { parentPort } from 'worker_threads';", "console.log('real');"].join('\n');
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

// Each grading starts a sandbox process and its worker: more than a loaded machine does in 30 s.
describe('assoclab exercises and grade', { timeout: 90_000 }, () => {
  const exercise = join(root, 'lessons', '01-basics', '01-has-many-belongs-to', '_exercises', 'link-posts-to-author');

  it('lists every exercise, as text and as JSON', async () => {
    const text = await cli('exercises');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/link-posts-to-author\s+01-basics\/01-has-many-belongs-to\s+has-many-belongs-to\s+1\s+Link posts to their author/);
    const listing = JSON.parse((await cli('exercises', '--json')).stdout) as { id: string }[];
    expect(listing.map((entry) => entry.id)).toContain('write-posts-of');
    expect(listing.find((entry) => entry.id === 'link-posts-to-author')).toMatchObject({
      topic: 'has-many-belongs-to',
      difficulty: 1,
      verifies: expect.arrayContaining(['User has many Post (foreign key userId)']),
    });
  });

  it('repeats a grading exactly with --seed: the same hidden data, the same report', async () => {
    const grade = async () => JSON.parse((await cli('grade', 'link-posts-to-author', join(exercise, 'starter.js'), '--json', '--seed', '1234')).stdout);
    const [first, second] = [await grade(), await grade()];
    expect(first.seed).toBe(1234);
    expect(second.checks).toEqual(first.checks);
  });

  it('grades a wrong program as FAIL with messages, and exits 0', async () => {
    const { code, stdout } = await cli('grade', 'link-posts-to-author', join(exercise, 'starter.js'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/FAIL, 0\/\d+ checks passed/);
    // What is wrong, in behaviour: never the line of code to write.
    expect(stdout).toContain('user.getPosts() does not exist: User has no hasMany association to Post.');
    expect(stdout).not.toContain("User.hasMany(Post, { foreignKey: 'userId' })");
  });

  it('grades a correct program as PASS', async () => {
    const { code, stdout } = await cli('grade', 'link-posts-to-author', join(exercise, 'solution.js'), '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { status: string; passed: number; total: number };
    expect(report.status).toBe('pass');
    expect(report.passed).toBe(report.total);
  });

  it('grades within --budget: a program that never ends is stopped after that many ms', async () => {
    const { code, stdout } = await cli('grade', 'link-posts-to-author', program('hang.js', 'while (true) {}\n'), '--json', '--budget', '500');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { status: string; error?: { message: string } };
    expect(report.status).toBe('error');
    // The runner's watchdog states the budget it enforced (5.0 s without --budget).
    expect(report.error?.message).toContain('Stopped after 0.5 s');
  });

  it.each([
    [['run', 'x.js', '--budget'], "Option '--budget <value>' argument missing"],
    [['run', 'x.js', '--budget', 'soon'], '--budget takes a number of milliseconds'],
    [['grade', 'link-posts-to-author', 'x.js', '--budget=0'], '--budget takes a number of milliseconds'],
    [['run', 'x.js', '--memory', '10'], '--memory takes a whole number of megabytes, 64 or more'],
    [['run', 'x.js', '--jsn'], "Unknown option '--jsn'"],
    [['exercises', 'extra'], "Unexpected argument 'extra'"],
    [['grade', 'link-posts-to-author', 'x.js', 'y.js'], "Unexpected argument 'y.js'"],
  ])('exits 2 with the usage for a mistaken call: %j', async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage:');
  });

  it('exits 2 for an unknown exercise or an unreadable file', async () => {
    const unknown = await cli('grade', 'no-such-exercise', seed);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no exercise "no-such-exercise"');
    const unreadable = await cli('grade', 'link-posts-to-author', join(scratch, 'missing.js'));
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('no such file');
  });
});
