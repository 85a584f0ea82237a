import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'associations-in-an-api',
  difficulty: 2,
  title: 'Nest a user’s posts in its JSON',
  // Preset in the Request panel: what the instructions ask the learner to send.
  requests: ['GET /users/1', 'GET /users/99'],
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'user-with-posts',
      kind: 'probe',
      title: 'GET /users/:id answers with the user and that user’s posts under "posts"',
      probe: {
        seed: [
          { as: 'writer', model: 'User', values: { name: { random: 'name' } } },
          { as: 'other', model: 'User', values: { name: { random: 'name' } } },
          { as: 'p1', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
          { as: 'p2', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'other', attribute: 'id' } } },
          { as: 'p3', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
        ],
        call: { request: { method: 'GET', path: '/users/:writer.id' } },
      },
      project: ['name', 'posts.title'],
    },
    {
      id: 'user-without-posts',
      kind: 'probe',
      title: 'A user without posts has an empty "posts" list',
      probe: {
        seed: [{ as: 'quiet', model: 'User', values: { name: { random: 'name' } } }],
        call: { request: { method: 'GET', path: '/users/:quiet.id' } },
      },
      project: ['name', 'posts.title'],
    },
    {
      id: 'one-query',
      kind: 'join-used',
      title: 'One SELECT reads the user and their posts together',
      // A JOIN, not a count: a route that reads no posts at all also sends a single SELECT.
      tables: ['Users', 'Posts'],
      during: 'user-with-posts',
    },
    {
      id: 'missing-user',
      kind: 'probe',
      title: 'GET /users/:id answers 404 for a user that does not exist',
      probe: {
        seed: [],
        call: { request: { method: 'GET', path: '/users/987654' } },
      },
      // The status is what counts: the words of the error are the learner's own.
      project: [],
    },
  ],
});
