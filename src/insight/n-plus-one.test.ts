/**
 * The N+1 detector, on real runs: the eager-loading exercise's starter (a lazy-loading
 * loop) is flagged, its solution (one include) is not, nor is a loop that sends different
 * statements.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlStatement } from '../schemas/run-result';
import { createNodeHost } from '../runtime/node/node-host';
import { runProgram, type RuntimeHost } from '../runtime/core/execute';
import GithubSlugger from 'github-slugger';
import { findNPlusOne, N_PLUS_ONE_LESSON, shortLabel } from './n-plus-one';

const exercise = (file: string) =>
  readFileSync(new URL(`../../lessons/01-basics/01-has-many-belongs-to/_exercises/eager-load-posts/${file}`, import.meta.url), 'utf8');

let host: RuntimeHost;
beforeAll(async () => {
  host = await createNodeHost();
});

async function sqlOf(source: string): Promise<SqlStatement[]> {
  const result = await runProgram(source, host);
  expect(result.error).toBeUndefined();
  return result.sql;
}

describe('findNPlusOne', () => {
  it('flags the lazy-loading loop: one SELECT per user, from one line, grouped with its count and line', async () => {
    const starter = exercise('starter.js');
    const sql = await sqlOf(starter);
    const groups = findNPlusOne(sql);
    const line = starter.split('\n').findIndex((text) => text.includes('user.getPosts(')) + 1;
    expect(groups).toEqual([
      {
        statements: expect.any(Array),
        line,
        shape: expect.stringContaining('FROM `Posts`'),
        label: 'SELECT ... FROM Posts WHERE userId = ? ORDER BY id ASC',
        variants: 3,
      },
    ]);
    expect(groups[0]!.statements.map((index) => sql[index]!.sql)).toEqual([
      expect.stringContaining('`userId` = 1'),
      expect.stringContaining('`userId` = 2'),
      expect.stringContaining('`userId` = 3'),
    ]);
  });

  it('does not flag a single include', async () => {
    expect(findNPlusOne(await sqlOf(exercise('solution.js')))).toEqual([]);
  });

  it('does not flag a loop that sends different statements, nor one query repeated with the same values', async () => {
    const sql = await sqlOf(`import { Sequelize, DataTypes } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Tag = sequelize.define('Tag', { label: DataTypes.STRING });
await sequelize.sync();
for (const model of [User, Post, Tag]) {
  console.log(model.name, await model.count());
}
for (let i = 0; i < 3; i++) {
  await User.findAll();
}
`);
    expect(sql.filter((statement) => statement.sql.startsWith('SELECT count')).length).toBe(3);
    expect(findNPlusOne(sql)).toEqual([]);
  });

  it('groups by line: the same query shape from two lines is two separate things, neither repeated', () => {
    const at = (sql: string, line: number): SqlStatement => ({ sql, bind: [], durationMs: 0, internal: false, source: { line, column: 1 } });
    expect(findNPlusOne([at('SELECT * FROM `Posts` WHERE `userId` = 1;', 3), at('SELECT * FROM `Posts` WHERE `userId` = 2;', 9)])).toEqual([]);
    expect(
      findNPlusOne([at('SELECT * FROM `Posts` WHERE `userId` = $1;', 3), { ...at('SELECT * FROM `Posts` WHERE `userId` = $1;', 3), bind: [2] }]),
    ).toHaveLength(1);
  });

  it.each([
    ['SELECT `id`, `title` FROM `Posts` AS `Post` WHERE `Post`.`userId` = ?;', 'SELECT ... FROM Posts WHERE userId = ?'],
    ['SELECT count(*) AS `count` FROM `Users` AS `User`;', 'SELECT ... FROM Users'],
    ['SELECT `id` FROM `Tags` AS `Tag` WHERE `Tag`.`id` IN (?);', 'SELECT ... FROM Tags WHERE id IN (?)'],
  ])('labels %s as %s', (shape, label) => expect(shortLabel(shape)).toBe(label));
});

it('links to a section of the lesson that exists', () => {
  const lesson = readFileSync(new URL('../../lessons/01-basics/01-has-many-belongs-to/index.mdx', import.meta.url), 'utf8');
  const slugger = new GithubSlugger();
  const anchors = [...lesson.matchAll(/^#{2,4} (.+)$/gm)].map((match) => slugger.slug(match[1] ?? ''));
  const [path, anchor] = N_PLUS_ONE_LESSON.href.split('#');
  expect(path).toBe('/lessons/basics/has-many-belongs-to/');
  expect(anchors).toContain(anchor);
});
