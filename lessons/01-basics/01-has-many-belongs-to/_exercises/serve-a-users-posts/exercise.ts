import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'accessor-methods',
  difficulty: 2,
  kind: 'fix',
  title: 'Serve one user’s posts from a route',
  // Preset in the Request panel: what the instructions ask the learner to send.
  requests: ['GET /users/1/posts', 'GET /users/99/posts'],
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'posts-of-one-user',
      kind: 'probe',
      title: 'GET /users/:id/posts answers with that user’s posts and no one else’s',
      probe: {
        seed: [
          { as: 'writer', model: 'User', values: { name: { random: 'name' } } },
          { as: 'other', model: 'User', values: { name: { random: 'name' } } },
          { as: 'p1', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
          { as: 'p2', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'other', attribute: 'id' } } },
          { as: 'p3', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
        ],
        call: { request: { method: 'GET', path: '/users/:writer.id/posts' } },
      },
      project: ['title'],
    },
    {
      id: 'missing-user',
      kind: 'probe',
      title: 'GET /users/:id/posts answers 404 for a user that does not exist',
      probe: {
        seed: [],
        call: { request: { method: 'GET', path: '/users/987654/posts' } },
      },
      // The status is what counts: the words of the error are the learner's own.
      project: [],
    },
  ],
});
