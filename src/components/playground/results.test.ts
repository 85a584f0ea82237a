/** How the SQL panel orders the log: the learner's statements first in view, sync()'s folded. */
import { describe, expect, it } from 'vitest';
import type { ConsoleEntry, SqlStatement } from '../../schemas/run-result';
import { consoleLineStyle, groupSqlBySync, statementKind } from './results';

const at = (sql: string, line: number, internal = false): SqlStatement => ({ sql, bind: [], durationMs: 1, internal, source: { line, column: 1 } });

describe('statementKind', () => {
  it.each([
    ['SELECT `id` FROM `Users`;', 'SELECT'],
    ['  insert into t values (1)', 'INSERT'],
    ['CREATE TABLE IF NOT EXISTS `Users` (`id` INTEGER);', 'CREATE TABLE'],
    ['CREATE UNIQUE INDEX `x` ON `t` (`a`)', 'CREATE INDEX'],
    ['DROP TABLE IF EXISTS `Posts`;', 'DROP TABLE'],
    ['PRAGMA INDEX_LIST(`Posts`)', 'PRAGMA'],
  ])('%s', (sql, kind) => expect(statementKind(sql)).toBe(kind));
});

describe('groupSqlBySync', () => {
  const program = ['const a = 1;', 'await sequelize.sync({ force: true });', 'await User.create({});', 'await Post.sync();'];
  const line = (n: number) => program[n - 1];

  it('folds each run of statements sent from a sync() line, keeping the others in order', () => {
    const log = [
      at('DROP TABLE IF EXISTS `Users`;', 2),
      at('PRAGMA INDEX_LIST(`Users`)', 2, true),
      at('CREATE TABLE `Users` (`id` INTEGER);', 2),
      at('INSERT INTO `Users` DEFAULT VALUES;', 3),
      at('CREATE TABLE `Posts` (`id` INTEGER);', 4),
    ];
    const groups = groupSqlBySync(log, line);
    expect(groups).toEqual([[log[0], log[1], log[2]], log[3], [log[4]]]);
  });

  it('keeps everything ungrouped when the program is not known', () => {
    const log = [at('DROP TABLE IF EXISTS `Users`;', 2)];
    expect(groupSqlBySync(log, undefined)).toEqual(log);
  });
});

describe('consoleLineStyle', () => {
  it.each<[string, ConsoleEntry, ReturnType<typeof consoleLineStyle>]>([
    ["the program's log", { level: 'log', text: 'x', at: 0 }, { level: 'log', sequelize: false }],
    ["the program's info and debug, as logs", { level: 'info', text: 'x', at: 0 }, { level: 'log', sequelize: false }],
    ["the program's warning", { level: 'warn', text: 'x', at: 0 }, { level: 'warn', badge: 'Warning', sequelize: false }],
    ["the program's error", { level: 'error', text: 'x', at: 0 }, { level: 'error', badge: 'Error', sequelize: false }],
    [
      "Sequelize's warning, labelled as Sequelize's",
      { level: 'warn', text: '(sequelize) Warning: x', at: 0, origin: 'sequelize' },
      { level: 'warn', badge: 'Sequelize warning', sequelize: true },
    ],
  ])('%s', (_name, entry, style) => expect(consoleLineStyle(entry)).toEqual(style));
});
