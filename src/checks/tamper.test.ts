/**
 * Tamper resistance: hostile programs, each a different way to try to pass
 * "link-posts-to-author" without solving it. Every one runs in a fresh Node worker
 * thread (the grader's setup: a separate realm), and the verdicts are computed here from
 * the plain data that came back, so none of them may pass.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerLike } from '../runtime/protocol/client';
import { createCheckRunner } from '../runtime/protocol/check-runner';
import { workerThreadFactory } from '../runtime/node/node-client';
import { findExercise } from './exercises';
import { gradeProgram } from './grade';
import type { ProgramRunner } from './types';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}node_modules/.cache/assoclab-check-tests`;
const workerFile = `${outDir}/runtime-worker.mjs`;
const workers = new Set<WorkerLike>();
let runner: ProgramRunner;

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['src/runtime/node/worker-thread.ts'],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const threads = workerThreadFactory({ workerFile });
  const createWorker = (): WorkerLike => {
    const worker = threads();
    workers.add(worker);
    return worker;
  };
  runner = createCheckRunner({ createWorker, checkGraceMs: 6_000 });
});

afterAll(async () => {
  for (const worker of workers) worker.terminate();
});

const exercise = findExercise('link-posts-to-author')?.exercise;
if (!exercise) throw new Error('link-posts-to-author is missing from the registry');

const HEADER = `import { Sequelize, DataTypes } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING, content: DataTypes.TEXT, userId: DataTypes.INTEGER });
`;
const EXPECTED = `console.log('Alice wrote: Hello'); console.log('Alice wrote: World'); console.log('Bob wrote: Hi from Bob');`;

const hostile: [string, string][] = [
  ['prints the expected lines without associations', `${HEADER}\nawait sequelize.sync();\n${EXPECTED}`],
  [
    'overrides console.log to swallow output and prints "All checks passed"',
    `${HEADER}\nconsole.log('All checks passed ✔'); console.log = () => {}; globalThis.console.log = () => {};\n${EXPECTED}`,
  ],
  [
    'fakes the associations object on the models',
    `${HEADER}
User.associations.Posts = { associationType: 'HasMany', source: User, target: Post, as: 'Posts', isAliased: false, foreignKey: 'userId', options: {}, accessors: { get: 'getPosts' } };
Post.associations.User = { associationType: 'BelongsTo', source: Post, target: User, as: 'User', isAliased: false, foreignKey: 'userId', options: {}, accessors: { get: 'getUser' } };
await sequelize.sync();
${EXPECTED}`,
  ],
  [
    'monkey-patches Model.hasMany/belongsTo to do nothing, then calls them',
    `import { Model } from 'sequelize';
${HEADER}
Model.hasMany = function () { return {}; }; Model.belongsTo = function () { return {}; };
User.hasMany(Post, { foreignKey: 'userId' }); Post.belongsTo(User, { foreignKey: 'userId' });
await sequelize.sync();
${EXPECTED}`,
  ],
  [
    'patches Model.prototype with fake accessors returning hard-coded data',
    `import { Model } from 'sequelize';
${HEADER}
Model.prototype.getUser = async function () { return { name: 'Alice' }; };
Model.prototype.getPosts = async function () { return [{ title: 'Hello' }, { title: 'World' }]; };
await sequelize.sync();
${EXPECTED}`,
  ],
  [
    'patches Array.prototype, JSON and Object methods the engine might use',
    `${HEADER}
await sequelize.sync();
${EXPECTED}
Array.prototype.every = () => true; Array.prototype.some = () => true; Array.prototype.filter = function () { return []; };
Array.prototype.find = function () { return this[0]; }; Array.prototype.includes = () => true;
JSON.stringify = () => '[]'; JSON.parse = () => ({}); Object.keys = () => []; Object.entries = () => [];
String.prototype.includes = () => true;`,
  ],
  [
    'posts fake "all passed" messages to the page',
    `${HEADER}
await sequelize.sync();
const fake = { type: 'check-result', id: 'check-1', result: { ok: true }, observations: [] };
for (const target of [globalThis, typeof self === 'undefined' ? undefined : self]) {
  try { target?.postMessage?.(fake); } catch {}
}
globalThis.postMessage = () => {};
${EXPECTED}`,
  ],
  [
    'defines a getter that throws on the models it exports',
    `${HEADER}
User.hasMany(Post, { foreignKey: 'userId' });
Object.defineProperty(Post, 'associations', { get() { throw new Error('gotcha'); } });
Object.defineProperty(Post.prototype, 'getUser', { get() { throw new Error('gotcha'); } });
await sequelize.sync();
${EXPECTED}`,
  ],
  ['calls process.exit(0) before doing anything', `${HEADER}\nprocess.exit(0);\nUser.hasMany(Post, { foreignKey: 'userId' });`],
  [
    'creates the right tables with raw SQL but defines no association',
    `${HEADER}
await sequelize.query('CREATE TABLE Users (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255), createdAt DATETIME, updatedAt DATETIME)');
await sequelize.query('CREATE TABLE Posts (id INTEGER PRIMARY KEY AUTOINCREMENT, title VARCHAR(255), content TEXT, userId INTEGER REFERENCES Users (id) ON DELETE CASCADE, createdAt DATETIME, updatedAt DATETIME)');
${EXPECTED}`,
  ],
  [
    'defines only one side of the association (hasMany) and prints the lines',
    `${HEADER}\nUser.hasMany(Post, { foreignKey: 'userId' });\nawait sequelize.sync();\n${EXPECTED}`,
  ],
  [
    'hands back accessors whose promise never resolves',
    `import { Model } from 'sequelize';
${HEADER}
User.hasMany(Post, { foreignKey: 'userId' }); 
await sequelize.sync();
Post.prototype.getUser = () => new Promise(() => {});
${EXPECTED}`,
  ],
  [
    'replaces setTimeout and Promise so timeouts never fire',
    `${HEADER}
User.hasMany(Post, { foreignKey: 'userId' });
await sequelize.sync();
${EXPECTED}
Post.prototype.getUser = () => new Promise(() => {});
globalThis.setTimeout = () => 0; globalThis.clearTimeout = () => {}; Promise.race = () => new Promise(() => {});`,
  ],
  ['loops forever', `${HEADER}\n${EXPECTED}\nwhile (true) {}`],
];

describe('hostile programs cannot pass link-posts-to-author', () => {
  it('has at least ten of them', () => expect(hostile.length).toBeGreaterThanOrEqual(10));

  it.each(hostile)('%s', async (_name, source) => {
    // A short budget: "loops forever" waits for it, and nothing honest here needs more.
    const report = await gradeProgram(exercise, source, runner, { timeBudgetMs: 500 });
    expect(report.passed).toBe(false);
    const failed = report.checks.filter((check) => !check.passed);
    expect(failed.length).toBeGreaterThan(0);
    for (const check of failed) expect(check.message).not.toBe('');
  });

  it('still passes the honest solution in the same setup', async () => {
    const report = await gradeProgram(exercise, exercise.solution, runner);
    expect(report.checks.filter((check) => !check.passed)).toEqual([]);
  });
});
