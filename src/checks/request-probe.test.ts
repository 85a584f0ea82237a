/**
 * Request checks: a probe that seeds hidden rows, sends a request to the learner's Express
 * app and compares the status and JSON with the reference solution's, graded in Node with
 * the real Express and Sequelize, in-process.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExercise, type Exercise } from '../schemas/exercise';
import { createNodeHost } from '../runtime/node/node-host';
import { createInProcessRunner } from '../runtime/protocol/in-process-runner';
import type { ProgramRunner } from './types';
import { gradeProgram } from './grade';

const program = (route: string) =>
  [
    "import express from 'express';",
    "import { Sequelize, DataTypes } from 'sequelize';",
    "const sequelize = new Sequelize('sqlite::memory:');",
    "const User = sequelize.define('User', { name: DataTypes.STRING });",
    "const Post = sequelize.define('Post', { title: DataTypes.STRING });",
    "User.hasMany(Post, { foreignKey: 'userId' });",
    "Post.belongsTo(User, { foreignKey: 'userId' });",
    'await sequelize.sync();',
    'const app = express();',
    route,
    'app.listen(3000);',
  ].join('\n');

const SOLUTION = program(`app.get('/users/:id/posts', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  if (!user) return res.status(404).json({ error: 'no such user' });
  res.json(await user.getPosts());
});`);

let exercise: Exercise;
let runner: ProgramRunner;

beforeAll(async () => {
  runner = createInProcessRunner(await createNodeHost());
  exercise = parseExercise(
    {
      id: 'posts-route',
      title: 'GET /users/:id/posts',
      instructions: 'Answer with the posts of one user.',
      topic: 'accessor-methods',
      difficulty: 2,
      starter: program(''),
      solution: SOLUTION,
      checks: [
        {
          id: 'posts',
          kind: 'probe',
          title: 'GET /users/:id/posts answers with that user’s posts',
          probe: {
            seed: [
              { as: 'writer', model: 'User', values: { name: { random: 'name' } } },
              { as: 'other', model: 'User', values: { name: { random: 'name' } } },
              { as: 'first', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
              { as: 'theirs', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'other', attribute: 'id' } } },
            ],
            call: { request: { method: 'GET', path: '/users/:writer.id/posts' } },
          },
          project: ['title'],
        },
      ],
    },
    'src/checks/request-probe.test.ts',
  );
});

const grade = (source: string) => gradeProgram(exercise, source, runner, { seed: 42, timeBudgetMs: 2_000 });

describe('a request check', () => {
  it('passes the reference solution', async () => {
    const report = await grade(SOLUTION);
    expect(report.checks[0]).toMatchObject({
      passed: true,
      message: 'GET /users/:id/posts answered with the right status and JSON for data it had never seen.',
    });
  });

  it('fails a route that answers with every post, showing the JSON it wanted and got', async () => {
    const report = await grade(program("app.get('/users/:id/posts', async (req, res) => res.json(await Post.findAll()));"));
    expect(report.checks[0]?.passed).toBe(false);
    expect(report.checks[0]?.message).toBe('GET /users/:id/posts answered with the wrong JSON for data your program did not create.');
    expect(JSON.parse(report.checks[0]!.found!)).toHaveLength(2);
    expect(JSON.parse(report.checks[0]!.expected!)).toHaveLength(1);
  });

  it('fails a missing route with the status Express gave', async () => {
    const report = await grade(program(''));
    expect(report.checks[0]?.passed).toBe(false);
    expect(report.checks[0]?.message).toBe('GET /users/:id/posts answered 404 where the reference app answers 200, for data your program did not create.');
  });

  it('fails a route that throws with the error it threw, at its line, and not Express’s HTML page', async () => {
    const report = await grade(
      program(`app.get('/users/:id/posts', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  res.json(await user.getComments());
});`),
    );
    expect(report.checks[0]?.passed).toBe(false);
    expect(report.checks[0]?.message).toBe(
      'GET /users/:id/posts answered 500 where the reference app answers 200, for data your program did not create. ' +
        'The route threw TypeError: user.getComments is not a function (line 12), and Express answered that with a 500.',
    );
    expect(report.checks[0]?.found).toBe('500 an HTML error page (“TypeError: user.getComments is not a function”)');
  });

  it('fails a route that never answers, saying so', async () => {
    const report = await grade(program("app.get('/users/:id/posts', async (req, res) => { await Post.findAll(); });"));
    expect(report.checks[0]?.passed).toBe(false);
    expect(report.checks[0]?.message).toBe('GET /users/:id/posts got no response: does every way through the route end in res.json()?');
  });

  it('fails a program that starts no app', async () => {
    const report = await grade(program('').replace('app.listen(3000);', ''));
    expect(report.checks[0]?.message).toMatch(/^Could not call GET \/users\/:id\/posts: no app is listening/);
  });
});

describe('a check on the queries of a request (during)', () => {
  const loop = program(`app.get('/posts', async (req, res) => {
  const rows = [];
  for (const post of await Post.findAll()) rows.push({ title: post.title, author: (await post.getUser()).name });
  res.json(rows);
});`);
  const joined = program(`app.get('/posts', async (req, res) => {
  const posts = await Post.findAll({ include: User });
  res.json(posts.map((post) => ({ title: post.title, author: post.User.name })));
});`);
  let listing: Exercise;

  beforeAll(() => {
    listing = parseExercise(
      {
        id: 'list-posts',
        title: 'GET /posts',
        instructions: 'List every post with its author.',
        topic: 'eager-loading',
        difficulty: 2,
        starter: loop,
        solution: joined,
        checks: [
          {
            id: 'list',
            kind: 'probe',
            title: 'GET /posts lists every post with its author',
            probe: {
              seed: [
                { as: 'ann', model: 'User', values: { name: { random: 'name' } } },
                { as: 'bo', model: 'User', values: { name: { random: 'name' } } },
                { as: 'p1', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'ann', attribute: 'id' } } },
                { as: 'p2', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'bo', attribute: 'id' } } },
              ],
              call: { request: { method: 'GET', path: '/posts' } },
            },
          },
          { id: 'lean', kind: 'no-n-plus-one', title: 'GET /posts runs no query per post', during: 'list' },
          { id: 'one-select', kind: 'query-count', title: 'GET /posts sends one SELECT', statement: 'select', max: 1, during: 'list' },
          // The program itself sends no SELECT: only its request does.
          { id: 'program', kind: 'query-count', title: 'The program reads nothing', statement: 'select', max: 0 },
        ],
      },
      'src/checks/request-probe.test.ts',
    );
  });

  it('passes a route that reads the posts and their authors in one query; the probe’s own inserts are not counted', async () => {
    const report = await gradeProgram(listing, joined, runner, { seed: 7, timeBudgetMs: 2_000 });
    expect(report.checks.map((check) => [check.id, check.passed])).toEqual([
      ['list', true],
      ['lean', true],
      ['one-select', true],
      ['program', true],
    ]);
  });

  it('fails a route that loads each author in a loop, though its JSON is right', async () => {
    const report = await gradeProgram(listing, loop, runner, { seed: 7, timeBudgetMs: 2_000 });
    const [list, lean, oneSelect] = report.checks;
    expect(list?.passed).toBe(true);
    expect(lean).toMatchObject({ passed: false });
    expect(lean?.message).toMatch(/^The same SELECT ran 2 times while answering GET \/posts, each time with a different value/);
    expect(oneSelect?.message).toMatch(/^Answering GET \/posts sent 3 SELECTs; it should send at most 1\./);
  });
});
