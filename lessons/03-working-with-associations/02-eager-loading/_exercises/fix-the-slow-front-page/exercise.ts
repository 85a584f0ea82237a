import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'eager-loading',
  difficulty: 2,
  kind: 'fix',
  title: 'Fix the slow front page (N+1)',
  checks: [
    {
      id: 'same-output',
      kind: 'console-lines',
      title: 'It prints the same front page as before',
      lines: [
        'Ten rules for sourdough by Ana Lima (comments: 2)',
        'A week of night trains by Bo Chen (comments: 1)',
        'Small gardens by Ana Lima (comments: 0)',
      ],
    },
    {
      id: 'front-page-probe',
      kind: 'probe',
      title: 'frontPage() counts the comments of a post it has never seen',
      probe: {
        seed: [
          { as: 'writer', model: 'User', values: { name: { random: 'name' } } },
          { as: 'post', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
          { as: 'c1', model: 'Comment', values: { body: { random: 'title' }, postId: { ref: 'post', attribute: 'id' } } },
          { as: 'c2', model: 'Comment', values: { body: { random: 'title' }, postId: { ref: 'post', attribute: 'id' } } },
          { as: 'c3', model: 'Comment', values: { body: { random: 'title' }, postId: { ref: 'post', attribute: 'id' } } },
        ],
        call: { export: 'frontPage', args: [] },
      },
    },
    { id: 'no-n-plus-one', kind: 'no-n-plus-one', title: 'No query runs once per post (no N+1)', maxRepeats: 1 },
    { id: 'one-select', kind: 'query-count', title: 'A single SELECT reads the whole front page', statement: 'select', max: 1 },
    {
      id: 'joins-all',
      kind: 'join-used',
      title: 'That SELECT joins posts, users and comments',
      tables: ['Posts', 'Users', 'Comments'],
    },
  ],
});
