import { defineExercise } from '../../../../../src/schemas/exercise';

export default defineExercise({
  id: 'link-posts-to-author',
  title: 'Link posts to their author',
  instructions: [
    'The program defines `User` and `Post` but Sequelize does not know they are related, so every post is printed with `???` as its author.',
    '',
    '1. Tell Sequelize that a user **has many** posts and that a post **belongs to** a user, both with the foreign key `userId`.',
    '2. Print every post as `<author’s name> wrote: <title>`, in the order the posts were created.',
  ].join('\n'),
  checks: [
    { id: 'user-has-many-posts', kind: 'association', title: 'User has many Post (foreign key userId)', type: 'hasMany', source: 'User', target: 'Post', foreignKey: 'userId' },
    { id: 'post-belongs-to-user', kind: 'association', title: 'Post belongs to User (foreign key userId)', type: 'belongsTo', source: 'Post', target: 'User', foreignKey: 'userId' },
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
  hints: [
    'Associations are defined on the models, after `sequelize.define` and before `sequelize.sync()`: sync creates the foreign key column from them.',
    'One side is `User.hasMany(Post, { foreignKey: \'userId\' })`; the other side is defined on `Post`.',
    '`Post.belongsTo(User, { foreignKey: \'userId\' })` gives every post a `getUser()` method: inside the loop, `const author = await post.getUser();`.',
  ],
});
