/**
 * `assoclab grade` run as a process, as an instructor or a CI job runs it: a correct, a
 * partial and a wrong submission get the right points in every format (the Exercism and
 * GitHub Classroom outputs checked against their published shapes), and each mistake in
 * the input exits 2 with a message naming the file and the problem.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'assoclab.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'assoclab-grade-'));
const lessons = join(root, 'lessons', '01-basics');
const read = (path: string) => readFileSync(join(lessons, path), 'utf8');
const link = (name: string) => read(`01-has-many-belongs-to/_exercises/link-posts-to-author/${name}`);
const profile = (name: string) => read(`02-has-one/_exercises/give-users-a-profile/${name}`);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: scratch, timeout: 170_000, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const assignment = {
  format: 'assoclab-assignment',
  version: 1,
  id: 'week-1',
  title: 'Week 1: first associations',
  exercises: [
    { id: 'link-posts-to-author', points: 10 },
    { id: 'give-users-a-profile', points: 5 },
  ],
};

function submission(name: string, programs: Record<string, string>, forAssignment: object = assignment): object {
  return { format: 'assoclab-submission', version: 1, learner: { name }, assignment: forAssignment, submittedAt: '2026-03-02T09:00:00Z', programs };
}

/** Only User.hasMany(Post): some checks of link-posts-to-author pass, not all. */
const ONE_SIDED = link('starter.js').replace('// TODO 1:', "User.hasMany(Post, { foreignKey: 'userId' });\n// TODO 1:");

const files = {
  assignment: join(scratch, 'assignment.json'),
  folder: join(scratch, 'class'),
  correct: join(scratch, 'class', 'ann.json'),
  partial: join(scratch, 'class', 'bob.json'),
  wrong: join(scratch, 'class', 'cy.json'),
};

/** The published shape of Exercism's results.json, version 3 (test-runner interface). */
const exercismSchema = z
  .object({
    version: z.literal(3),
    status: z.enum(['pass', 'fail', 'error']),
    message: z.string().nullable().optional(),
    tests: z.array(
      z
        .object({
          name: z.string().min(1),
          test_code: z.string(),
          status: z.enum(['pass', 'fail', 'error']),
          message: z.string().nullable().optional(),
          output: z.string().max(500).nullable().optional(),
          task_id: z.number().int().min(1).optional(),
        })
        .strict()
        .refine((test) => test.status === 'pass' || typeof test.message === 'string', 'a failed test needs a message'),
    ),
  })
  .strict()
  .refine((results) => results.status !== 'error' || typeof results.message === 'string', 'an error needs a message');

/** A GitHub Classroom grader's result, as autograding-grading-reporter reads it. */
const classroomSchema = z
  .object({
    version: z.literal(1),
    status: z.enum(['pass', 'fail', 'error']),
    max_score: z.number().nonnegative(),
    tests: z.array(
      z
        .object({
          name: z.string(),
          status: z.enum(['pass', 'fail', 'error']),
          message: z.string(),
          test_code: z.string(),
          filename: z.string(),
          line_no: z.number().int(),
          duration: z.number(),
          score: z.number().nonnegative(),
        })
        .strict(),
    ),
  })
  .strict();

const decodeClassroom = (stdout: string) => {
  const lines = stdout.split('\n').filter((line) => line.startsWith('result='));
  expect(lines).toHaveLength(1);
  return classroomSchema.parse(JSON.parse(Buffer.from(lines[0]!.slice('result='.length), 'base64').toString('utf8')));
};
const sumOf = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value * 100, 0)) / 100;

type Summary = {
  assignment: string;
  maxPoints: number;
  seed: number;
  learners: {
    name: string;
    file: string;
    total: number;
    exercises: Record<string, { points: number; max: number; status: string; passed: number; total: number }>;
  }[];
};

let folderRun: Result;
let summary: Summary;

beforeAll(async () => {
  mkdirSync(files.folder);
  writeFileSync(files.assignment, JSON.stringify(assignment, null, 2));
  writeFileSync(
    files.correct,
    JSON.stringify(submission('Ann Lee', { 'link-posts-to-author': link('solution.js'), 'give-users-a-profile': profile('solution.js') })),
  );
  writeFileSync(files.partial, JSON.stringify(submission('Bob, "the builder"', { 'link-posts-to-author': ONE_SIDED })));
  writeFileSync(files.wrong, JSON.stringify(submission('Cy', { 'link-posts-to-author': link('starter.js'), 'give-users-a-profile': profile('starter.js') })));
  folderRun = await cli(['grade', '--assignment', files.assignment, files.folder, '--json', '--seed', '42', '--out', join(scratch, 'grades')]);
  summary = JSON.parse(folderRun.stdout) as Summary;
}, 180_000);

describe('a folder of submissions', () => {
  it('grades every learner: full points, partial points, none', () => {
    expect(folderRun.code, folderRun.stderr).toBe(0);
    expect(summary).toMatchObject({ assignment: 'week-1', maxPoints: 15, seed: 42 });
    const [ann, bob, cy] = summary.learners;
    expect(ann).toMatchObject({ name: 'Ann Lee', total: 15, exercises: { 'link-posts-to-author': { points: 10, status: 'pass' } } });
    expect(cy).toMatchObject({ name: 'Cy', total: 0 });
    // Partial: points x passed / checks, rounded to 2 decimals; a missing program scores 0.
    const linkGrade = bob!.exercises['link-posts-to-author']!;
    expect(linkGrade.passed).toBeGreaterThan(0);
    expect(linkGrade.passed).toBeLessThan(linkGrade.total);
    expect(linkGrade.points).toBe(Math.round(((10 * linkGrade.passed) / linkGrade.total) * 100) / 100);
    expect(bob!.exercises['give-users-a-profile']).toMatchObject({ points: 0, status: 'missing', passed: 0 });
    expect(bob!.total).toBe(linkGrade.points);
  });

  it('writes the gradebook and a report per learner', () => {
    const csv = readFileSync(join(scratch, 'grades', 'gradebook.csv'), 'utf8')
      .trim()
      .split(/\r?\n/);
    const bob = summary.learners[1]!;
    expect(csv).toEqual([
      'learner,link-posts-to-author,give-users-a-profile,total,max',
      'Ann Lee,10,5,15,15',
      `"Bob, ""the builder""",${bob.exercises['link-posts-to-author']!.points},0,${bob.total},15`,
      'Cy,0,0,0,15',
    ]);
    expect(readdirSync(join(scratch, 'grades', 'reports')).sort()).toEqual(['ann.txt', 'bob.txt', 'cy.txt']);
    const report = readFileSync(join(scratch, 'grades', 'reports', 'bob.txt'), 'utf8');
    expect(report).toContain('Seed: 42');
    expect(report).toMatch(/2\. Give every user a profile \(give-users-a-profile\): 0\/5 points \(missing: no program was submitted\)/);
    expect(report).toMatch(/✘ Post belongs to User/);
  });
});

describe('a folder with submissions that cannot be graded', () => {
  it('grades the others, gives those 0 with the reason in their row and report, and says so on stderr (exit 0)', async () => {
    const mixed = join(scratch, 'mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'ann.json'), readFileSync(files.correct));
    writeFileSync(join(mixed, 'broken.json'), '{ "format": ');
    writeFileSync(join(mixed, 'dee.json'), JSON.stringify(submission('Dee', {}, { ...assignment, id: 'week-2', title: 'Week 2' })));
    const { code, stdout, stderr } = await cli([
      'grade',
      '--assignment',
      files.assignment,
      mixed,
      '--json',
      '--jobs',
      '1',
      '--out',
      join(scratch, 'mixed-grades'),
    ]);
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as { learners: { name: string; total: number; problem?: string }[] };
    expect(result.learners.map((learner) => [learner.name, learner.total])).toEqual([
      ['Ann Lee', 15],
      ['broken', 0],
      ['dee', 0],
    ]);
    expect(result.learners[1]!.problem).toMatch(/broken\.json is not valid JSON/);
    expect(result.learners[2]!.problem).toMatch(/dee\.json is a submission for another assignment: "Week 2" \(week-2\)/);
    expect(stderr).toMatch(/not graded: .*broken\.json is not valid JSON/);
    expect(readFileSync(join(scratch, 'mixed-grades', 'reports', 'dee.txt'), 'utf8')).toContain('This submission could not be graded');
  }, 180_000);
});

describe('one submission, in every format', () => {
  let text: Result;
  let exercism: Result;
  let classroom: Result;
  let junit: Result;
  const githubOutput = join(scratch, 'github-output.txt');
  beforeAll(async () => {
    writeFileSync(githubOutput, '');
    const common = ['grade', '--assignment', files.assignment, files.partial, '--seed', '42', '--jobs', '1'];
    [text, exercism, classroom, junit] = await Promise.all([
      cli(common),
      cli([...common, '--format', 'exercism', '--out', join(scratch, 'exercism')]),
      cli([...common, '--format', 'classroom'], { GITHUB_OUTPUT: githubOutput }),
      cli([...common, '--format', 'junit', '--out', join(scratch, 'junit')]),
    ]);
  }, 180_000);
  const bob = () => summary.learners[1]!;

  it('prints the readable report', () => {
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Total: ${bob().total}/15 points`);
    expect(text.stdout).toMatch(/1\. Link posts to their author \(link-posts-to-author\): [\d.]+\/10 points \(fail, \d\/6 checks passed\)/);
  });

  it('writes Exercism results.json (version 3), one test per check, task_id per exercise', () => {
    expect(exercism.code, exercism.stderr).toBe(0);
    const results = exercismSchema.parse(JSON.parse(readFileSync(join(scratch, 'exercism', 'results.json'), 'utf8')));
    expect(results.status).toBe('fail');
    expect(results.tests.filter((test) => test.task_id === 1)).toHaveLength(6);
    expect(results.tests.filter((test) => test.task_id === 1 && test.status === 'pass')).toHaveLength(bob().exercises['link-posts-to-author']!.passed);
    expect(
      results.tests
        .filter((test) => test.task_id === 2)
        .every((test) => test.status === 'fail' && test.message === 'No program was submitted for this exercise.'),
    ).toBe(true);
  });

  it('prints the GitHub Classroom result, its scores adding up to the points, and appends it to $GITHUB_OUTPUT', () => {
    expect(classroom.code, classroom.stderr).toBe(0);
    const result = decodeClassroom(classroom.stdout);
    expect(result.max_score).toBe(15);
    expect(result.status).toBe('fail');
    expect(sumOf(result.tests.map((test) => test.score))).toBe(bob().total);
    expect(result.tests.filter((test) => test.status === 'fail').every((test) => test.score === 0)).toBe(true);
    expect(readFileSync(githubOutput, 'utf8')).toBe(`${classroom.stdout.trim()}\n`);
  });

  it('writes JUnit XML: a suite per exercise, a failure per failed check', () => {
    expect(junit.code, junit.stderr).toBe(0);
    const xml = readFileSync(join(scratch, 'junit', 'junit.xml'), 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    const { passed, total } = bob().exercises['link-posts-to-author']!;
    const checks = total + bob().exercises['give-users-a-profile']!.total;
    expect(xml.match(/<testcase /g)!.length).toBe(checks);
    expect(xml.match(/<failure /g)!.length).toBe(checks - passed);
    expect(xml).toContain('name="assoclab: Bob, &quot;the builder&quot;, ');
  });
});

describe('one program, as `grade <exercise-id> <file>`', () => {
  const exercise = join(lessons, '01-has-many-belongs-to', '_exercises', 'link-posts-to-author');
  let correct: Result;
  let wrong: Result;
  let broken: Result;
  beforeAll(async () => {
    const brokenFile = join(scratch, 'broken.js');
    writeFileSync(brokenFile, 'const a = ;\n');
    [correct, wrong, broken] = await Promise.all([
      cli(['grade', 'link-posts-to-author', join(exercise, 'solution.js'), '--format', 'classroom', '--points', '10', '--jobs', '1']),
      cli(['grade', 'link-posts-to-author', join(exercise, 'starter.js'), '--format', 'exercism', '--out', join(scratch, 'wrong'), '--jobs', '1']),
      cli(['grade', 'link-posts-to-author', brokenFile, '--format', 'exercism', '--out', join(scratch, 'broken'), '--jobs', '1']),
    ]);
  }, 180_000);

  it('gives a correct program every point (--points)', () => {
    expect(correct.code, correct.stderr).toBe(0);
    const result = decodeClassroom(correct.stdout);
    expect(result).toMatchObject({ status: 'pass', max_score: 10 });
    expect(sumOf(result.tests.map((test) => test.score))).toBe(10);
  });

  it('fails a wrong one, and says a program that cannot run is an error', () => {
    expect(wrong.code, wrong.stderr).toBe(0);
    const failed = exercismSchema.parse(JSON.parse(readFileSync(join(scratch, 'wrong', 'results.json'), 'utf8')));
    expect(failed.status).toBe('fail');
    expect(failed.tests.every((test) => test.status === 'fail')).toBe(true);
    expect(broken.code, broken.stderr).toBe(0);
    const error = exercismSchema.parse(JSON.parse(readFileSync(join(scratch, 'broken', 'results.json'), 'utf8')));
    expect(error.status).toBe('error');
    expect(error.message).toMatch(/^line 1: SyntaxError: /);
  });
});

describe('the GitHub Classroom template (docs/classroom-template)', () => {
  const template = join(root, 'docs', 'classroom-template');

  it('holds the course’s starters, and its workflow hands the grader’s result to the reporter', () => {
    expect(readFileSync(join(template, 'exercises', 'link-posts-to-author.js'), 'utf8')).toBe(link('starter.js'));
    expect(readFileSync(join(template, 'exercises', 'give-users-a-profile.js'), 'utf8')).toBe(profile('starter.js'));
    const workflow = parseYaml(readFileSync(join(template, '.github', 'workflows', 'classroom.yml'), 'utf8')) as {
      jobs: Record<
        string,
        { name: string; steps: { id?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }[] }
      >;
    };
    const job = Object.values(workflow.jobs)[0]!;
    expect(job.name).toBe('Autograding Tests');
    const grade = job.steps.find((step) => step.run?.includes('assoclab.mjs grade'))!;
    expect(grade.run).toContain('--format classroom');
    const reporter = job.steps.find((step) => step.uses?.startsWith('classroom-resources/autograding-grading-reporter'))!;
    expect(reporter.with?.runners).toBe(grade.id);
    expect(reporter.env?.[`${grade.id!.toUpperCase()}_RESULTS`]).toBe(`\${{ steps.${grade.id}.outputs.result }}`);
  });

  it('is graded by the command its workflow runs: a Classroom result of 0 of 15 points for the starters', async () => {
    const { code, stdout, stderr } = await cli([
      'grade',
      '--assignment',
      join(template, 'assignment.json'),
      '--programs',
      join(template, 'exercises'),
      '--learner',
      'octocat',
      '--format',
      'classroom',
      '--jobs',
      '1',
    ]);
    expect(code, stderr).toBe(0);
    const result = decodeClassroom(stdout);
    expect(result).toMatchObject({ status: 'fail', max_score: 15 });
    expect(sumOf(result.tests.map((test) => test.score))).toBe(0);
    expect(result.tests[0]!.filename).toMatch(/exercises\/link-posts-to-author\.js$/);
  }, 180_000);
});

describe('mistakes in the input exit 2, naming the file and the problem', () => {
  it.each([
    [
      'malformed JSON',
      () => (writeFileSync(join(scratch, 'bad.json'), '{ "format": '), ['--assignment', files.assignment, join(scratch, 'bad.json')]),
      /bad\.json is not valid JSON/,
    ],
    [
      'an unknown exercise id',
      () => {
        const file = join(scratch, 'unknown-exercise.json');
        writeFileSync(file, JSON.stringify({ ...assignment, exercises: [{ id: 'no-such-exercise', points: 5 }] }));
        return ['--assignment', file, files.correct];
      },
      /unknown-exercise\.json:\n {2}- exercises\.0\.id: there is no exercise "no-such-exercise"/,
    ],
    [
      'a submission for another assignment',
      () => {
        const file = join(scratch, 'other.json');
        writeFileSync(file, JSON.stringify(submission('Dee', {}, { ...assignment, id: 'week-2', title: 'Week 2' })));
        return ['--assignment', files.assignment, file];
      },
      /other\.json is a submission for another assignment: "Week 2" \(week-2\), not "Week 1: first associations" \(week-1\)/,
    ],
    [
      'an empty folder',
      () => {
        mkdirSync(join(scratch, 'empty'), { recursive: true });
        return ['--assignment', files.assignment, join(scratch, 'empty')];
      },
      /empty holds no submissions: no \*\.json file in it/,
    ],
    ['a missing assignment.json', () => ['--assignment', join(scratch, 'nope.json'), files.correct], /Cannot read .*nope\.json: no such file/],
    [
      'an invalid assignment',
      () => (writeFileSync(join(scratch, 'invalid.json'), '{"format":"x"}'), ['--assignment', join(scratch, 'invalid.json'), files.correct]),
      /Invalid data in .*invalid\.json/,
    ],
    [
      'an unknown format',
      () => ['--assignment', files.assignment, files.correct, '--format', 'pdf'],
      /--format takes one of text, json, exercism, classroom, junit/,
    ],
    [
      'a Classroom result for a folder',
      () => ['--assignment', files.assignment, files.folder, '--format', 'classroom'],
      /--format classroom reports on one learner/,
    ],
  ])('%s', async (_name, args, message) => {
    const { code, stdout, stderr } = await cli(['grade', ...args()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });
});
