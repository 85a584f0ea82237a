/**
 * Printing: Node's util.inspect does the work (the browser's port of it is compared with
 * Node's in worker/shims/shims.test.ts); what is ours is the model-instance view and
 * console.table, checked here against Node's own console.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { formatWithOptions, inspect } from 'node:util';
import { DataTypes, Model, Sequelize } from 'sequelize';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTable, printingForLearner, showModelInstancesAsData, type Printer } from './inspect';
import { createSqlite3Driver } from './sqljs-driver';

const printer: Printer = { inspect, formatWithOptions };

/** What Node's own console.table prints for `data` (no colours: not a terminal). */
function nodeTable(data: unknown): string {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  new Console({ stdout: stream, colorMode: false }).table(data);
  return text.replace(/\n$/, '');
}

describe('console.table', () => {
  it.each<[string, unknown]>([
    [
      'rows of objects with different keys',
      [
        { a: 1, b: 'xy' },
        { a: 22, c: true },
      ],
    ],
    [
      'rows of arrays',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['an object of objects', { x: { n: 1 }, y: { n: 2 } }],
    ['primitive rows', [1, 'a']],
    ['cells holding objects and long arrays', [{ a: { b: 1, c: 2, d: 3 }, e: [1, 2, 3, 4, 5], f: { g: 1 } }]],
    ['a primitive', 'just text'],
  ])('%s, as Node', (_name, data) => {
    expect(formatTable(data, printer)).toBe(nodeTable(data));
  });
});

describe('model instances', () => {
  let sequelize: Sequelize;
  let user: Model;

  beforeAll(async () => {
    const SQL = await initSqlJs();
    sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false, dialectModule: createSqlite3Driver(SQL) });
    const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
    await sequelize.sync();
    user = await User.create({ name: 'Alice' });
    showModelInstancesAsData(Model);
  });

  afterAll(() => sequelize.close());

  it('print as their class name and data values while a program prints', () => {
    expect(printingForLearner(() => formatWithOptions({}, user))).toBe("User { id: 1, name: 'Alice' }");
    expect(printingForLearner(() => formatWithOptions({}, { users: [user] }))).toBe("{ users: [ User { id: 1, name: 'Alice' } ] }");
  });

  it("are cut at Node's depth like any object", () => {
    expect(printingForLearner(() => formatWithOptions({}, { a: { b: { c: user } } }))).toBe('{ a: { b: { c: [User] } } }');
  });

  it('print as Node prints them everywhere else (Sequelize messages, the host)', () => {
    expect(inspect(user)).toMatch(/^User \{\n {2}dataValues: \{ id: 1, name: 'Alice' \},/);
  });

  it('show their data values as the columns of console.table', () => {
    expect(printingForLearner(() => formatTable([user], printer))).toBe(nodeTable([{ id: 1, name: 'Alice' }]));
  });
});
