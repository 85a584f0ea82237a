/**
 * Driver fidelity: Sequelize's full behaviour holds on sql.js through our driver.
 */
import { inspect } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { DatabaseError, DataTypes, ForeignKeyConstraintError, QueryTypes, Sequelize, UniqueConstraintError } from 'sequelize';
import { createSqlite3Driver } from './sqljs-driver';

let SQL: SqlJsStatic;
let sequelize: Sequelize;

beforeAll(async () => {
  SQL = await initSqlJs();
});

/** Answers in later macrotasks, as the runtime's hosts do (RuntimeHost.macrotask). */
const macrotask = (callback: () => void) => void setImmediate(callback);

function connect(): Sequelize {
  sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false, dialectModule: createSqlite3Driver(SQL, { settle: macrotask }) });
  return sequelize;
}

/** A raw driver call as Sequelize's sqlite Query makes it: (sql, parameters, callback). */
function call(
  db: InstanceType<ReturnType<typeof createSqlite3Driver>['Database']>,
  method: 'run' | 'all',
  sql: string,
  params: unknown = [],
): Promise<{ error: (Error & { errno?: number; code?: string }) | null; rows?: unknown; self: unknown }> {
  return new Promise((resolve) => {
    db[method](sql, params, function (this: unknown, error: Error | null, rows?: unknown) {
      resolve({ error, rows, self: this });
    });
  });
}

afterEach(async () => {
  await sequelize?.close();
});

describe('sql.js driver under Sequelize', () => {
  it('returns the ids of bulkCreate rows', async () => {
    const db = connect();
    const Tag = db.define('Tag', { name: DataTypes.STRING });
    await db.sync();
    const tags = await Tag.bulkCreate([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect(tags.map((tag) => tag.get('id'))).toEqual([1, 2, 3]);
  });

  it('raises UniqueConstraintError for a duplicate unique value', async () => {
    const db = connect();
    const User = db.define('User', { email: { type: DataTypes.STRING, unique: true } });
    await db.sync();
    await User.create({ email: 'a@example.com' });
    const failure = await User.create({ email: 'a@example.com' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UniqueConstraintError);
    expect((failure as UniqueConstraintError).errors[0]?.path).toBe('email');
  });

  it('raises ForeignKeyConstraintError for a missing parent (foreign keys are on)', async () => {
    const db = connect();
    const User = db.define('User', { name: DataTypes.STRING });
    const Post = db.define('Post', { title: DataTypes.STRING });
    User.hasMany(Post, { foreignKey: 'userId' });
    Post.belongsTo(User, { foreignKey: 'userId' });
    await db.sync();
    const failure = await Post.create({ title: 'orphan', userId: 42 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ForeignKeyConstraintError);
  });

  it('runs ON DELETE CASCADE in the database', async () => {
    const db = connect();
    const User = db.define('User', { name: DataTypes.STRING });
    const Post = db.define('Post', { title: DataTypes.STRING });
    User.hasMany(Post, { foreignKey: 'userId', onDelete: 'CASCADE' });
    Post.belongsTo(User, { foreignKey: 'userId' });
    await db.sync();
    const user = await User.create({ name: 'Alice' });
    await Post.bulkCreate([
      { title: 'a', userId: user.get('id') },
      { title: 'b', userId: user.get('id') },
    ]);
    await user.destroy();
    expect(await Post.count()).toBe(0);
  });

  it('commits and rolls back transactions on the in-memory database', async () => {
    const db = connect();
    const Account = db.define('Account', { balance: DataTypes.INTEGER });
    await db.sync();
    await db.transaction(async (transaction) => {
      await Account.create({ balance: 10 }, { transaction });
    });
    await db
      .transaction(async (transaction) => {
        await Account.create({ balance: 20 }, { transaction });
        throw new Error('abort');
      })
      .catch(() => undefined);
    // The database survives the transactions (its filename is ':memory:').
    expect((await Account.findAll()).map((account) => account.get('balance'))).toEqual([10]);
  });

  it("journals in memory, as SQLite does for ':memory:' databases", async () => {
    const db = connect();
    const [rows] = await db.query('PRAGMA journal_mode');
    expect(rows).toEqual([{ journal_mode: 'memory' }]);
  });

  it('round-trips dates, booleans, JSON and BLOBs', async () => {
    const db = connect();
    const Thing = db.define('Thing', {
      when: DataTypes.DATE,
      flag: DataTypes.BOOLEAN,
      data: DataTypes.JSON,
      bytes: DataTypes.BLOB,
    });
    await db.sync();
    const when = new Date('2024-02-29T12:34:56.789Z');
    await Thing.create({ when, flag: true, data: { tags: ['x', 'y'], n: 1 }, bytes: Buffer.from([0, 1, 254, 255]) });
    const thing = await Thing.findOne();
    expect(thing?.get('when')).toEqual(when);
    expect(thing?.get('flag')).toBe(true);
    expect(thing?.get('data')).toEqual({ tags: ['x', 'y'], n: 1 });
    const bytes = thing?.get('bytes');
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect([...(bytes as Buffer)]).toEqual([0, 1, 254, 255]);
  });

  it('closes twice without an error', async () => {
    const db = connect();
    await db.authenticate();
    await db.close();
    await expect(db.close()).resolves.toBeUndefined();
  });

  it('names its statement class Statement and defers callbacks', async () => {
    const driver = createSqlite3Driver(SQL);
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      const db = new driver.Database(':memory:', driver.OPEN_READWRITE | driver.OPEN_CREATE, () => {
        order.push('opened');
        db.run('CREATE TABLE t (x)', [], function (this: { constructor: { name: string }; lastID: number; changes: number }) {
          expect(this.constructor.name).toBe('Statement');
          db.run('INSERT INTO t VALUES (1), (2)', [], function (this: { lastID: number; changes: number }) {
            expect(this.lastID).toBe(2);
            expect(this.changes).toBe(2);
            db.close(() => resolve());
          });
        });
      });
      order.push('constructed');
    });
    expect(order).toEqual(['constructed', 'opened']);
  });
});

/** What node-sqlite3 (the native package) answers; each case was checked against it. */
describe('the driver answers as node-sqlite3 does', () => {
  function open() {
    const driver = createSqlite3Driver(SQL, { settle: macrotask });
    return new driver.Database(':memory:');
  }

  describe("error codes come from SQLite's result code, not from the message", () => {
    it.each([
      [
        'a foreign key mismatch (its message says "foreign key")',
        'INSERT INTO child VALUES (1)',
        'SQLITE_ERROR',
        1,
        'foreign key mismatch - "child" referencing "parent"',
      ],
      ['a table whose name says "readonly"', 'SELECT * FROM readonly_log', 'SQLITE_ERROR', 1, 'no such table: readonly_log'],
      ['a failed CHECK', 'INSERT INTO checked VALUES (-1)', 'SQLITE_CONSTRAINT', 19, 'CHECK constraint failed: n > 0'],
      ['a NOT NULL column', 'INSERT INTO checked VALUES (NULL)', 'SQLITE_CONSTRAINT', 19, 'NOT NULL constraint failed: checked.n'],
      ['a syntax error', 'SELEC 1', 'SQLITE_ERROR', 1, 'near "SELEC": syntax error'],
    ])('%s', async (_name, sql, code, errno, message) => {
      const db = open();
      await call(db, 'run', 'PRAGMA foreign_keys = ON');
      await call(db, 'run', 'CREATE TABLE parent (name TEXT)');
      await call(db, 'run', 'CREATE TABLE child (parentName TEXT REFERENCES parent(name))');
      await call(db, 'run', 'CREATE TABLE checked (n INTEGER NOT NULL CHECK (n > 0))');
      const { error } = await call(db, 'run', sql);
      expect(error).toMatchObject({ message: `${code}: ${message}`, code, errno });
      db.close();
    });

    it('makes a targetKey on a column that is not unique a DatabaseError, not a UniqueConstraintError', async () => {
      const db = connect();
      const User = db.define('User', { name: DataTypes.STRING });
      const Post = db.define('Post', { title: DataTypes.STRING });
      Post.belongsTo(User, { foreignKey: 'userName', targetKey: 'name' });
      await db.sync();
      const failure = await Post.create({ title: 'x', userName: 'a' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseError);
      expect(failure).not.toBeInstanceOf(UniqueConstraintError);
      expect((failure as Error).message).toBe('SQLITE_ERROR: foreign key mismatch - "Posts" referencing "Users"');
    });
  });

  describe('raw queries', () => {
    it('binds a Date as its number of milliseconds', async () => {
      const db = connect();
      const rows = await db.query('SELECT $1 AS v, typeof($1) AS t', { bind: [new Date(1_700_000_000_000)], type: QueryTypes.SELECT });
      expect(rows).toEqual([{ v: 1_700_000_000_000, t: 'real' }]);
    });

    it('binds other objects as "[object Object]", booleans as 0 and 1', async () => {
      const db = connect();
      const rows = await db.query('SELECT $1 AS o, $2 AS a, $3 AS b', { bind: [{ x: 1 }, [1, 2], true], type: QueryTypes.SELECT });
      expect(rows).toEqual([{ o: '[object Object]', a: '[object Object]', b: 1 }]);
    });

    it('runs only the first of several statements', async () => {
      const db = connect();
      await db.query('CREATE TABLE t (x)');
      await db.query('INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)');
      expect(await db.query('SELECT x FROM t', { type: QueryTypes.SELECT })).toEqual([{ x: 1 }]);
      expect(await db.query('SELECT 1 AS a; SELECT 2 AS b', { type: QueryTypes.SELECT })).toEqual([{ a: 1 }]);
    });

    it.each([
      ['a bind value the statement has no parameter for', 'SELECT $1', [1, 2]],
      ['a named bind value it has no parameter for', 'SELECT $a', { a: 1, b: 2 }],
    ])('fails with SQLITE_RANGE for %s', async (_name, sql, bind) => {
      const db = connect();
      const failure = await db.query(sql, { bind }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseError);
      expect((failure as Error).message).toBe('SQLITE_RANGE: column index out of range');
    });

    it("answers with a Statement that prints as node-sqlite3's", async () => {
      const db = connect();
      await db.query('CREATE TABLE t (x)');
      await db.query('INSERT INTO t VALUES (1), (2)');
      // A raw UPDATE goes through all(): no lastID, no changes, and `sql` is not enumerable.
      expect(inspect(await db.query('UPDATE t SET x = 3'))).toBe('[ [], Statement {} ]');
      const driverDb = open();
      await call(driverDb, 'run', 'CREATE TABLE t (x)');
      const { self: created } = await call(driverDb, 'run', 'CREATE TABLE u (x)');
      expect(inspect(created)).toBe('Statement { lastID: 0, changes: 0 }');
      await call(driverDb, 'run', 'INSERT INTO t VALUES (1), (2)');
      // run() reports the connection's last inserted row id, whatever the statement was.
      const { self: updated } = await call(driverDb, 'run', 'UPDATE t SET x = 3');
      expect(inspect(updated)).toBe('Statement { lastID: 2, changes: 2 }');
      expect((updated as { sql: string }).sql).toBe('UPDATE t SET x = 3');
      driverDb.close();
    });

    it('fails on SQL with no statement in it, as node-sqlite3 steps a null statement', async () => {
      const db = open();
      const { error } = await call(db, 'run', '-- nothing');
      expect(error).toMatchObject({ message: 'SQLITE_MISUSE: not an error', errno: 21, code: 'SQLITE_MISUSE' });
      db.close();
    });
  });

  it("prints its errors as node-sqlite3's: in brackets, with errno and code", async () => {
    const db = open();
    const { error } = await call(db, 'all', 'SELECT * FROM nowhere');
    expect(inspect(error)).toBe("[Error: SQLITE_ERROR: no such table: nowhere] {\n  errno: 1,\n  code: 'SQLITE_ERROR'\n}");
    db.close();
  });

  describe('timing', () => {
    it('answers a statement two macrotasks later, one that failed to prepare one macrotask later', async () => {
      const db = open();
      const order: string[] = [];
      const done = Promise.all([
        call(db, 'all', 'SELECT 1').then(() => order.push('select')),
        call(db, 'all', 'SELEC 1').then(() => order.push('syntax error')),
      ]);
      setImmediate(() => order.push('turn 1'));
      await done;
      expect(order).toEqual(['syntax error', 'turn 1', 'select']);
      db.close();
    });

    it('interleaves two transactions started together as native sqlite3 does', async () => {
      const db = connect();
      const User = db.define('User', { name: DataTypes.STRING });
      await db.sync();
      // Natively: BEGIN, BEGIN (fails: the in-memory database has one connection), the first
      // INSERT, the second transaction's ROLLBACK (which undoes it), the first's COMMIT (fails).
      const settled = await Promise.allSettled([
        db.transaction(async (transaction) => void (await User.create({ name: 'a' }, { transaction }))),
        db.transaction(async (transaction) => void (await User.create({ name: 'b' }, { transaction }))),
      ]);
      expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected']);
      expect(await db.query('SELECT name FROM Users', { type: QueryTypes.SELECT })).toEqual([]);
    });

    it("settles a Promise.all of queries in native sqlite3's order", async () => {
      const db = connect();
      const User = db.define('User', { name: DataTypes.STRING });
      await db.sync();
      const order: string[] = [];
      await Promise.all([
        User.findAll().then(() => order.push('findAll')),
        User.create({ name: 'c' }).then(() => order.push('create')),
        db.query('SELECT 1').then(() => order.push('raw')),
      ]);
      expect(order).toEqual(['raw', 'create', 'findAll']);
    });
  });
});
