/**
 * The diagram of a model graph, from real runs: one entity per model with its columns and
 * keys, one labelled relation per association, and its Mermaid source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelGraph } from '../schemas/run-result';
import { createNodeHost } from '../runtime/node/node-host';
import { runProgram, type RuntimeHost } from '../runtime/core/execute';
import { associationSentence, diagramOf, mermaidErDiagram } from './diagram';

let host: RuntimeHost;
beforeAll(async () => {
  host = await createNodeHost();
});

async function graphOf(body: string): Promise<ModelGraph> {
  const result = await runProgram(
    `import { Sequelize, DataTypes } from 'sequelize';\nconst sequelize = new Sequelize('sqlite::memory:');\n${body}\nawait sequelize.sync();\n`,
    host,
  );
  expect(result.error).toBeUndefined();
  return result.models;
}

/** The relation lines of the Mermaid source. */
const relationLines = (source: string) => source.split('\n').filter((line) => /--/.test(line));

describe('the diagram of a model graph', () => {
  it('hasMany and belongsTo: two entities with their keys, an edge each, labelled with type, alias and foreign key', async () => {
    const graph = await graphOf(`
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });`);
    const diagram = diagramOf(graph);
    expect(diagram.entities.map((entity) => entity.name)).toEqual(['User', 'Post']);
    const post = diagram.entities.find((entity) => entity.name === 'Post');
    expect(post?.table).toBe('Posts');
    expect(post?.columns).toEqual(
      expect.arrayContaining([
        { name: 'id', type: 'INTEGER', primaryKey: true },
        { name: 'title', type: 'STRING', primaryKey: false },
        { name: 'userId', type: 'INTEGER', primaryKey: false, references: 'User' },
      ]),
    );
    expect(diagram.relations.map((relation) => relation.sentence)).toEqual([
      'User hasMany Post as Posts, foreign key userId, on delete SET NULL',
      'Post belongsTo User as User, foreign key userId',
    ]);
    const source = mermaidErDiagram(graph);
    expect(source).toMatch(/^erDiagram\n/);
    expect(source).toContain('  Post {\n    INTEGER id PK\n    STRING title\n');
    expect(source).toContain('    INTEGER userId FK "references User"');
    expect(relationLines(source)).toEqual(['  User ||--o{ Post : "hasMany as Posts (userId)"', '  Post }o--|| User : "belongsTo as User (userId)"']);
  });

  it('two associations between the same models: two edges, told apart by alias and foreign key', async () => {
    const graph = await graphOf(`
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post, { as: 'writings', foreignKey: 'authorId' });
User.hasMany(Post, { as: 'edits', foreignKey: 'editorId', onDelete: 'CASCADE' });`);
    expect(relationLines(mermaidErDiagram(graph))).toEqual([
      '  User ||--o{ Post : "hasMany as writings (authorId)"',
      '  User ||--o{ Post : "hasMany as edits (editorId)"',
    ]);
    expect(diagramOf(graph).relations.map((relation) => relation.sentence)).toEqual([
      'User hasMany Post as writings, foreign key authorId, on delete SET NULL',
      'User hasMany Post as edits, foreign key editorId, on delete CASCADE',
    ]);
    const post = diagramOf(graph).entities.find((entity) => entity.name === 'Post');
    expect(post?.columns.filter((column) => column.references).map((column) => `${column.name} -> ${column.references}`)).toEqual([
      'authorId -> User',
      'editorId -> User',
    ]);
  });

  it('a self-reference: an edge from the model to itself, its foreign key on its own table', async () => {
    const graph = await graphOf(`
const Employee = sequelize.define('Employee', { name: DataTypes.STRING });
Employee.belongsTo(Employee, { as: 'manager', foreignKey: 'managerId' });
Employee.hasMany(Employee, { as: 'reports', foreignKey: 'managerId' });`);
    const diagram = diagramOf(graph);
    expect(diagram.entities.map((entity) => entity.name)).toEqual(['Employee']);
    expect(diagram.entities[0]?.columns.find((column) => column.name === 'managerId')?.references).toBe('Employee');
    expect(relationLines(mermaidErDiagram(graph))).toEqual([
      '  Employee }o--|| Employee : "belongsTo as manager (managerId)"',
      '  Employee ||--o{ Employee : "hasMany as reports (managerId)"',
    ]);
  });

  it('belongsToMany through a model: the join table is an entity with both foreign keys; each side is an edge naming it', async () => {
    const graph = await graphOf(`
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Tag = sequelize.define('Tag', { label: DataTypes.STRING });
const PostTag = sequelize.define('PostTag', { weight: DataTypes.INTEGER });
Post.belongsToMany(Tag, { through: PostTag });
Tag.belongsToMany(Post, { through: PostTag });`);
    const diagram = diagramOf(graph);
    const join = diagram.entities.find((entity) => entity.name === 'PostTag');
    expect(join?.joinTable).toBe(true);
    expect(join?.columns.filter((column) => column.references).map((column) => `${column.name} -> ${column.references}`)).toEqual([
      'PostId -> Post',
      'TagId -> Tag',
    ]);
    expect(diagram.entities.find((entity) => entity.name === 'Post')?.joinTable).toBe(false);
    expect(diagram.relations.map((relation) => relation.sentence)).toEqual([
      'Post belongsToMany Tag as Tags through PostTag, foreign key PostId, other key TagId',
      'Tag belongsToMany Post as Posts through PostTag, foreign key TagId, other key PostId',
    ]);
    expect(relationLines(mermaidErDiagram(graph))).toEqual([
      '  Post }o--o{ Tag : "belongsToMany as Tags through PostTag (PostId, TagId)"',
      '  Tag }o--o{ Post : "belongsToMany as Posts through PostTag (TagId, PostId)"',
    ]);
  });

  it('hasOne: a one-to-zero-or-one edge', async () => {
    const graph = await graphOf(`
const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.TEXT });
User.hasOne(Profile, { foreignKey: 'userId', onDelete: 'CASCADE' });`);
    expect(relationLines(mermaidErDiagram(graph))).toEqual(['  User ||--o| Profile : "hasOne as Profile (userId)"']);
    expect(associationSentence(graph.models[0]!.associations[0]!)).toBe('User hasOne Profile as Profile, foreign key userId, on delete CASCADE');
  });

  it('quotes what Mermaid cannot read bare, and keeps quotes out of labels', () => {
    const source = mermaidErDiagram({
      models: [
        {
          name: 'Blog Post',
          tableName: 'blog posts',
          attributes: [{ name: 'the title', field: 'the title', type: 'VARCHAR(20)', primaryKey: false, allowNull: true }],
          associations: [
            {
              type: 'HasMany',
              source: 'Blog Post',
              target: 'Blog Post',
              as: 'say "hi"',
              aliased: true,
              foreignKey: 'parentId',
              accessors: [],
            },
          ],
        },
      ],
    });
    expect(source).toBe('erDiagram\n  "Blog Post" {\n    VARCHAR_20_ the_title\n  }\n  "Blog Post" ||--o{ "Blog Post" : "hasMany as say \'hi\' (parentId)"\n');
  });
});
