import { defineExercise } from '#exercise';

const post = (as: string, author: string, editor: string) => ({
  as,
  model: 'Post',
  values: { title: { random: 'title' as const }, authorId: { ref: author, attribute: 'id' }, editorId: { ref: editor, attribute: 'id' } },
});
const user = (as: string) => ({ as, model: 'User', values: { name: { random: 'name' as const } } });

export default defineExercise({
  topic: 'aliases',
  difficulty: 2,
  title: 'Name the author and the editor',
  checks: [
    {
      id: 'post-has-author',
      kind: 'association',
      title: 'Post belongs to User under the name author (foreign key authorId)',
      type: 'belongsTo',
      source: 'Post',
      target: 'User',
      as: 'author',
      foreignKey: 'authorId',
    },
    {
      id: 'post-has-editor',
      kind: 'association',
      title: 'Post belongs to User under the name editor (foreign key editorId)',
      type: 'belongsTo',
      source: 'Post',
      target: 'User',
      as: 'editor',
      foreignKey: 'editorId',
    },
    {
      id: 'user-has-written-posts',
      kind: 'association',
      title: 'User has many Post under the name writtenPosts (foreign key authorId)',
      type: 'hasMany',
      source: 'User',
      target: 'Post',
      as: 'writtenPosts',
      foreignKey: 'authorId',
    },
    {
      id: 'user-has-edited-posts',
      kind: 'association',
      title: 'User has many Post under the name editedPosts (foreign key editorId)',
      type: 'hasMany',
      source: 'User',
      target: 'Post',
      as: 'editedPosts',
      foreignKey: 'editorId',
    },
    {
      id: 'author-column',
      kind: 'foreign-key',
      title: 'Posts.authorId is a foreign key to Users.id',
      table: 'Posts',
      column: 'authorId',
      references: { table: 'Users', column: 'id' },
    },
    {
      id: 'editor-column',
      kind: 'foreign-key',
      title: 'Posts.editorId is a foreign key to Users.id',
      table: 'Posts',
      column: 'editorId',
      references: { table: 'Users', column: 'id' },
    },
    {
      id: 'get-author',
      kind: 'probe',
      title: 'post.getAuthor() finds the author of a post it has never seen, not its editor',
      probe: { seed: [user('writer'), user('checker'), post('post', 'writer', 'checker')], call: { method: 'getAuthor', on: 'post' } },
      project: ['name'],
    },
    {
      id: 'get-editor',
      kind: 'probe',
      title: 'post.getEditor() finds the editor of a post it has never seen, not its author',
      probe: { seed: [user('writer'), user('checker'), post('post', 'writer', 'checker')], call: { method: 'getEditor', on: 'post' } },
      project: ['name'],
    },
    {
      id: 'get-edited-posts',
      kind: 'probe',
      title: 'user.getEditedPosts() finds the posts a user edited, not the ones they wrote',
      probe: {
        seed: [user('busy'), user('other'), post('edited1', 'other', 'busy'), post('written', 'busy', 'other'), post('edited2', 'other', 'busy')],
        call: { method: 'getEditedPosts', on: 'busy' },
      },
      project: ['title'],
    },
    {
      id: 'prints-names',
      kind: 'console-lines',
      title: 'Every post is printed with its author and its editor',
      lines: [
        'Ten rules for sourdough: written by Ana Lima, edited by Bo Chen',
        'A week of night trains: written by Bo Chen, edited by Ana Lima',
        'Small gardens: written by Ana Lima, edited by Bo Chen',
        'Bo Chen edited 2 posts',
      ],
    },
  ],
});
