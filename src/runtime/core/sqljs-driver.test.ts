/**
 * Driver fidelity: Sequelize's full behaviour holds on sql.js through our driver.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { DataTypes, ForeignKeyConstraintError, Sequelize, UniqueConstraintError } from 'sequelize';
import { createSqlite3Driver } from './sqljs-driver';

let SQL: SqlJsStatic;
let sequelize: Sequelize;

beforeAll(async () => {
  SQL = await initSqlJs();
});

function connect(): Sequelize {
  sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false, dialectModule: createSqlite3Driver(SQL) });
  return sequelize;
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
