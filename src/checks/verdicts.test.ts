/** Table-driven tests of every check kind, over hand-made run results (no runtime involved). */
import { describe, expect, it } from 'vitest';
import { checkSpecSchema, type CheckSpec, type ProbeObservation } from '../schemas/exercise';
import type { JsonValue, RunResult, SqlStatement } from '../schemas/run-result';
import { judge, normaliseValue, statementShape } from './verdicts';
import type { VerdictContext } from './types';

const sql = (text: string, internal = false): SqlStatement => ({ sql: text, bind: [], durationMs: 1, internal });

const run: RunResult = {
  ok: true,
  console: [
    { level: 'log', text: 'Alice wrote: Hello', at: 1 },
    { level: 'log', text: 'Alice wrote: World', at: 2 },
  ],
  sql: [
    sql('PRAGMA INDEX_LIST(`Posts`)', true),
    sql('SELECT `id`, `name` FROM `Users` AS `User`;'),
    sql('SELECT `id`, `title` FROM `Posts` AS `Post` WHERE `Post`.`userId` = 1;'),
    sql('SELECT `id`, `title` FROM `Posts` AS `Post` WHERE `Post`.`userId` = 2;'),
    sql('SELECT `User`.`id`, `Posts`.`title` FROM `Users` AS `User` LEFT OUTER JOIN `Posts` AS `Posts` ON `User`.`id` = `Posts`.`userId`;'),
  ],
  database: {
    tables: [
      {
        name: 'Users',
        columns: [{ name: 'id', type: 'INTEGER', primaryKey: true, notNull: false, defaultValue: null }],
        rows: [{ id: 1, name: 'Alice', admin: 1 }],
        rowCount: 1,
      },
      {
        name: 'Posts',
        columns: [
          { name: 'id', type: 'INTEGER', primaryKey: true, notNull: false, defaultValue: null },
          {
            name: 'userId',
            type: 'INTEGER',
            primaryKey: false,
            notNull: false,
            defaultValue: null,
            references: { table: 'Users', column: 'id', onDelete: 'SET NULL', onUpdate: 'CASCADE' },
          },
          { name: 'title', type: 'VARCHAR(255)', primaryKey: false, notNull: false, defaultValue: null },
        ],
        rows: [
          { id: 1, userId: 1, title: 'Hello' },
          { id: 2, userId: 1, title: 'World' },
        ],
        rowCount: 2,
      },
    ],
  },
  models: {
    models: [
      {
        name: 'User',
        tableName: 'Users',
        attributes: [],
        associations: [
          { type: 'HasMany', source: 'User', target: 'Post', as: 'Posts', aliased: false, foreignKey: 'userId', onDelete: 'SET NULL', accessors: ['getPosts'] },
        ],
      },
      {
        name: 'Post',
        tableName: 'Posts',
        attributes: [],
        associations: [{ type: 'BelongsTo', source: 'Post', target: 'User', as: 'author', aliased: true, foreignKey: 'userId', accessors: ['getAuthor'] }],
      },
    ],
  },
  exports: ['postsOf'],
  timings: { prepareMs: 0, executeMs: 0, inspectMs: 0, totalMs: 0 },
};

const observation = (status: ProbeObservation['status'], value?: ProbeObservation['value']): ProbeObservation => ({
  id: 'probe',
  status,
  ...(value !== undefined ? { value } : {}),
  error: 'because',
});
const reference = new Map([
  [
    'probe',
    observation('returned', [
      { title: 'b', id: 9 },
      { title: 'a', id: 8 },
    ]),
  ],
]);

/** User has many Post asks for SET NULL and made the column; Post belongs to User asks for CASCADE, which the column ignores. */
const oneSideChanged: RunResult = {
  ...run,
  models: {
    models: [
      {
        name: 'User',
        tableName: 'Users',
        attributes: [],
        associations: [
          { type: 'HasMany', source: 'User', target: 'Post', as: 'Posts', aliased: false, foreignKey: 'userId', onDelete: 'SET NULL', accessors: [] },
        ],
      },
      {
        name: 'Post',
        tableName: 'Posts',
        attributes: [],
        associations: [
          {
            type: 'BelongsTo',
            source: 'Post',
            target: 'User',
            as: 'User',
            aliased: false,
            foreignKey: 'userId',
            onDelete: 'SET NULL',
            ignoredOnDelete: 'CASCADE',
            accessors: [],
          },
        ],
      },
    ],
  },
};

function context(observations: ProbeObservation[] = [], overrides: Partial<RunResult> = {}): VerdictContext {
  const result = { ...run, ...overrides };
  return { run: result, observations: new Map(observations.map((o) => [o.id, o])), reference };
}

const spec = (data: Record<string, unknown>): CheckSpec => checkSpecSchema.parse({ id: 'c', title: 'A check', ...data });

describe.each<[string, Record<string, unknown>, boolean, RegExp?]>([
  ['hasMany with the right key', { kind: 'association', type: 'hasMany', source: 'User', target: 'Post', foreignKey: 'userId' }, true],
  [
    'hasMany with the wrong key',
    { kind: 'association', type: 'hasMany', source: 'User', target: 'Post', foreignKey: 'authorId' },
    false,
    /User has many Post, but its foreign key is userId, not authorId/,
  ],
  ['a missing belongsTo', { kind: 'association', type: 'hasOne', source: 'User', target: 'Post' }, false, /no hasOne association/],
  ['an alias', { kind: 'association', type: 'belongsTo', source: 'Post', target: 'User', as: 'author' }, true],
  ['a wrong alias', { kind: 'association', type: 'belongsTo', source: 'Post', target: 'User', as: 'writer' }, false, /alias/],
  [
    'onDelete',
    { kind: 'association', type: 'hasMany', source: 'User', target: 'Post', onDelete: 'CASCADE' },
    false,
    /deleting a User does SET NULL, not CASCADE/,
  ],
  ['the primary key as the key copied', { kind: 'association', type: 'hasMany', source: 'User', target: 'Post', key: 'id' }, true],
  [
    'another key copied',
    { kind: 'association', type: 'hasMany', source: 'User', target: 'Post', foreignKey: 'userId', key: 'email' },
    false,
    /User has many Post, but each userId holds a User’s id, not its email/,
  ],
  ['a through model', { kind: 'association', type: 'belongsToMany', source: 'User', target: 'Post', through: 'Likes' }, false, /no belongsToMany/],
  ['an unknown model', { kind: 'association', type: 'hasMany', source: 'Author', target: 'Post' }, false, /no model named Author/],
  ['an existing table', { kind: 'table-exists', table: 'Posts' }, true],
  ['a missing table', { kind: 'table-exists', table: 'Comments' }, false, /no table named Comments/],
  ['an existing column', { kind: 'column-exists', table: 'Posts', column: 'userId' }, true],
  ['a missing column', { kind: 'column-exists', table: 'Posts', column: 'authorId' }, false, /no column authorId/],
  ['a foreign key', { kind: 'foreign-key', table: 'Posts', column: 'userId', references: { table: 'Users', column: 'id' } }, true],
  [
    'a foreign key ON DELETE',
    { kind: 'foreign-key', table: 'Posts', column: 'userId', references: { table: 'Users', column: 'id' }, onDelete: 'CASCADE' },
    false,
    /ON DELETE SET NULL/,
  ],
  [
    'a column that is no foreign key',
    { kind: 'foreign-key', table: 'Posts', column: 'title', references: { table: 'Users', column: 'id' } },
    false,
    /not a foreign key/,
  ],
  ['a row count in range', { kind: 'row-count', table: 'Posts', min: 2, max: 2 }, true],
  ['a row count too low', { kind: 'row-count', table: 'Posts', min: 3 }, false, /holds 2 rows/],
  ['rows present (booleans as 0/1)', { kind: 'rows-include', table: 'Users', rows: [{ name: 'Alice', admin: true }] }, true],
  ['rows missing', { kind: 'rows-include', table: 'Posts', rows: [{ title: 'Nope' }] }, false, /missing a row/],
  [
    'a row that differs in one column is named',
    { kind: 'rows-include', table: 'Posts', rows: [{ title: 'Hello', userId: 2 }] },
    false,
    /^Posts is missing a row it should hold\. A row of Posts has title "Hello" but userId 1, not 2\.$/,
  ],
  ['query count without probe and internal SQL', { kind: 'query-count', max: 4 }, true],
  ['query count over', { kind: 'query-count', statement: 'select', max: 1 }, false, /sent 4 SELECTs/],
  ['a JOIN over both tables', { kind: 'join-used', tables: ['Users', 'Posts'] }, true],
  ['a JOIN over a missing table', { kind: 'join-used', tables: ['Users', 'Comments'] }, false, /read by separate queries/],
  ['N+1 (two values, one shape)', { kind: 'no-n-plus-one' }, false, /N\+1/],
  ['N+1 within a tolerance', { kind: 'no-n-plus-one', maxRepeats: 2 }, true],
  ['console contains', { kind: 'console-contains', text: 'wrote: World' }, true],
  ['console lacks', { kind: 'console-contains', text: 'Bob' }, false, /never printed/],
  ['console lines exact', { kind: 'console-lines', lines: ['Alice wrote: Hello', 'Alice wrote: World'] }, true],
  ['console lines differ', { kind: 'console-lines', lines: ['Alice wrote: Hello', 'Bob wrote: World'] }, false, /line 2/],
  ['runs without error', { kind: 'runs-without-error' }, true],
])('%s', (_name, data, passed, message) => {
  it(passed ? 'passes' : 'fails with an explanation', () => {
    const result = judge(spec(data), context());
    expect(result.passed).toBe(passed);
    expect(result.message).not.toBe('');
    if (!passed) {
      expect(result.expected).toBeTruthy();
      expect(result.found).toBeTruthy();
    }
    if (message) expect(result.message).toMatch(message);
  });
});

const probeSpec = { id: 'probe', kind: 'probe', project: ['title'], probe: { call: { export: 'postsOf', args: [] } } };

describe('a probe whose method the seeded row does not have', () => {
  const methodSpec = (method: string) =>
    spec({ id: 'probe', kind: 'probe', project: ['title'], probe: { seed: [{ as: 'writer', model: 'User', values: {} }], call: { method, on: 'writer' } } });
  const missing = (method: string): ProbeObservation => ({
    id: 'probe',
    status: 'unavailable',
    error: `the instance has no method ${method} (is the association defined?)`,
  });
  const withUserAssociations = (associations: RunResult['models']['models'][number]['associations']): Partial<RunResult> => ({
    models: { models: [{ name: 'User', tableName: 'Users', attributes: [], associations }, ...run.models.models.slice(1)] },
  });
  const userHasPosts = run.models.models[0]!.associations;
  const userHasOnePost = [{ ...userHasPosts[0]!, type: 'HasOne' as const, as: 'Post', accessors: ['getPost', 'setPost', 'createPost'] }];

  it.each<[string, string, RunResult['models']['models'][number]['associations'], string]>([
    [
      'a singular getter from a hasMany',
      'getPost',
      [{ ...userHasPosts[0]!, accessors: ['getPosts', 'setPosts', 'addPosts', 'addPost', 'createPost'] }],
      'Could not call getPost(): a User instance has no getPost. Its association to Post is User has many Post (foreign key userId), which gives it getPosts, setPosts, addPosts, addPost…: a hasMany is a list, so its get and set methods are plural, and a getPost comes with a hasOne or a belongsTo.',
    ],
    [
      'a plural getter from a hasOne',
      'getPosts',
      userHasOnePost,
      'Could not call getPosts(): a User instance has no getPosts. Its association to Post is User has one Post (foreign key userId), which gives it getPost, setPost, createPost…: a hasOne is one row, so its methods are singular, and a getPosts comes with a hasMany or a belongsToMany.',
    ],
    [
      'a getter named after the model of an association with an alias',
      'getPosts',
      [{ ...userHasPosts[0]!, as: 'articles', aliased: true, accessors: ['getArticles', 'setArticles', 'addArticles', 'addArticle'] }],
      'Could not call getPosts(): a User instance has no getPosts. Its association to Post is User has many Post (foreign key userId, alias articles), which gives it getArticles, setArticles, addArticles, addArticle…: an association with an alias (as) names its methods after the alias, not after the model.',
    ],
    ['another case', 'getposts', userHasPosts, 'Could not call getposts(): a User instance has getPosts, not getposts: method names are case-sensitive.'],
    [
      'no association to that model',
      'getComments',
      userHasPosts,
      'Could not call getComments(): a User instance has no getComments: no association of User is to a model named Comment (its associations: User has many Post (foreign key userId)).',
    ],
  ])('%s: says why, from the model graph', (_name, method, associations, message) => {
    const result = judge(methodSpec(method), context([missing(method)], withUserAssociations(associations)));
    expect(result.passed).toBe(false);
    expect(result.message).toBe(message);
  });
});

describe.each<[string, ProbeObservation[], boolean, RegExp]>([
  [
    'the same rows in another order',
    [
      observation('returned', [
        { title: 'a', id: 1 },
        { title: 'b', id: 2 },
      ]),
    ],
    true,
    /right result/,
  ],
  ['other rows', [observation('returned', [{ title: 'Hello' }])], false, /wrong result/],
  ['a timeout', [observation('timeout')], false, /never finished/],
  ['an error', [observation('threw')], false, /threw an error/],
  ['a missing export', [observation('unavailable')], false, /Could not call/],
  ['no observation', [], false, /never called/],
])('a probe that saw %s', (_name, observations, passed, message) => {
  it(passed ? 'passes' : 'fails', () => {
    const result = judge(spec(probeSpec), context(observations));
    expect(result.passed).toBe(passed);
    expect(result.message).toMatch(message);
  });
});

describe('a probe whose result lacks a key the check reads', () => {
  it('names the key, the keys there are, and why Found shows it as null', () => {
    const result = judge(spec(probeSpec), context([observation('returned', [{ name: 'a', id: 1 }])]));
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/In what came back, “title” is missing \(its keys: name, id\); Found shows a missing key as null\.$/);
    expect(result.found).toBe('[ { "title": null } ]');
  });

  it('names the key that differs only in case', () => {
    const result = judge(spec(probeSpec), context([observation('returned', [{ Title: 'a' }])]));
    expect(result.message).toMatch(/“title” is missing, but there is “Title” \(keys are case-sensitive\); Found shows a missing key as null\.$/);
  });
});

describe('the run as a whole', () => {
  it.each([
    ['an error', { ok: false, error: { kind: 'runtime' as const, name: 'TypeError', message: 'x is undefined', details: [] } }, /TypeError/],
    ['process.exit(0)', { ok: true, error: { kind: 'exit' as const, name: 'Exit', message: 'process.exit(0)', details: [] } }, /process.exit/],
  ])('fails runs-without-error on %s', (_name, overrides, message) => {
    expect(judge(spec({ kind: 'runs-without-error' }), context([], overrides)).message).toMatch(message);
  });

  it('shows the rows found with only the columns the check names, not their timestamps', () => {
    const stamped = {
      database: {
        ...run.database,
        tables: run.database.tables.map((table) =>
          table.name === 'Posts' ? { ...table, rows: table.rows.map((row) => ({ ...row, createdAt: '2026-12-01 03:00:00.000 +00:00' })) } : table,
        ),
      },
    };
    const result = judge(spec({ kind: 'rows-include', table: 'Posts', rows: [{ title: 'Nope', userId: 1 }] }), context([], stamped));
    expect(result.found).toBe('{"id":1,"title":"Hello","userId":1}\n{"id":2,"title":"World","userId":1}');
  });

  describe('on a program that stopped with an error at line 7', () => {
    const stopped = {
      ok: false,
      error: { kind: 'runtime' as const, name: 'SequelizeDatabaseError', message: 'no such table', details: [], location: { line: 7, column: 1 } },
    };
    const firstSelectOnly = { ...stopped, sql: [sql('SELECT `id`, `name` FROM `Users` AS `User`;')] };

    it.each([
      ['no N+1', { kind: 'no-n-plus-one' }],
      ['a join', { kind: 'join-used', tables: ['Users', 'Posts'] }],
      ['a query count', { kind: 'query-count', max: 3 }],
    ])('does not pass the queries it never sent: %s', (_name, data) => {
      const result = judge(spec(data), context([], firstSelectOnly));
      expect(result.passed).toBe(false);
      expect(result.notJudged).toBe(true);
      expect(result.message).toMatch(/^Not judged: the program stopped at line 7 with SequelizeDatabaseError before it finished/);
    });

    it.each([
      ['a row count', { kind: 'row-count', table: 'Posts', min: 2, max: 2 }],
      ['rows included', { kind: 'rows-include', table: 'Posts', rows: [{ title: 'Hello' }] }],
    ])('does not pass on the rows it never got to change: %s', (_name, data) => {
      // The same rows pass when the program ran to its end.
      expect(judge(spec(data), context([])).passed).toBe(true);
      const result = judge(spec(data), context([], stopped));
      expect(result.passed).toBe(false);
      expect(result.notJudged).toBe(true);
      expect(result.message).toMatch(
        /^Not judged: the program stopped at line 7 with SequelizeDatabaseError before it finished, so the rows it would leave are not known yet/,
      );
    });

    it('says, on a check that fails, that the stop may be why', () => {
      const result = judge(spec({ kind: 'table-exists', table: 'Comments' }), context([], stopped));
      expect(result.passed).toBe(false);
      // A check the program failed is the learner's to fix: it is judged.
      expect(result.notJudged).toBeUndefined();
      expect(result.message).toMatch(
        /There is no table named Comments.*\(Also: the program stopped at line 7 with SequelizeDatabaseError before it finished; this may follow from that error, so fix it first\.\)$/,
      );
    });

    it('says, on a missing association, that it can be why the program stopped (not the other way round)', () => {
      const result = judge(spec({ kind: 'association', type: 'hasMany', source: 'User', target: 'Comment' }), context([], stopped));
      expect(result.passed).toBe(false);
      expect(result.message).toMatch(
        /\(Also: the program stopped at line 7 with SequelizeDatabaseError before it finished; a missing association can be what stopped it/,
      );
      expect(result.message).not.toMatch(/fix it first/);
    });

    it('says, on an association declared with another key, that the disagreement can be why, not that it is missing', () => {
      // run's User hasMany Post with foreign key userId; the check wants authorId.
      const result = judge(spec({ kind: 'association', type: 'hasMany', source: 'User', target: 'Post', foreignKey: 'authorId' }), context([], stopped));
      expect(result.passed).toBe(false);
      expect(result.message).toMatch(/its foreign key is userId, not authorId/);
      expect(result.message).toMatch(/; an association declared with another foreign key, name or rule can be what stopped it/);
      expect(result.message).not.toMatch(/missing association/);
    });

    it('keeps the passes that do not depend on the rest of the run', () => {
      expect(judge(spec({ kind: 'table-exists', table: 'Users' }), context([], stopped)).passed).toBe(true);
    });
  });

  it('turns malformed data into a failed check, not a crash', () => {
    const broken = { ...context(), run: { ...run, models: null } } as unknown as VerdictContext;
    const result = judge(spec({ kind: 'association', type: 'hasMany', source: 'User', target: 'Post' }), broken);
    expect(result).toMatchObject({ passed: false });
  });
});

describe('a failed check says what is wrong, never the code to write', () => {
  const onlyUser: RunResult = {
    ...run,
    models: {
      models: [
        { name: 'User', tableName: 'Users', attributes: [], associations: [] },
        { name: 'Post', tableName: 'Posts', attributes: [], associations: [] },
      ],
    },
  };

  it('names the missing behaviour: post.getUser() does not exist', () => {
    const result = judge(spec({ kind: 'association', type: 'belongsTo', source: 'Post', target: 'User', foreignKey: 'userId' }), context([], onlyUser));
    expect(result.message).toBe('post.getUser() does not exist: Post has no belongsTo association to User.');
    expect(result.expected).toBe('Post belongs to User, linked by the column userId');
    expect(result.found).toBe('no association between Post and User');
  });

  it('points out a relation declared on one side only', () => {
    const oneSide: RunResult = {
      ...run,
      models: {
        models: [
          { name: 'User', tableName: 'Users', attributes: [], associations: [] },
          {
            name: 'Post',
            tableName: 'Posts',
            attributes: [],
            associations: [{ type: 'BelongsTo', source: 'Post', target: 'User', as: 'User', aliased: false, foreignKey: 'userId', accessors: [] }],
          },
        ],
      },
    };
    const result = judge(spec({ kind: 'association', type: 'hasMany', source: 'User', target: 'Post' }), context([], oneSide));
    expect(result.message).toMatch(
      /^user\.getPosts\(\) does not exist: User has no hasMany association to Post\. Sequelize only knows the other direction \(Post belongs to User/,
    );
  });

  it('tells a relation of another kind from a missing one: many where one was wanted', () => {
    const many: RunResult = {
      ...run,
      models: {
        models: [
          {
            name: 'User',
            tableName: 'Users',
            attributes: [],
            associations: [{ type: 'HasMany', source: 'User', target: 'Profile', as: 'Profiles', aliased: false, foreignKey: 'userId', accessors: [] }],
          },
          { name: 'Profile', tableName: 'Profiles', attributes: [], associations: [] },
        ],
      },
    };
    const result = judge(spec({ kind: 'association', type: 'hasOne', source: 'User', target: 'Profile' }), context([], many));
    expect(result.message).toBe(
      'user.getProfile() does not exist: User has no hasOne association to Profile. It is declared as another kind: User has many Profile (foreign key userId). ' +
        'With hasMany, each User has a list of Profile (the foreign key is on Profile); with hasOne, each User has at most one Profile (the foreign key is on Profile).',
    );
    expect(result.found).toBe('User has many Profile (foreign key userId)');
  });

  it('judges the association the learner meant among two between the same models (the one with the wanted alias)', () => {
    const two: RunResult = {
      ...run,
      models: {
        models: [
          {
            name: 'User',
            tableName: 'Users',
            attributes: [],
            associations: [
              { type: 'HasMany', source: 'User', target: 'Post', as: 'writtenPosts', aliased: true, foreignKey: 'UserId', accessors: [] },
              { type: 'HasMany', source: 'User', target: 'Post', as: 'editedPosts', aliased: true, foreignKey: 'UserId', accessors: [] },
            ],
          },
          { name: 'Post', tableName: 'Posts', attributes: [], associations: [] },
        ],
      },
    };
    const result = judge(
      spec({ kind: 'association', type: 'hasMany', source: 'User', target: 'Post', as: 'editedPosts', foreignKey: 'editorId' }),
      context([], two),
    );
    expect(result.message).toBe('User has many Post, but its foreign key is UserId, not editorId.');
  });

  it('names the row the learner meant (same title, another owner), not a row that only shares the owner', () => {
    const handedOver: RunResult = {
      ...run,
      database: {
        tables: [
          {
            name: 'Posts',
            columns: [],
            rows: [
              { id: 1, title: 'Ten rules for sourdough', userId: 2 },
              { id: 2, title: 'A week of night trains', userId: null },
            ],
            rowCount: 2,
          },
        ],
      },
    };
    const result = judge(spec({ kind: 'rows-include', table: 'Posts', rows: [{ title: 'A week of night trains', userId: 2 }] }), context([], handedOver));
    expect(result.message).toBe('Posts is missing a row it should hold. A row of Posts has title "A week of night trains" but userId null, not 2.');
  });

  it('says when one side asks for the wanted ON DELETE but the column kept the other side’s rule', () => {
    const result = judge(
      spec({ kind: 'foreign-key', table: 'Posts', column: 'userId', references: { table: 'Users', column: 'id' }, onDelete: 'CASCADE' }),
      context([], oneSideChanged),
    );
    expect(result.message).toMatch(
      /Post belongs to User asks for CASCADE, but the column was made by User has many Post, which asks for SET NULL: the association that defines the column first sets its rule/,
    );
  });

  it('fails a foreign key whose rule is right only because of call order: the other side asks for another rule', () => {
    const setNull = spec({ kind: 'foreign-key', table: 'Posts', column: 'userId', references: { table: 'Users', column: 'id' }, onDelete: 'SET NULL' });
    const result = judge(setNull, context([], oneSideChanged));
    expect(result.passed).toBe(false);
    expect(result.message).toBe(
      'The foreign key Posts.userId has ON DELETE SET NULL, but Post belongs to User still asks for CASCADE. The column has SET NULL only because the other association of the pair was called first and made it: with the two calls the other way round, deleting a row of Users would do CASCADE. Both sides must say the same.',
    );
    // Both sides agreeing: it passes.
    const bothSides: RunResult = {
      ...oneSideChanged,
      models: {
        models: oneSideChanged.models.models.map((model) => ({
          ...model,
          associations: model.associations.map(({ ignoredOnDelete: _ignored, ...association }) => association),
        })),
      },
    };
    expect(judge(setNull, context([], bothSides)).passed).toBe(true);
  });

  it('names a through model the program never defined', () => {
    const byName: RunResult = {
      ...run,
      models: {
        models: [
          {
            name: 'Student',
            tableName: 'Students',
            attributes: [],
            associations: [
              {
                type: 'BelongsToMany',
                source: 'Student',
                target: 'Course',
                as: 'Courses',
                aliased: false,
                foreignKey: 'StudentId',
                through: 'Enrollments',
                accessors: [],
              },
            ],
          },
          { name: 'Course', tableName: 'Courses', attributes: [], associations: [] },
          { name: 'Enrollments', tableName: 'Enrollments', attributes: [], associations: [] },
        ],
      },
    };
    const result = judge(spec({ kind: 'association', type: 'belongsToMany', source: 'Student', target: 'Course', through: 'Enrollment' }), context([], byName));
    expect(result.message).toBe(
      'Student belongs to many Course, but it goes through Enrollments, not through a model named Enrollment (the program defines no model by that name).',
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['association', { kind: 'association', type: 'hasMany', source: 'User', target: 'Post', foreignKey: 'authorId', onDelete: 'CASCADE' }],
    ['missing association', { kind: 'association', type: 'hasOne', source: 'User', target: 'Post', as: 'pinned' }],
    ['key', { kind: 'association', type: 'hasMany', source: 'User', target: 'Post', key: 'email' }],
    ['foreign key', { kind: 'foreign-key', table: 'Posts', column: 'userId', references: { table: 'Users', column: 'id' }, onDelete: 'CASCADE' }],
    ['join', { kind: 'join-used', tables: ['Users', 'Posts', 'Comments'] }],
    ['N+1', { kind: 'no-n-plus-one' }],
    ['table', { kind: 'table-exists', table: 'Comments' }],
  ])('%s', (_name, data) => {
    const result = judge(spec(data), context());
    expect(result.passed).toBe(false);
    const text = [result.message, result.expected ?? '', result.found ?? ''].join('\n');
    // Sequelize calls and options are the solution's words: a verdict describes behaviour and data instead.
    expect(text).not.toMatch(/\.(hasMany|belongsTo|hasOne|belongsToMany|sync|findAll)\(|foreignKey:|onDelete:|include:|\bas:/);
  });
});

describe('normaliseValue', () => {
  const users: JsonValue[] = [
    {
      id: 9,
      name: 'Bo',
      posts: [
        { id: 4, title: 'b', createdAt: 'x' },
        { id: 3, title: 'a' },
      ],
    },
    { id: 8, name: 'Ann', posts: [] },
  ];

  it('reaches into nested rows with a dotted attribute, sorting nested lists when order does not matter', () => {
    expect(normaliseValue(users, ['name', 'posts.title'], 'any')).toEqual([
      { name: 'Ann', posts: [] },
      { name: 'Bo', posts: [{ title: 'a' }, { title: 'b' }] },
    ]);
    expect(normaliseValue(users[0], ['name', 'posts.title'], 'exact')).toEqual({ name: 'Bo', posts: [{ title: 'b' }, { title: 'a' }] });
  });

  it('has null for nested rows that are missing (JSON under another name)', () => {
    expect(normaliseValue({ name: 'Bo', Posts: [{ title: 'a' }] }, ['name', 'posts.title'], 'any')).toEqual({ name: 'Bo', posts: null });
  });
});

describe('a SQL check on the queries of one request (during)', () => {
  const request = { id: 'posts', kind: 'probe', title: 'GET /posts answers', probe: { call: { request: { method: 'GET', path: '/posts' } } } };
  const perRow = [
    sql('SELECT `id`, `title`, `userId` FROM `Posts` AS `Post`;'),
    sql('SELECT `id`, `name` FROM `Users` AS `User` WHERE `User`.`id` = 1;'),
    sql('SELECT `id`, `name` FROM `Users` AS `User` WHERE `User`.`id` = 2;'),
  ];
  const joined = [sql('SELECT `Post`.`id`, `User`.`name` FROM `Posts` AS `Post` LEFT OUTER JOIN `Users` AS `User` ON `Post`.`userId` = `User`.`id`;')];
  const answered = (statements: SqlStatement[]): ProbeObservation => ({ id: 'posts', status: 'returned', value: { status: 200, body: [] }, sql: statements });
  // The program's own run has an N+1 of its own (see `run`): a check on the request's queries ignores it.
  const judged = (data: Record<string, unknown>, observations: ProbeObservation[]) =>
    judge(spec(data), { ...context(observations), checks: [checkSpecSchema.parse(request)] });

  it.each<[string, Record<string, unknown>, SqlStatement[], boolean, RegExp]>([
    [
      'an N+1 inside the route',
      { kind: 'no-n-plus-one', during: 'posts' },
      perRow,
      false,
      /^The same SELECT ran 2 times while answering GET \/posts, each time with a different value: one query per row/,
    ],
    ['one query for the route', { kind: 'no-n-plus-one', during: 'posts' }, joined, true, /^No query ran once per row while answering GET \/posts/],
    [
      'too many SELECTs for the route',
      { kind: 'query-count', statement: 'select', max: 1, during: 'posts' },
      perRow,
      false,
      /^Answering GET \/posts sent 3 SELECTs; it should send at most 1\. Look at the SQL that request causes/,
    ],
    [
      'one SELECT for the route',
      { kind: 'query-count', statement: 'select', max: 1, during: 'posts' },
      joined,
      true,
      /^Answering GET \/posts sent 1 SELECT\.$/,
    ],
  ])('%s', (_name, data, statements, passed, message) => {
    const result = judged(data, [answered(statements)]);
    expect(result.passed).toBe(passed);
    expect(result.message).toMatch(message);
  });

  it.each<[string, ProbeObservation[]]>([
    ['a route that never answered', [{ id: 'posts', status: 'timeout', error: 'no response' }]],
    ['a program that left no app', [{ id: 'posts', status: 'unavailable', error: 'no app is listening' }]],
    ['no observation at all', []],
  ])('is not judged on %s', (_name, observations) => {
    const result = judged({ kind: 'no-n-plus-one', during: 'posts' }, observations);
    expect(result.passed).toBe(false);
    expect(result.notJudged).toBe(true);
    expect(result.message).toBe('Not judged: GET /posts got no answer to judge its queries by (see the check about it).');
  });
});

describe('statementShape', () => {
  it.each([
    ['SELECT * FROM `Posts` WHERE `userId` = 12;', 'SELECT * FROM `Posts` WHERE `userId` = ?;'],
    ["SELECT * FROM t WHERE name = 'O''Brien' AND id IN (1, 2, 3)", 'SELECT * FROM t WHERE name = ? AND id IN (?)'],
    ['INSERT INTO t VALUES ($1,$2)', 'INSERT INTO t VALUES (?)'],
  ])('%s', (input, shape) => expect(statementShape(input)).toBe(shape));
});

describe('console-contains', () => {
  it("does not take Sequelize's own warnings for the program's output", () => {
    const warned = context([], {
      console: [
        { level: 'warn', text: '(sequelize) Warning: Unknown attributes (nope) passed to defaults option of findOrCreate', at: 1, origin: 'sequelize' },
      ],
    });
    expect(judge(spec({ kind: 'console-contains', text: 'Unknown attributes' }), warned).passed).toBe(false);
  });
});
