import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'foreign-keys',
  difficulty: 2,
  kind: 'fix',
  title: 'Require an author on every post',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'user-has-many-posts',
      kind: 'association',
      title: 'User has many Post (foreign key authorId)',
      type: 'hasMany',
      source: 'User',
      target: 'Post',
      foreignKey: 'authorId',
    },
    {
      id: 'post-belongs-to-user',
      kind: 'association',
      title: 'Post belongs to User (foreign key authorId)',
      type: 'belongsTo',
      source: 'Post',
      target: 'User',
      foreignKey: 'authorId',
    },
    {
      id: 'posts-reference-users',
      kind: 'foreign-key',
      title: 'The Posts table has a foreign key authorId → Users.id',
      table: 'Posts',
      column: 'authorId',
      references: { table: 'Users', column: 'id' },
    },
    {
      id: 'orphan-refused',
      kind: 'row-count',
      title: 'The post without an author is not saved (Posts holds Ada’s 2 posts only)',
      table: 'Posts',
      min: 2,
      max: 2,
    },
    {
      id: 'output',
      kind: 'console-lines',
      title: 'Ada’s posts are listed, and the anonymous post is refused',
      lines: ['Night trains across Europe, by Ada', 'Lisbon in a day, by Ada', 'Refused: notNull Violation: Post.authorId cannot be null'],
    },
    {
      id: 'get-posts-works',
      kind: 'probe',
      title: 'user.getPosts() finds exactly the posts whose authorId is that user',
      probe: {
        seed: [
          { as: 'writer', model: 'User', values: { name: { random: 'name' } } },
          { as: 'other', model: 'User', values: { name: { random: 'name' } } },
          { as: 'p1', model: 'Post', values: { title: { random: 'title' }, authorId: { ref: 'writer', attribute: 'id' } } },
          { as: 'p2', model: 'Post', values: { title: { random: 'title' }, authorId: { ref: 'other', attribute: 'id' } } },
          { as: 'p3', model: 'Post', values: { title: { random: 'title' }, authorId: { ref: 'writer', attribute: 'id' } } },
        ],
        call: { method: 'getPosts', on: 'writer' },
      },
      project: ['title'],
    },
  ],
});
