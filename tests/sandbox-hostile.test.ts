/**
 * Hostile submissions, graded as an instructor grades a class: one folder, through the
 * CLI run as a process, with one sandbox member (--jobs 1) so every hostile program runs
 * in the same member before the honest ones. Each hostile program tries one thing, by
 * every way we know, and prints "ok <way>" for a way that worked: none may, nothing may
 * happen outside the sandbox (no file written, no process started, no connection to the
 * test's own TCP server), each is graded as failing, and the honest submissions after
 * them get the points they would get alone.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'assoclab.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'assoclab-hostile-'));
const folder = join(scratch, 'class');
const exerciseDir = join(root, 'lessons', '01-basics', '01-has-many-belongs-to', '_exercises', 'link-posts-to-author');
const solution = readFileSync(join(exerciseDir, 'solution.js'), 'utf8');
const starter = readFileSync(join(exerciseDir, 'starter.js'), 'utf8');
const written = join(scratch, 'written-by-a-program.txt');
const spawned = join(scratch, 'made-by-a-spawned-process.txt');

/** Tries `body`; prints whether it worked. Specifiers are built at run time, so the transform cannot refuse them before the program runs. */
const ATTEMPT = `const attempt = async (name, body) => {
  try { const value = await body(); console.log('ok ' + name + ': ' + String(value).slice(0, 60)); }
  catch (error) { console.log('no ' + name + ': ' + String(error && error.message).slice(0, 80)); }
};
const mod = (name) => 'node:' + name;
const real = globalThis.process;
`;

/** Every way to reach a built-in module we know of; each then does `use` with the module. */
function everyWay(module: string, use: string): string {
  return `${ATTEMPT}
const use = async (m) => { ${use} };
await attempt('require', () => use(require(mod('${module}'))));
await attempt('import()', async () => use(await import(mod('${module}'))));
await attempt('process.getBuiltinModule', () => use(real.getBuiltinModule(mod('${module}'))));
await attempt('process.binding', () => real.binding('${module}'));
await attempt('Function', async () => use(await Function('return import("node:${module}")')()));
await attempt('eval', async () => use(await eval('import("node:${module}")')));
await attempt('AsyncFunction', async () => use(await (async () => {}).constructor('return import("node:${module}")')()));
await attempt('process.dlopen', () => real.dlopen({ exports: {} }, '/nonexistent.node'));
`;
}

let server: Server;
let connections = 0;
let port = 0;

const hostile = (): Record<string, string> => ({
  'reads-etc-passwd': `${everyWay('fs', "return m.readFileSync('/etc/passwd', 'utf8')")}
await attempt('fetch file:', async () => (await fetch('file:///etc/passwd')).text());
await attempt('process.report', () => JSON.stringify(real.report.getReport()));
await attempt('express.static', async () => {
  const express = (await import('express')).default;
  const app = express();
  app.use(express.static('/etc'));
  app.get('/file', (req, res) => res.sendFile('/etc/passwd'));
  app.listen(3000);
  for (const path of ['/passwd', '/file']) {
    const response = await fetch('http://localhost:3000' + path);
    if (response.status === 200) return response.text();
  }
  throw new Error('refused');
});`,
  'writes-a-file': everyWay('fs', `m.writeFileSync(${JSON.stringify(written)}, 'x'); return 'written'`),
  'spawns-a-process': `${everyWay('child_process', `return m.execSync('touch ${spawned}')`)}
await attempt('binding spawn_sync', () => real.binding('spawn_sync').spawn({ file: 'touch', args: ['touch', ${JSON.stringify(spawned)}] }));
await attempt('process.kill', () => real.kill(real.ppid, 0));`,
  'opens-a-socket': `${everyWay('net', `return new Promise((resolve, reject) => { const s = m.connect(${port}, '127.0.0.1', () => resolve('connected')); s.on('error', reject); })`)}
await attempt('global fetch', async () => (await globalThis.fetch('http://127.0.0.1:${port}/')).status);
await attempt('the program fetch', async () => (await fetch('http://127.0.0.1:${port}/')).status);
await attempt('WebSocket', () => new globalThis.WebSocket('ws://127.0.0.1:${port}/'));
await attempt('binding tcp_wrap', () => real.binding('tcp_wrap'));
await attempt('Express listening for real', async () => {
  const express = (await import('express')).default;
  const listen = Object.getPrototypeOf(express.application ?? {}).listen ?? express.application?.listen;
  return new Promise((resolve, reject) => listen.call(express(), ${port} + 1, () => resolve('listening')).on('error', reject));
});`,
  'loops-forever-sync': `${starter}\nwhile (true) {}`,
  'loops-forever-async': `${starter}\nfor (;;) await null;`,
  'loops-forever-timer': `${starter}\nsetInterval(() => {}, 1);\nawait new Promise(() => globalThis.setImmediate(function again() { globalThis.setImmediate(again); }));`,
  'hangs-in-a-built-in': `${starter}\n/(a+)+b/.test('a'.repeat(40));`,
  'allocates-heap': `const keep = [];\nfor (;;) keep.push(new Array(4e6).fill(Math.random()));`,
  'allocates-buffers': `const keep = [];\nfor (;;) keep.push(globalThis.Buffer.alloc(32 * 1024 * 1024, 1));`,
  'crashes-its-worker': `${starter}\nglobalThis.process.reallyExit(1);`,
  'listens-for-the-next-request': `${ATTEMPT}
// The worker's port to its member, found among the active handles, could answer the next request first.
await attempt('process._getActiveHandles', () => {
  const port = real._getActiveHandles().find((handle) => handle && typeof handle.postMessage === 'function');
  port.on('message', (request) => port.postMessage({ type: 'check-result', id: request.id, result: {}, observations: [] }));
  return 'listening';
});
await attempt('PerformanceObserver', () => new PerformanceObserver(() => { Array.prototype.every = () => true; }).observe({ entryTypes: ['gc', 'mark'] }));
await attempt('MessageChannel', () => new MessageChannel());
${starter}`,
  'exits-0': `process.exit(0);\n${solution}`,
  'exits-0-for-real': `globalThis.process.exit(0);\n${solution}`,
  'prints-a-fake-report': `${starter}
const passing = { version: 1, status: 'pass', max_score: 10, tests: [{ name: 'all', status: 'pass', message: '', test_code: '', filename: '', line_no: 0, duration: 0, score: 10 }] };
console.log('Link posts to their author (link-posts-to-author): PASS, 6/6 checks passed');
console.log('result=' + Buffer.from(JSON.stringify(passing)).toString('base64'));
console.log(JSON.stringify({ version: 3, status: 'pass', tests: [] }));
globalThis.process.stdout.write('learner,link-posts-to-author,total,max\\nEve,10,10,10\\n');`,
  'tampers-with-globals': `${starter}
const patch = () => {
  Array.prototype.every = () => true; Array.prototype.some = () => true; Array.prototype.includes = () => true;
  JSON.stringify = () => '[]'; Object.keys = () => []; String.prototype.includes = () => true;
  globalThis.Promise.prototype.finally = function () { return this; };
};
patch();
let turns = 0;
globalThis.setImmediate(function again() { patch(); if (++turns < 1e6) globalThis.setImmediate(again); });
new FinalizationRegistry(patch).register({}, 1);
globalThis.process.on('message', patch);`,
  'lingers-quietly': `${starter}
// Changes nothing during its run; patches the next programs' world a while after it.
let turns = 0;
globalThis.setImmediate(function wait() {
  if (++turns > 50) { Array.prototype.every = () => true; Object.keys = () => []; }
  globalThis.setImmediate(wait);
});
globalThis.setTimeout(() => { Array.prototype.every = () => true; }, 300);`,
});

const honest = {
  'z-correct': solution,
  'z-partial': starter.replace('// TODO 1:', "User.hasMany(Post, { foreignKey: 'userId' });\n// TODO 1:"),
  'z-wrong': starter,
};

const assignment = {
  format: 'assoclab-assignment',
  version: 1,
  id: 'hostile-week',
  title: 'Hostile week',
  exercises: [{ id: 'link-posts-to-author', points: 10 }],
};

type Summary = { learners: { name: string; total: number; exercises: Record<string, { points: number; status: string; passed: number; total: number }> }[] };
let run: { code: number; stdout: string; stderr: string; ms: number };
let summary: Summary;
let alone: Summary;

function grade(target: string, extra: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'grade', '--assignment', join(scratch, 'assignment.json'), target, '--json', '--seed', '7', '--budget', '2500', '--memory', '128', ...extra],
      { cwd: scratch, timeout: 400_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, ms: performance.now() - started }),
    );
  });
}

beforeAll(async () => {
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  mkdirSync(folder);
  mkdirSync(join(scratch, 'alone'));
  writeFileSync(join(scratch, 'assignment.json'), JSON.stringify(assignment));
  const submission = (name: string, program: string) =>
    JSON.stringify({
      format: 'assoclab-submission',
      version: 1,
      learner: { name },
      assignment,
      submittedAt: '2026-03-02',
      programs: { 'link-posts-to-author': program },
    });
  for (const [name, program] of Object.entries({ ...hostile(), ...honest })) writeFileSync(join(folder, `${name}.json`), submission(name, program));
  for (const [name, program] of Object.entries(honest)) writeFileSync(join(scratch, 'alone', `${name}.json`), submission(name, program));
  [run, { stdout: alone }] = await Promise.all([
    grade(folder, ['--jobs', '1', '--format', 'junit', '--out', join(scratch, 'grades')]),
    grade(join(scratch, 'alone'), ['--jobs', '1', '--out', join(scratch, 'alone-grades')]).then((result) => ({ stdout: JSON.parse(result.stdout) as Summary })),
  ]);
  summary = JSON.parse(run.stdout) as Summary;
}, 420_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const learner = (name: string) => summary.learners.find((entry) => entry.name === name)!;
const outputOf = (name: string) => readFileSync(join(scratch, 'grades', 'junit', `${name}.xml`), 'utf8');

describe('a folder with hostile submissions', () => {
  it('is graded to the end, exit 0', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(summary.learners).toHaveLength(Object.keys(hostile()).length + 3);
  });

  it.each(Object.keys(hostile()))('%s: contained, and graded as failing', (name) => {
    const grade = learner(name);
    expect(grade.total, JSON.stringify(grade)).toBeLessThan(10);
    expect(grade.exercises['link-posts-to-author']!.status).not.toBe('pass');
    const output = outputOf(name);
    // Every way it tried was refused.
    expect(output).not.toMatch(/^ok /m);
    expect(output).not.toContain('root:x:0:0');
  });

  it('left no file written, no process started, no connection made', () => {
    expect(existsSync(written)).toBe(false);
    expect(existsSync(spawned)).toBe(false);
    expect(connections).toBe(0);
    // And each program did try (its attempts are in its output).
    expect(outputOf('writes-a-file')).toMatch(/^no process\.getBuiltinModule: /m);
    expect(outputOf('opens-a-socket')).toMatch(/^no global fetch: /m);
  });

  it('stops the loops at the time budget, and the allocations at a budget', () => {
    for (const name of ['loops-forever-sync', 'loops-forever-async', 'loops-forever-timer', 'hangs-in-a-built-in', 'allocates-heap', 'allocates-buffers'])
      expect(learner(name).exercises['link-posts-to-author']!.status, name).toBe('error');
    expect(outputOf('hangs-in-a-built-in')).toMatch(/Stopped after 2\.5 s/);
    // With a 2.5 s budget a loaded machine may stop an allocation by time before memory (see below).
    for (const name of ['allocates-heap', 'allocates-buffers']) expect(outputOf(name), name).toMatch(/more than 128 MB of memory|Stopped after 2\.5 s/);
  });

  it('replaced the worker a tampering program used, and said why; ran a program stopped in a used worker again in a fresh one', () => {
    expect(run.stderr).toMatch(/workers? replaced \(.*the program changed what programs share/);
    expect(run.stderr).toMatch(/; [1-9]\d* programs? run again in a fresh worker;/);
  });

  it('grades the honest submissions after them as it grades them alone', () => {
    for (const name of Object.keys(honest)) {
      const theirs = alone.learners.find((entry) => entry.name === name)!;
      expect(learner(name).exercises, name).toEqual(theirs.exercises);
    }
    expect(learner('z-correct').total).toBe(10);
    expect(learner('z-wrong').total).toBe(0);
    expect(learner('z-partial').total).toBeGreaterThan(0);
    expect(learner('z-partial').total).toBeLessThan(10);
  });
});

describe('allocating without bound, with time to reach the memory budget', () => {
  it.each(['allocates-heap', 'allocates-buffers'])(
    '%s is stopped at the memory budget',
    async (name) => {
      const file = join(scratch, `${name}.js`);
      writeFileSync(file, hostile()[name]!);
      const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(
          process.execPath,
          [bin, 'grade', 'link-posts-to-author', file, '--json', '--budget', '120000', '--memory', '128', '--jobs', '1'],
          { cwd: scratch, timeout: 200_000 },
          (error, out) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out }),
        ),
      );
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as { status: string; error?: { kind: string; message: string } };
      expect(report.status).toBe('error');
      expect(report.error).toMatchObject({ kind: 'memory', message: expect.stringContaining('more than 128 MB of memory') });
    },
    210_000,
  );
});

describe('a fake passing report printed by a program', () => {
  it('never reaches the grader’s output: one result= line, the real one', async () => {
    const file = join(scratch, 'fake.js');
    writeFileSync(file, hostile()['prints-a-fake-report']!);
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        [bin, 'grade', 'link-posts-to-author', file, '--format', 'classroom', '--jobs', '1'],
        { cwd: scratch, timeout: 120_000 },
        (error, out) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out }),
      ),
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(Buffer.from(lines[0]!.replace(/^result=/, ''), 'base64').toString('utf8')) as { status: string; tests: { score: number }[] };
    expect(result.status).toBe('fail');
  }, 130_000);
});
