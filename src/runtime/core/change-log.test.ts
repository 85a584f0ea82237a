/**
 * The change log: what each statement did to the rows, recorded by the runtime with
 * SQLite triggers, attributed to the statement of the SQL log that caused it, and enough
 * to rebuild the tables after any statement (src/insight/table-steps.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RowChange, RunResult } from '../../schemas/run-result';
import { TableHistory } from '../../insight/table-steps';
import { createNodeHost } from '../node/node-host';
import { MAX_ROW_CHANGES } from './change-log';
import { runProgram, type RuntimeHost } from './execute';

let host: RuntimeHost;
beforeAll(async () => {
  host = await createNodeHost();
});
const run = (source: string) => runProgram(source, host, { timeBudgetMs: 30_000 });

const cascadeProgram = readFileSync(new URL('../../../lessons/01-basics/01-has-many-belongs-to/_cascade-program.js', import.meta.url), 'utf8');
const seed = readFileSync(new URL('../../../tests/fixtures/sample-program.js', import.meta.url), 'utf8');

const indexOf = (result: RunResult, pattern: RegExp) => result.sql.findIndex((statement) => pattern.test(statement.sql));
const changesOf = (result: RunResult, index: number): RowChange[] => result.changes?.steps.find((step) => step.statement === index)?.rows ?? [];
const summary = (rows: RowChange[]) => rows.map((row) => `${row.kind} ${row.table}#${row.rowid}`).sort();

const HEADER = `import { Sequelize, DataTypes } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
await sequelize.sync();
`;

describe('the change log of a cascade', () => {
  let result: RunResult;
  beforeAll(async () => {
    result = await run(cascadeProgram);
    expect(result.error).toBeUndefined();
  });

  it('records each INSERT as the row it added, under that statement', () => {
    const insert = indexOf(result, /^INSERT INTO `Posts`/);
    expect(changesOf(result, insert)).toEqual([
      { table: 'Posts', kind: 'added', rowid: 1, after: expect.objectContaining({ id: 1, title: 'Tea', userId: 1 }) },
    ]);
  });

  it('records what one DELETE did through the foreign keys: posts removed (CASCADE), a comment changed (SET NULL), the user removed', () => {
    const destroy = indexOf(result, /^DELETE FROM `Users`/);
    const rows = changesOf(result, destroy);
    expect(summary(rows)).toEqual(['changed Comments#1', 'removed Posts#1', 'removed Posts#2', 'removed Users#1']);
    const posts = rows.filter((row) => row.table === 'Posts');
    expect(posts.map((row) => row.before?.title)).toEqual(['Tea', 'Coffee']);
    const comment = rows.find((row) => row.table === 'Comments');
    expect(comment?.before).toMatchObject({ text: 'Nice!', userId: 1 });
    expect(comment?.after).toMatchObject({ text: 'Nice!', userId: null });
  });

  it('records nothing for statements that change no rows (SELECTs, CREATE TABLE)', () => {
    const recorded = new Set(result.changes?.steps.map((step) => step.statement));
    const selects = result.sql.flatMap((statement, index) => (/^(SELECT|CREATE)/.test(statement.sql) ? [index] : []));
    expect(selects.length).toBeGreaterThan(0);
    for (const index of selects) expect(recorded.has(index)).toBe(false);
  });

  it('rebuilds the tables before and after the DELETE, with the removed rows marked', () => {
    const history = new TableHistory(result);
    const destroy = indexOf(result, /^DELETE FROM `Users`/);
    const before = history.after(destroy - 1);
    expect(before.tables.find((table) => table.name === 'Posts')?.rows.map((row) => row.values.title)).toEqual(['Tea', 'Coffee', 'Water']);
    const after = history.after(destroy);
    const posts = after.tables.find((table) => table.name === 'Posts');
    expect(posts?.rows.map((row) => [row.values.title, row.change ?? 'same'])).toEqual([
      ['Tea', 'removed'],
      ['Coffee', 'removed'],
      ['Water', 'same'],
    ]);
    expect(posts?.rowCount).toBe(1);
    expect(posts?.counts).toEqual({ added: 0, removed: 2, changed: 0 });
    const comment = after.tables.find((table) => table.name === 'Comments')?.rows[0];
    expect(comment).toMatchObject({ change: 'changed', before: { userId: 1 }, values: { userId: null } });
  });

  it('replayed to the end, gives the tables the run left behind', () => {
    const history = new TableHistory(result);
    const end = history.after(result.sql.length - 1);
    for (const table of result.database.tables) {
      const rebuilt = end.tables.find((candidate) => candidate.name === table.name);
      expect(rebuilt?.rows.filter((row) => row.change !== 'removed').map((row) => row.values)).toEqual(table.rows);
    }
  });

  it('has no table before its CREATE TABLE', () => {
    const history = new TableHistory(result);
    const createPosts = indexOf(result, /^CREATE TABLE IF NOT EXISTS `Posts`/);
    expect(history.after(createPosts - 1).tables.map((table) => table.name)).not.toContain('Posts');
    expect(history.after(createPosts).tables.map((table) => table.name)).toContain('Posts');
  });
});

describe('schema changes', () => {
  it('follows a table that sync({ alter: true }) rebuilt (through a backup table): new columns are recorded, the replay matches the end', async () => {
    const result = await run(
      `${HEADER}await User.create({ name: 'Before' });
sequelize.define('User', { name: DataTypes.STRING, age: DataTypes.INTEGER });
await sequelize.sync({ alter: true });
await sequelize.models.User.create({ name: 'After', age: 3 });
await sequelize.models.User.update({ age: 40 }, { where: { name: 'Before' } });
`,
    );
    expect(result.error).toBeUndefined();
    // The program's own writes (the rebuild's copies into and out of Users_backup are recorded too, as they happened).
    const own = (result.changes?.steps ?? []).filter((step) => !/SELECT/.test(result.sql[step.statement]!.sql)).flatMap((step) => step.rows);
    expect(own.map((row) => `${row.kind} ${row.after?.name} ${row.after?.age ?? '-'}`)).toEqual(['added Before -', 'added After 3', 'changed Before 40']);
    const copies = (result.changes?.steps ?? []).filter((step) => /^INSERT INTO `Users_backup` SELECT/.test(result.sql[step.statement]!.sql));
    expect(copies.length).toBeGreaterThan(0);
    const end = new TableHistory(result).after(result.sql.length - 1);
    const users = result.database.tables.find((table) => table.name === 'Users');
    expect(end.tables.find((table) => table.name === 'Users')?.rows.map((row) => row.values)).toEqual(users?.rows);
  });
});

describe('what is not a change', () => {
  it('a statement that fails records nothing (SQLite undid it)', async () => {
    const result = await run(
      `${HEADER}await User.create({ name: 'Ana' });
try {
  await sequelize.query("INSERT INTO Users (id, name, createdAt, updatedAt) VALUES (5, 'Bo', 0, 0), (1, 'Dup', 0, 0)");
} catch {}
`,
    );
    expect(result.error).toBeUndefined();
    const failed = result.sql.findIndex((statement) => statement.error);
    expect(failed).toBeGreaterThan(0);
    expect(changesOf(result, failed)).toEqual([]);
    expect(result.changes?.steps.flatMap((step) => step.rows).map((row) => row.after?.name)).toEqual(['Ana']);
  });

  it('a ROLLBACK is the step that undoes the transaction’s rows', async () => {
    const result = await run(
      `${HEADER}await User.create({ name: 'Kept' });
try {
  await sequelize.transaction(async (transaction) => {
    await User.create({ name: 'Undone' }, { transaction });
    throw new Error('change of plan');
  });
} catch {}
`,
    );
    expect(result.error).toBeUndefined();
    const rollback = indexOf(result, /^ROLLBACK/);
    expect(changesOf(result, rollback)).toEqual([
      expect.objectContaining({ table: 'Users', kind: 'removed', before: expect.objectContaining({ name: 'Undone' }) }),
    ]);
    const history = new TableHistory(result);
    expect(
      history
        .after(result.sql.length - 1)
        .tables[0]?.rows.filter((row) => row.change !== 'removed')
        .map((row) => row.values.name),
    ).toEqual(['Kept']);
  });

  it('leaves the program’s own results alone: changes(), ids from bulkCreate, last_insert_rowid()', async () => {
    const result = await run(
      `${HEADER}const users = await User.bulkCreate([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
console.log(users.map((user) => user.id).join(','));
const [, meta] = await sequelize.query("UPDATE Users SET name = 'x' WHERE id > 1");
const [[row]] = await sequelize.query('SELECT changes() AS n, last_insert_rowid() AS id');
console.log(row.n, row.id);
`,
    );
    expect(result.error).toBeUndefined();
    expect(result.console.map((entry) => entry.text)).toEqual(['1,2,3', '2 3']);
  });

  it('leaves what SQLite checks alone: a parent whose referenced key has no unique index takes new rows, and the child insert fails, as without triggers', async () => {
    const result = await run(
      `import { Sequelize, DataTypes } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
Post.belongsTo(User, { foreignKey: 'userName', targetKey: 'name' });
await sequelize.sync();
await User.create({ name: 'alice' });
await User.update({ name: 'ann' }, { where: { name: 'alice' } }).catch((error) => console.log('update:', error.message));
console.log('created the user');
await Post.create({ title: 'x', userName: 'alice' });
`,
    );
    expect(result.console.map((entry) => entry.text)).toEqual(['update: SQLITE_ERROR: foreign key mismatch - "Posts" referencing "Users"', 'created the user']);
    expect(result.error?.message).toContain('foreign key mismatch');
    expect(result.error?.location?.line).toBe(10);
    // The user's row is not recorded (no INSERT trigger on Users); the rest of the log is kept.
    expect((result.changes?.steps ?? []).flatMap((step) => step.rows.map((row) => row.table))).not.toContain('Users');
  });
});

describe('long programs', () => {
  it(`stops recording after ${MAX_ROW_CHANGES} rows, says at which statement, and the run goes on`, async () => {
    const result = await run(
      `${HEADER}for (let batch = 0; batch < ${(MAX_ROW_CHANGES + 500) / 100}; batch++) {
  await User.bulkCreate(Array.from({ length: 100 }, (_, i) => ({ name: 'user ' + (batch * 100 + i) })));
}
console.log(await User.count());
`,
    );
    expect(result.error).toBeUndefined();
    expect(result.console.map((entry) => entry.text)).toEqual([String(MAX_ROW_CHANGES + 500)]);
    const stopped = result.changes?.stoppedAt;
    expect(stopped?.reason).toMatch(/more than 2,000 rows changed/);
    const recorded = result.changes?.steps.flatMap((step) => step.rows) ?? [];
    // Whole statements only: the batch that went over the cap is not in the log.
    expect(recorded.length).toBe(MAX_ROW_CHANGES);
    expect(result.sql[stopped!.statement]?.sql).toMatch(/^INSERT INTO `Users`/);
    // Every recorded step comes before the statement where recording stopped; nothing after.
    expect(Math.max(...(result.changes?.steps.map((step) => step.statement) ?? []))).toBeLessThan(stopped!.statement);
    const history = new TableHistory(result);
    expect(history.after(stopped!.statement).known).toBe(false);
    expect(history.after(stopped!.statement - 1).tables[0]?.rowCount).toBe(MAX_ROW_CHANGES);
  }, 60_000);
});

describe('cost', () => {
  it('keeps the seed program’s run as it was: output, SQL and tables', async () => {
    const result = await run(seed);
    expect(result.console.map((entry) => entry.text)).toEqual(['Alice wrote: Hello', 'Alice wrote: World']);
    expect(result.changes?.steps.length).toBe(3);
    // Nothing of the triggers shows in the SQL log.
    expect(result.sql.some((statement) => /assoclab_|TRIGGER/i.test(statement.sql))).toBe(false);
  });
});
