import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'aliases',
  difficulty: 1,
  kind: 'fix',
  title: 'Fix the front page after a renamed alias',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'still-author',
      kind: 'association',
      title: 'The post’s writer is still called author (foreign key authorId)',
      type: 'belongsTo',
      source: 'Post',
      target: 'User',
      as: 'author',
      foreignKey: 'authorId',
    },
    {
      id: 'still-editor',
      kind: 'association',
      title: 'The post’s editor is still called editor (foreign key editorId)',
      type: 'belongsTo',
      source: 'Post',
      target: 'User',
      as: 'editor',
      foreignKey: 'editorId',
    },
    {
      id: 'prints-front-page',
      kind: 'console-lines',
      title: 'It prints every post with its author and its editor',
      lines: [
        'Ten rules for sourdough, by Ana Lima (edited by Bo Chen)',
        'A week of night trains, by Chen Wei (edited by Ana Lima)',
        'Small gardens, by Bo Chen (edited by Chen Wei)',
      ],
    },
    { id: 'one-query', kind: 'query-count', title: 'The front page is read with a single SELECT', statement: 'select', max: 1 },
    { id: 'joins-users', kind: 'join-used', title: 'Posts and their users are loaded with a JOIN', tables: ['Posts', 'Users'] },
    {
      id: 'front-page-probe',
      kind: 'probe',
      title: 'frontPage() names the right author and editor for a post it has never seen',
      probe: {
        seed: [
          { as: 'writer', model: 'User', values: { name: { random: 'name' } } },
          { as: 'checker', model: 'User', values: { name: { random: 'name' } } },
          {
            as: 'post',
            model: 'Post',
            values: { title: { random: 'title' }, authorId: { ref: 'writer', attribute: 'id' }, editorId: { ref: 'checker', attribute: 'id' } },
          },
        ],
        call: { export: 'frontPage', args: [] },
      },
    },
  ],
});
