/**
 * Authoring, as an author does it, in a temporary copy of the project:
 * - copying an exercise folder under a new name and adding one `<Exercise id>` line is all
 *   it takes for the exercise to be on the lesson page (the site's dev server renders it),
 *   in `assoclab exercises --json`, and graded by `assoclab grade` (which rebuild themselves);
 * - a misplaced exercise stops `astro build` with a message naming the file and line.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const LESSON = 'lessons/01-basics/01-has-many-belongs-to';
const COPIED = 'titles-of-an-author';
// Starting Astro (a dev server, a build) in a copy takes seconds, more when the other tests run beside it.
const ASTRO_TIMEOUT = 120_000;

function copyProject(): string {
  const copy = mkdtempSync(join(tmpdir(), 'assoclab-authoring-'));
  for (const entry of ['package.json', 'tsconfig.json', 'astro.config.mjs', 'src', 'lessons', 'public', 'scripts', 'bin', 'bench', 'tests']) {
    if (!existsSync(join(root, entry))) continue;
    cpSync(join(root, entry), join(copy, entry), { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

function run(cwd: string, args: string[], timeout = 90_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, timeout, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('a new exercise is one copied folder and one <Exercise> line', () => {
  let copy: string;
  let dev: ChildProcess | undefined;
  let devOutput = '';

  beforeAll(async () => {
    copy = copyProject();
    cpSync(join(copy, LESSON, '_exercises', 'write-posts-of'), join(copy, LESSON, '_exercises', COPIED), { recursive: true });
    appendFileSync(join(copy, LESSON, 'index.mdx'), `\n<Exercise id="${COPIED}" />\n`);
  });

  afterAll(async () => {
    // The dev server writes into the copy until it has exited: wait for it before removing the folder.
    if (dev && dev.exitCode === null) {
      const exited = once(dev, 'exit');
      dev.kill();
      await exited;
    }
    if (copy) rmSync(copy, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  it('is listed by assoclab exercises --json, in its lesson', async () => {
    const { code, stdout } = await run(copy, ['bin/assoclab.mjs', 'exercises', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toContainEqual(
      expect.objectContaining({ id: COPIED, lesson: '01-basics/01-has-many-belongs-to', title: 'Write postsOf(user)' }),
    );
  });

  it('is graded by assoclab grade: its solution passes, its starter fails', async () => {
    const solution = await run(copy, ['bin/assoclab.mjs', 'grade', COPIED, join(LESSON, '_exercises', COPIED, 'solution.js'), '--json']);
    expect(solution.code).toBe(0);
    expect(JSON.parse(solution.stdout)).toMatchObject({ exerciseId: COPIED, status: 'pass' });
    const starter = await run(copy, ['bin/assoclab.mjs', 'grade', COPIED, join(LESSON, '_exercises', COPIED, 'starter.js'), '--json']);
    const graded = JSON.parse(starter.stdout);
    expect(graded.exerciseId).toBe(COPIED);
    // A starter fails: by its checks, or by an error it stops with ("not written yet").
    expect(['fail', 'error']).toContain(graded.status);
  });

  it(
    'is on the lesson page, after the lesson’s own exercises',
    async () => {
      const port = await freePort();
      dev = spawn(process.execPath, ['node_modules/astro/astro.js', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
        cwd: copy,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      dev.stdout?.on('data', (chunk: Buffer) => (devOutput += chunk.toString()));
      dev.stderr?.on('data', (chunk: Buffer) => (devOutput += chunk.toString()));
      const url = `http://127.0.0.1:${port}/lessons/basics/has-many-belongs-to/`;
      let html = '';
      for (let attempt = 0; attempt < 400 && !html; attempt++) {
        html = await fetch(url).then(
          (response) => (response.ok ? response.text() : ''),
          () => '',
        );
        if (!html) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const placed = [...html.matchAll(/data-exercise-id="([^"]+)"/g)].map((match) => match[1]);
      // The lesson's own exercises, in the order its MDX places them, then the copy.
      const own = [...readFileSync(join(root, LESSON, 'index.mdx'), 'utf8').matchAll(/<Exercise id="([^"]+)"/g)].map((match) => match[1]);
      expect(own.length).toBeGreaterThan(0);
      expect(placed).toEqual([...own, COPIED]);
    },
    ASTRO_TIMEOUT,
  );

  it('while the dev server runs, a misplaced exercise is reported as soon as the lesson is saved', async () => {
    expect(dev, 'the dev server of the test above').toBeDefined();
    appendFileSync(join(copy, LESSON, 'index.mdx'), '\n<Exercise id="no-such-exercise" />\n');
    const message = '<Exercise id="no-such-exercise"> names no exercise';
    for (let waited = 0; waited < 30_000 && !devOutput.includes(message); waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(devOutput).toContain(`${LESSON}/index.mdx:`);
    expect(devOutput).toContain(message);
  }, 40_000);
});

describe('a misplaced exercise stops the build', () => {
  it(
    'names each misplacement with its file and line',
    async () => {
      const copy = copyProject();
      try {
        const lessonFile = join(copy, LESSON, 'index.mdx');
        const text = readFileSync(lessonFile, 'utf8');
        // eager-load-posts placed twice, write-posts-of never placed, an unknown id, and one of another lesson.
        writeFileSync(
          lessonFile,
          text.replace('<Exercise id="write-posts-of" />', '<Exercise id="eager-load-posts" />') + '\n<Exercise id="no-such-exercise" />\n',
        );
        const other = 'lessons/01-basics/02-elsewhere';
        cpSync(join(copy, LESSON, '_exercises', 'write-posts-of'), join(copy, other, '_exercises', 'moved-away'), { recursive: true });
        writeFileSync(join(copy, other, 'index.mdx'), '---\ntitle: Elsewhere\ndescription: Another lesson.\n---\n\nNothing placed here.\n');
        appendFileSync(lessonFile, '\n<Exercise id="moved-away" />\n');

        const lines = readFileSync(lessonFile, 'utf8').split('\n');
        const lineOf = (needle: string, from = 0) => lines.findIndex((line, index) => index >= from && line.includes(needle)) + 1;
        const firstEager = lineOf('<Exercise id="eager-load-posts" />');
        const secondEager = lineOf('<Exercise id="eager-load-posts" />', firstEager);

        const { code, stdout, stderr } = await run(copy, ['node_modules/astro/astro.js', 'build']);
        const output = stdout + stderr;
        expect(code).not.toBe(0);
        const file = `${LESSON}/index.mdx`;
        expect(output).toContain(`${file}:${secondEager}: <Exercise id="eager-load-posts"> is placed a second time (first at ${file}:${firstEager})`);
        expect(output).toContain(`${file}:${lineOf('no-such-exercise')}: <Exercise id="no-such-exercise"> names no exercise.`);
        expect(output).toContain(
          `${file}:${lineOf('moved-away')}: <Exercise id="moved-away"> places an exercise of another lesson (${other}/_exercises/moved-away)`,
        );
        expect(output).toContain(`${LESSON}/_exercises/write-posts-of: the exercise is never placed`);
        expect(output).not.toContain('building client');
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
    ASTRO_TIMEOUT,
  );
});
