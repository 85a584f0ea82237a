/**
 * The execution core, run in-process in Node with the same host interface the workers use.
 */
import { readFileSync } from 'node:fs';
import { formatWithOptions } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../schemas/run-result';
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

describe('the model graph', () => {
  it('reports the ON DELETE rule the table really got, not an option Sequelize ignored', async () => {
    const result = await run(
      [
        "import { Sequelize, DataTypes } from 'sequelize';",
        "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
        "const User = sequelize.define('User', { name: DataTypes.STRING });",
        "const Post = sequelize.define('Post', { title: DataTypes.STRING });",
        "User.hasMany(Post, { foreignKey: 'userId' });",
        "Post.belongsTo(User, { foreignKey: 'userId', onDelete: 'CASCADE' });",
        'await sequelize.sync();',
      ].join('\n'),
    );
    const posts = result.database.tables.find((table) => table.name === 'Posts');
    const column = posts?.columns.find((c) => c.name === 'userId');
    expect(column?.references?.onDelete).toBe('SET NULL');
    const belongsTo = result.models.models.find((model) => model.name === 'Post')?.associations.find((a) => a.type === 'BelongsTo');
    expect(belongsTo?.onDelete).toBe(column?.references?.onDelete);
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

  it("prints the program's own stack traces at the learner's lines, leaving the runtime's frames out", async () => {
    const source = ['function make() {', "  return new Error('boom');", '}', 'const made = make();', 'console.log(made.stack);', 'console.log(made);'].join(
      '\n',
    );
    const result = await run(source);
    expect(result.error).toBeUndefined();
    const [stack, inspected] = result.console.map((entry) => entry.text);
    expect(stack).toMatch(/^Error: boom\n {4}at make \(main\.js:2:10\)\n {4}at main\.js:4:14(\n {4}… \d+ more frames? inside Sequelize and the runtime)?$/);
    expect(inspected).toBe(stack);
    expect(`${stack}${inspected}`).not.toMatch(/assoclab-program|runProgram/);
  });

  it("gives a caught Sequelize error a stack that names the learner's line, not the runtime's files", async () => {
    const source = [...UNIQUE_EMAIL_USER, 'try {', "  await User.create({ email: 'a@b.c' });", '} catch (error) {', '  console.log(error.stack);', '}'].join(
      '\n',
    );
    const result = await run(source);
    expect(result.error).toBeUndefined();
    // The first line is Sequelize's, as natively: its stack is that of an Error it made before
    // sending the statement, `new Error()` ('Error'; under Vitest's stack formatting, 'Error: ').
    expect(result.console[0]?.text).toMatch(/^Error(: )?\n {4}at main\.js:7:\d+$/);
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

  it("ends the program at an error its timer's callback throws, at its line, as Node does", async () => {
    const result = await run("setTimeout(() => {\n  throw new Error('late');\n}, 10);\nconsole.log('first');\n");
    expect(result.console.map((entry) => entry.text)).toEqual(['first']);
    expect(result.error).toMatchObject({ kind: 'runtime', name: 'Error', message: 'late', location: { line: 2 } });
  });

  it("takes the stop a guard throws inside a setInterval past its budget as the run's own, not an uncaught error", async () => {
    const result = await run('setInterval(() => {\n  for (let i = 0; i < 10; i++) {}\n}, 1);\n', { timeBudgetMs: 200 });
    expect(result.error?.kind).toBe('timeout');
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

/**
 * What the same program prints natively (Node 20, Sequelize 6, the sqlite3 package): each
 * expectation here was printed by it (tests/differential.test.ts compares whole programs).
 */
describe('as real Sequelize on native sqlite3 (issue #9)', () => {
  const lines = (...source: string[]) => ["import { Sequelize, DataTypes, Model, QueryTypes } from 'sequelize';", ...source].join('\n');
  const texts = (result: RunResult) => result.console.map((entry) => entry.text);
  /** A stack's frames as one `at …` line (they name files); Vitest's 'Error: ' header for an empty message as Node's 'Error'. */
  const hideFrames = (text: string) =>
    text.replace(/^Error: \n/, 'Error\n').replace(/(\n {4}at [^\n]*?)+( \{)?(?=\n|$)/, (_all, _frame, brace = '') => `\n    at …${brace}`);

  describe('an explicit logging option logs as natively', () => {
    it.each<[string, string, string[]]>([
      ['logging: console.log prints each statement alone', '{ logging: console.log }', ['Executing (default): SELECT 1']],
      ['with benchmark, the time after it', '{ logging: console.log, benchmark: true }', ['Executed (default): SELECT 1 Elapsed time: 0ms']],
      ['no logging option: nothing (the SQL tab shows the statements)', '{}', []],
    ])('%s', async (_name, options, printed) => {
      const result = await run(lines(`const sequelize = new Sequelize('sqlite::memory:', ${options});`, "await sequelize.query('SELECT 1');"));
      expect(result.error).toBeUndefined();
      expect(texts(result).map((text) => text.replace(/Elapsed time: \d+ms/, 'Elapsed time: 0ms'))).toEqual(printed);
    });

    it('logging: console.log on one query, the instance silent', async () => {
      const result = await run(
        lines("const sequelize = new Sequelize('sqlite::memory:', { logging: false });", "await sequelize.query('SELECT 1', { logging: console.log });"),
      );
      expect(texts(result)).toEqual(['Executing (default): SELECT 1']);
    });

    it('a logging function of its own gets the query options, without anything of the runtime in them', async () => {
      const result = await run(
        lines(
          "const sequelize = new Sequelize('sqlite::memory:', { logging: (sql, options) => console.log(sql, Object.getOwnPropertySymbols(options).length, options.type) });",
          "await sequelize.query('SELECT 1');",
        ),
      );
      expect(texts(result)).toEqual(['Executing (default): SELECT 1 0 RAW']);
    });

    it('logging: true logs with console.log, after the deprecation warning Node prints', async () => {
      const result = await run(
        lines("const sequelize = new Sequelize('sqlite::memory:', { logging: true });", "console.log('made');", "await sequelize.query('SELECT 1');"),
      );
      expect(result.console.map(({ level, text, origin }) => ({ level, text, origin }))).toEqual([
        { level: 'log', text: 'made', origin: undefined },
        {
          level: 'warn',
          text: '[SEQUELIZE0002] DeprecationWarning: The logging-option should be either a function or false. Default: console.log',
          origin: 'sequelize',
        },
        { level: 'log', text: 'Executing (default): SELECT 1', origin: undefined },
      ]);
    });
  });

  describe("Sequelize's warnings are in the output, as Sequelize's", () => {
    it.each<[string, string[], string]>([
      [
        'public class fields shadowing attributes',
        [
          'class User extends Model { title; }',
          "User.init({ title: DataTypes.STRING }, { sequelize: new Sequelize('sqlite::memory:', { logging: false }) });",
          "User.build({ title: 'x' });",
        ],
        '(sequelize) Warning: Model "User" is declaring public class fields for attribute(s): "title".\nThese class fields are shadowing Sequelize\'s attribute getters & setters.\nSee https://sequelize.org/main/manual/model-basics.html#caveat-with-public-class-fields',
      ],
      [
        'attributes passed as finder options',
        [
          "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
          "const Post = sequelize.define('Post', { title: DataTypes.STRING });",
          'await sequelize.sync();',
          "await Post.findAll({ title: 'x' });",
        ],
        '(sequelize) Warning: Model attributes (title) passed into finder method options of model Post, but the options.where object is empty. Did you forget to use options.where?',
      ],
      [
        'unknown findOrCreate defaults',
        [
          "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
          "const Post = sequelize.define('Post', { title: DataTypes.STRING });",
          'await sequelize.sync();',
          "await Post.findOrCreate({ where: { title: 'x' }, defaults: { nope: 1 } });",
        ],
        '(sequelize) Warning: Unknown attributes (nope) passed to defaults option of findOrCreate',
      ],
    ])('%s', async (_name, source, warning) => {
      const result = await run(lines(...source));
      expect(result.error).toBeUndefined();
      expect(result.console).toEqual([expect.objectContaining({ level: 'warn', origin: 'sequelize', text: warning })]);
    });

    it('a failed COMMIT', async () => {
      const result = await run(
        lines(
          "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
          "const User = sequelize.define('User', { name: DataTypes.STRING });",
          'await sequelize.sync();',
          'const settled = await Promise.allSettled(["a", "b"].map((name) => sequelize.transaction((transaction) => User.create({ name }, { transaction }))));',
          'console.log(settled.map((outcome) => outcome.reason.message));',
        ),
      );
      expect(result.console.map(({ level, origin, text }) => [level, origin, text.replace(/transaction [\da-f]{8}-[\da-f-]{27}/, 'transaction <id>')])).toEqual(
        [
          [
            'warn',
            'sequelize',
            'Committing transaction <id> failed with error "SQLITE_ERROR: cannot commit - no transaction is active". We are killing its connection as it is now in an undetermined state.',
          ],
          [
            'log',
            undefined,
            "[\n  'SQLITE_ERROR: cannot commit - no transaction is active',\n  'SQLITE_ERROR: cannot start a transaction within a transaction'\n]",
          ],
        ],
      );
    });
  });

  describe('errors print as natively', () => {
    const ORPHAN = [
      "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
      "const User = sequelize.define('User', { name: DataTypes.STRING });",
      "const Post = sequelize.define('Post', { title: DataTypes.STRING });",
      "Post.belongsTo(User, { foreignKey: 'userId' });",
      'await sequelize.sync();',
      "const error = await Post.create({ title: 'x', userId: 9 }).catch((error) => error);",
    ];
    const INSERT = 'INSERT INTO `Posts` (`id`,`title`,`createdAt`,`updatedAt`,`userId`) VALUES (NULL,$1,$2,$3,$4);';

    it("the driver's error: in brackets, with errno, code and sql", async () => {
      const result = await run(lines(...ORPHAN, 'console.log(error.parent);'));
      expect(texts(result)).toEqual([
        `[Error: SQLITE_CONSTRAINT: FOREIGN KEY constraint failed] {\n  errno: 19,\n  code: 'SQLITE_CONSTRAINT',\n  sql: '${INSERT}'\n}`,
      ]);
    });

    it("Sequelize's error: its stack, then name, parent, original, sql, parameters, fields...", async () => {
      const result = await run(lines(...ORPHAN, 'console.log(error);'));
      const [printed = ''] = texts(result);
      // Stack frames name files, which differ between the two: the rest is the same.
      const parent = `[Error: SQLITE_CONSTRAINT: FOREIGN KEY constraint failed] {\n    errno: 19,\n    code: 'SQLITE_CONSTRAINT',\n    sql: '${INSERT}'\n  }`;
      expect(hideFrames(printed)).toBe(
        [
          'Error',
          '    at … {',
          "  name: 'SequelizeForeignKeyConstraintError',",
          `  parent: ${parent},`,
          `  original: ${parent},`,
          `  sql: '${INSERT}',`,
          '  parameters: {},',
          '  table: undefined,',
          '  fields: undefined,',
          '  value: undefined,',
          '  index: undefined,',
          '  reltype: undefined',
          '}',
        ].join('\n'),
      );
    });
  });

  describe('values print as util.inspect prints them', () => {
    it.each<[string, string]>([
      ['more than 6 short array items, in columns', 'Array.from({ length: 30 }, (_, i) => i + 1)'],
      ['an object breaking at 72 columns', "{ title: 'A fairly long title here', content: 'Some content here', userId: 1 }"],
      ['an empty array beyond the depth', '{ a: { b: { c: [] } } }'],
      ['a Map, a Set and a Buffer', "[new Map([['k', { v: 1 }]]), new Set([1]), Buffer.from('hi')]"],
    ])('%s', async (_name, expression) => {
      const result = await run(`console.log(${expression});`);
      const value: unknown = new Function(`return ${expression}`)();
      expect(texts(result)).toEqual([formatWithOptions({}, value)]);
    });
  });

  describe("the connection URL is Sequelize's to read", () => {
    it("'sqlite::memory:' names the database ':memory'", async () => {
      const result = await run(
        lines(
          "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
          "const User = sequelize.define('User', {});",
          "const Post = sequelize.define('Post', {});",
          'Post.belongsTo(User);',
          'await sequelize.sync();',
          'console.log(sequelize.getDatabaseName());',
          "console.log(await sequelize.getQueryInterface().getForeignKeyReferencesForTable('Posts'));",
        ),
      );
      expect(texts(result)).toEqual([
        ':memory',
        "[\n  {\n    tableName: 'Posts',\n    columnName: 'UserId',\n    referencedTableName: 'Users',\n    referencedColumnName: 'id',\n    tableCatalog: ':memory',\n    referencedTableCatalog: ':memory'\n  }\n]",
      ]);
    });

    it('a file URL still runs in memory, across transactions', async () => {
      const result = await run(
        lines(
          "const sequelize = new Sequelize('sqlite:./blog.sqlite', { logging: false });",
          "const Tag = sequelize.define('Tag', { name: DataTypes.STRING });",
          'await sequelize.sync();',
          "await sequelize.transaction((transaction) => Tag.create({ name: 'a' }, { transaction }));",
          'console.log(await Tag.count(), sequelize.getDatabaseName());',
        ),
      );
      expect(result.error).toBeUndefined();
      expect(texts(result)).toEqual(['1 blog.sqlite']);
    });
  });

  it('prints nothing more once an uncaught error ends the program', async () => {
    const result = await run(
      "import { Sequelize } from 'sequelize';\nconst s = new Sequelize('sqlite::memory:', { logging: false });\ns.query('SELECT 1').then(() => console.log('answered'));\nsetTimeout(() => console.log('later'), 0);\nthrow new Error('boom');\n",
    );
    expect(result.error).toMatchObject({ kind: 'runtime', message: 'boom' });
    expect(texts(result)).toEqual([]);
    expect(result.sql).toEqual([]);
  });

  it('prints nothing more once a promise rejection nothing handled ends the program', async () => {
    const result = await run("Promise.reject(new Error('boom'));\nsetTimeout(() => console.log('later'), 0);\nsetImmediate(() => console.log('later too'));\n");
    expect(result.error).toMatchObject({ kind: 'unhandled-rejection', message: 'Unhandled promise rejection: boom' });
    expect(texts(result)).toEqual([]);
  });
});

describe('the SQL log', () => {
  it("records once a statement a query sends itself (showIndex's PRAGMA INDEX_INFO)", async () => {
    const result = await run(
      "import { Sequelize, DataTypes } from 'sequelize';\nconst sequelize = new Sequelize('sqlite::memory:', { logging: false });\nsequelize.define('User', { email: { type: DataTypes.STRING, unique: true } });\nawait sequelize.sync();\n",
    );
    expect(result.sql.filter((statement) => statement.sql === 'PRAGMA INDEX_INFO(`sqlite_autoindex_Users_1`)')).toHaveLength(1);
  });

  it('is in the order SQLite ran the statements, not the order the queries started', async () => {
    const result = await run(
      [
        "import { Sequelize, DataTypes } from 'sequelize';",
        "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
        "const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });",
        'await sequelize.sync();',
        // findAll first looks up the table's column types: the INSERT started after it reaches SQLite first.
        "await Promise.all([User.findAll(), User.create({ name: 'a' })]);",
      ].join('\n'),
    );
    expect(result.sql.slice(-2).map((statement) => statement.sql.split(' ')[0])).toEqual(['INSERT', 'SELECT']);
  });
});
