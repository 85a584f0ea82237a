import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'has-many-belongs-to',
  difficulty: 1,
  title: 'Link posts to their author',
  checks: [
    {
      id: 'user-has-many-posts',
      kind: 'association',
      title: 'User has many Post (foreign key userId)',
      type: 'hasMany',
      source: 'User',
      target: 'Post',
      foreignKey: 'userId',
    },
    {
      id: 'post-belongs-to-user',
      kind: 'association',
      title: 'Post belongs to User (foreign key userId)',
      type: 'belongsTo',
      source: 'Post',
      target: 'User',
      foreignKey: 'userId',
    },
    {
      id: 'posts-reference-users',
      kind: 'foreign-key',
      title: 'The Posts table has a foreign key userId → Users.id',
      table: 'Posts',
      column: 'userId',
      references: { table: 'Users', column: 'id' },
    },
    {
      id: 'get-user-works',
      kind: 'probe',
      title: 'post.getUser() finds the author of a post it has never seen',
      probe: {
        seed: [
          { as: 'author', model: 'User', values: { name: { random: 'name' } } },
          { as: 'post', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'author', attribute: 'id' } } },
        ],
        call: { method: 'getUser', on: 'post' },
      },
      project: ['name'],
    },
    {
      id: 'get-posts-works',
      kind: 'probe',
      title: 'user.getPosts() finds exactly that user’s posts',
      probe: {
        seed: [
          { as: 'writer', model: 'User', values: { name: { random: 'name' } } },
          { as: 'first', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
          { as: 'second', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
        ],
        call: { method: 'getPosts', on: 'writer' },
      },
      project: ['title'],
    },
    {
      id: 'prints-authors',
      kind: 'console-lines',
      title: 'Every post is printed with its author',
      lines: ['Alice wrote: Hello', 'Alice wrote: World', 'Bob wrote: Hi from Bob'],
    },
  ],
});
