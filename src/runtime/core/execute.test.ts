/**
 * The execution core, run in-process in Node with the same host interface the workers use.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeHost } from './execute';
import { runProgram } from './execute';
import { createNodeHost } from '../node/node-host';

let host: RuntimeHost;
const seed = readFileSync(new URL('../../../tests/fixtures/sample-program.js', import.meta.url), 'utf8');

beforeAll(async () => {
  host = await createNodeHost();
});

const run = (source: string, options = {}) => runProgram(source, host, options);

describe('the seed program', () => {
  it('prints what it promises', async () => {
    const result = await run(seed);
    expect(result.error).toBeUndefined();
    expect(result.console.map((entry) => entry.text)).toEqual(['Alice wrote: Hello', 'Alice wrote: World']);
  });

  it('logs the SELECT that getPosts() sent, with the line that sent it', async () => {
    const result = await run(seed);
    const select = result.sql.find((statement) => statement.sql.startsWith('SELECT') && statement.sql.includes('`Posts`'));
    expect(select?.sql).toContain('WHERE `Post`.`userId` = 1');
    const line = seed.split('\n').findIndex((text) => text.includes('user.getPosts()')) + 1;
    expect(select?.source?.line).toBe(line);
    const insert = result.sql.find((statement) => statement.sql.startsWith('INSERT INTO `Posts`'));
    expect(insert?.bind.slice(0, 3)).toEqual(['Hello', 'First post', 1]);
  });

  it('snapshots the tables, with the foreign key and its actions', async () => {
    const result = await run(seed);
    const posts = result.database.tables.find((table) => table.name === 'Posts');
    expect(posts?.rows.map((row) => row.title)).toEqual(['Hello', 'World']);
    expect(posts?.columns.find((column) => column.name === 'userId')?.references).toMatchObject({ table: 'Users', column: 'id' });
    expect(result.database.tables.find((table) => table.name === 'Users')?.rows[0]?.name).toBe('Alice');
  });

  it('describes the model graph', async () => {
    const result = await run(seed);
    const user = result.models.models.find((model) => model.name === 'User');
    expect(user?.associations).toEqual([
      expect.objectContaining({
        type: 'HasMany',
        source: 'User',
        target: 'Post',
        as: 'Posts',
        foreignKey: 'userId',
        accessors: expect.arrayContaining(['getPosts', 'addPost']),
      }),
    ]);
    const post = result.models.models.find((model) => model.name === 'Post');
    expect(post?.associations[0]).toMatchObject({ type: 'BelongsTo', target: 'User', foreignKey: 'userId', as: 'User' });
  });
});

describe('errors are reported at the learner line', () => {
  it.each([
    ['syntax error', 'const a = 1;\nconst b = ;\n', 'syntax', 2],
    ['runtime error', 'const a = 1;\n\nnull.x;\n', 'runtime', 3],
    ['error in an awaited async function', "async function f() {\n  throw new Error('boom');\n}\nawait f();\n", 'runtime', 2],
    ['unknown module', "import _ from 'lodash';\n", 'import', 1],
  ])('%s', async (_name, source, kind, line) => {
    const result = await run(source);
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe(kind);
    expect(result.error?.location?.line).toBe(line);
  });

  it('names the missing module and what is offered', async () => {
    const result = await run("import _ from 'lodash';\n");
    expect(result.error?.message).toBe("Cannot find module 'lodash'. This playground provides 'sequelize' and 'express'.");
  });

  /** Five lines: a User with a unique email, and one user created. */
  const UNIQUE_EMAIL_USER = [
    "import { Sequelize, DataTypes } from 'sequelize';",
    "const sequelize = new Sequelize('sqlite::memory:');",
    "const User = sequelize.define('User', { email: { type: DataTypes.STRING, unique: true } });",
    'await sequelize.sync();',
    "await User.create({ email: 'a@b.c' });",
  ];

  it('locates a Sequelize error at the call that sent the failing statement', async () => {
    const source = [...UNIQUE_EMAIL_USER, "await User.create({ email: 'a@b.c' });"].join('\n');
    const result = await run(source);
    expect(result.error?.name).toBe('SequelizeUniqueConstraintError');
    expect(result.error?.location?.line).toBe(6);
    expect(result.error?.details.join('\n')).toContain('email must be unique');
  });

  it("gives a caught Sequelize error a stack that names the learner's line, not the runtime's files", async () => {
    const source = [...UNIQUE_EMAIL_USER, 'try {', "  await User.create({ email: 'a@b.c' });", '} catch (error) {', '  console.log(error.stack);', '}'].join(
      '\n',
    );
    const result = await run(source);
    expect(result.error).toBeUndefined();
    expect(result.console[0]?.text).toMatch(/^SequelizeUniqueConstraintError: Validation error\n {4}at main\.js:7:\d+$/);
  });

  it('explains a thrown string', async () => {
    const result = await run("throw 'boom';\n");
    expect(result.error).toMatchObject({ kind: 'thrown-value', name: 'Uncaught' });
    expect(result.error?.message).toContain("'boom'");
  });

  it('stops at process.exit() and says so', async () => {
    const result = await run("console.log('before');\nprocess.exit(1);\nconsole.log('after');\n");
    expect(result.console.map((entry) => entry.text)).toEqual(['before']);
    expect(result.error).toMatchObject({ kind: 'exit', location: { line: 2 } });
    expect(result.ok).toBe(false);
    expect((await run('process.exit(0);\n')).ok).toBe(true);
  });

  it('ends a program still waiting on a timer after its budget', async () => {
    const result = await run("setInterval(() => {}, 10);\nconsole.log('started');\n", { timeBudgetMs: 300 });
    expect(result.error?.kind).toBe('timeout');
    expect(result.error?.message).toMatch(/Stopped after 0\.3 s/);
    expect(result.console.map((entry) => entry.text)).toEqual(['started']);
  });
});

describe('programs as a tutorial writes them', () => {
  it('accepts TypeScript, with errors on the right line', async () => {
    const ts = [
      "import { Sequelize, DataTypes, Model } from 'sequelize';",
      'interface Row { name: string }',
      "const rows: Row[] = [{ name: 'Ada' }];",
      'console.log(rows.map((r: Row) => r.name).join());',
      'const n: number = (null as unknown as { x: number }).x;',
    ].join('\n');
    const result = await run(ts, { language: 'typescript' });
    expect(result.console[0]?.text).toBe('Ada');
    expect(result.error?.location?.line).toBe(5);
  });

  it('accepts require() and the other sqlite forms', async () => {
    const source = [
      "const { Sequelize, DataTypes } = require('sequelize');",
      "const sequelize = new Sequelize({ dialect: 'sqlite', storage: './blog.sqlite' });",
      "const Tag = sequelize.define('Tag', { name: DataTypes.STRING });",
      'await sequelize.sync();',
      "await Tag.create({ name: 'orm' });",
      'console.log(await Tag.count());',
    ].join('\n');
    const result = await run(source);
    expect(result.error).toBeUndefined();
    expect(result.console[0]?.text).toBe('1');
  });

  it('refuses other databases with a clear message', async () => {
    const result = await run("import { Sequelize } from 'sequelize';\nnew Sequelize('postgres://localhost/db');\n");
    expect(result.error?.message).toContain("Use new Sequelize('sqlite::memory:')");
    expect(result.error?.location?.line).toBe(2);
  });

  it('prints model instances by their data values', async () => {
    const source = [
      "import { Sequelize, DataTypes } from 'sequelize';",
      "const sequelize = new Sequelize('sqlite::memory:');",
      "const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });",
      'await sequelize.sync();',
      "console.log(await User.create({ name: 'Ada' }));",
      'console.log([1, { a: "x" }], null, undefined);',
    ].join('\n');
    const result = await run(source);
    expect(result.console.map((entry) => entry.text)).toEqual(["User { id: 1, name: 'Ada' }", "[ 1, { a: 'x' } ] null undefined"]);
  });

  it('serves Express routes on the virtual network', async () => {
    const source = [
      "import express from 'express';",
      'const app = express();',
      "app.get('/hello/:name', (req, res) => res.json({ hi: req.params.name }));",
      'app.listen(3000);',
      "const response = await fetch('http://localhost:3000/hello/ada');",
      'console.log(response.status, await response.json());',
    ].join('\n');
    const result = await run(source);
    expect(result.error).toBeUndefined();
    expect(result.console[0]?.text).toBe("200 { hi: 'ada' }");
  });

  it('says how many statements a full SQL log left out', async () => {
    const result = await run(
      "import { Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('sqlite::memory:', { logging: false });\nfor (let i = 0; i < 5010; i++) await sequelize.query('SELECT 1');\n",
    );
    expect(result.error).toBeUndefined();
    expect(result.sql).toHaveLength(5_000);
    expect(result.sqlOmitted).toBeGreaterThanOrEqual(10);
  });

  it('caps huge output and says how much was cut', async () => {
    const result = await run("const line = 'x'.repeat(1000);\nfor (let i = 0; i < 10000; i++) console.log(line);\nconsole.log('done');\n");
    expect(result.error).toBeUndefined();
    expect(result.truncated?.droppedEntries).toBeGreaterThan(9000);
    expect(result.truncated?.droppedChars).toBeGreaterThan(9_000_000);
    expect(result.console.reduce((sum, entry) => sum + entry.text.length, 0)).toBeLessThanOrEqual(300 * 1024);
    // The start and the end of the output are kept, the cut between them marked.
    const cut = result.truncated!.afterEntry;
    expect(result.console[0]?.text).toBe('x'.repeat(1000));
    expect(result.console.at(-1)?.text).toBe('done');
    expect(cut).toBeGreaterThan(100);
    expect(cut).toBeLessThan(result.console.length - 1);
    expect(result.console.length - cut).toBeLessThanOrEqual(20);
  });

  it('hands each console entry to the host as it is printed, up to the cap', async () => {
    const streamed: string[] = [];
    const limits = { maxChars: 1_000, maxEntries: 3, maxEntryChars: 100 };
    const result = await run("console.log('one');\nconsole.warn('two', { n: 2 });\nfor (let i = 0; i < 10; i++) console.log(i);\n", {
      consoleLimits: limits,
      onConsoleEntry: (entry: { level: string; text: string }) => streamed.push(`${entry.level}:${entry.text}`),
    });
    expect(streamed).toEqual(['log:one', 'warn:two { n: 2 }', 'log:0']);
    // Past the cap, the last lines are kept for the result (up to 20 of them), not streamed.
    const tail = Array.from({ length: 9 }, (_, i) => `log:${i + 1}`);
    expect(result.console.map((entry) => `${entry.level}:${entry.text}`)).toEqual([...streamed, ...tail]);
    expect(result.truncated).toBeUndefined();
  });

  it("keeps what the checks' probes do after the program out of its result", async () => {
    const source = [
      "import { Sequelize, DataTypes } from 'sequelize';",
      "const sequelize = new Sequelize('sqlite::memory:');",
      "export const Tag = sequelize.define('Tag', { name: DataTypes.STRING });",
      'await sequelize.sync();',
      "await Tag.create({ name: 'mine' });",
      "export async function shout(name) { console.log('called with', name); return Tag.create({ name }); }",
      "console.log('program done');",
    ].join('\n');
    const result = await run(source, {
      afterRun: async ({ exports }: { exports: Record<string, unknown> }) => {
        await (exports.shout as (name: string) => Promise<unknown>)('hidden');
      },
    });
    expect(result.error).toBeUndefined();
    expect(result.console.map((entry) => entry.text)).toEqual(['program done']);
    expect(result.database.tables.find((table) => table.name === 'Tags')?.rows.map((row) => row.name)).toEqual(['mine']);
    expect(result.sql.some((statement) => JSON.stringify(statement.bind).includes('hidden'))).toBe(false);
  });

  it('starts every run from an empty database', async () => {
    const source =
      "import { Sequelize, DataTypes } from 'sequelize';\nconst s = new Sequelize('sqlite::memory:');\nconst T = s.define('T', {});\nawait s.sync();\nawait T.create();\nconsole.log(await T.count());\n";
    expect((await run(source)).console[0]?.text).toBe('1');
    expect((await run(source)).console[0]?.text).toBe('1');
  });

  it('lists what the program exports', async () => {
    const result = await run('export const answer = 42;\nexport async function postsOf() { return []; }\nexport default 1;\n');
    expect(result.exports.sort()).toEqual(['answer', 'default', 'postsOf']);
  });
});
