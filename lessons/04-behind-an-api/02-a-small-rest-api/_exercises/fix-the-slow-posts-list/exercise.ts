import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'eager-loading',
  difficulty: 2,
  kind: 'fix',
  title: 'Fix the slow posts list (N+1 in a route)',
  // Preset in the Request panel: what the instructions ask the learner to send.
  requests: ['GET /posts'],
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'lists-posts',
      kind: 'probe',
      title: 'GET /posts still answers with every post and its author’s name',
      probe: {
        seed: [
          { as: 'ann', model: 'User', values: { name: { random: 'name' } } },
          { as: 'bo', model: 'User', values: { name: { random: 'name' } } },
          { as: 'p1', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'ann', attribute: 'id' } } },
          { as: 'p2', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'bo', attribute: 'id' } } },
          { as: 'p3', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'ann', attribute: 'id' } } },
        ],
        call: { request: { method: 'GET', path: '/posts' } },
      },
      project: ['title', 'author'],
    },
    {
      id: 'no-query-per-post',
      kind: 'no-n-plus-one',
      title: 'Answering GET /posts runs no query once per post (no N+1)',
      during: 'lists-posts',
    },
    {
      id: 'one-select',
      kind: 'query-count',
      title: 'One SELECT reads the posts and their authors together',
      statement: 'select',
      max: 1,
      during: 'lists-posts',
    },
  ],
});
