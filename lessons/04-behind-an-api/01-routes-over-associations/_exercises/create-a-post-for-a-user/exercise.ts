import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'associations-in-an-api',
  difficulty: 2,
  title: 'Create a post for a user: POST /users/:id/posts',
  // Preset in the Request panel: what the instructions ask the learner to send.
  requests: ['POST /users/1/posts {"title":"Rye, mostly"}', 'POST /users/99/posts {"title":"Rye, mostly"}'],
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'creates-for-the-user',
      kind: 'probe',
      title: 'POST /users/:id/posts answers 201 with the new post, linked to that user',
      probe: {
        seed: [
          // A known id (the same in every run), so the post's userId can be compared.
          { as: 'writer', model: 'User', values: { id: { random: 'number' }, name: { random: 'name' } } },
        ],
        call: { request: { method: 'POST', path: '/users/:writer.id/posts', body: { title: { random: 'title' } } } },
      },
      project: ['title', 'userId'],
    },
    {
      id: 'missing-user',
      kind: 'probe',
      title: 'POST /users/:id/posts answers 404 for a user that does not exist',
      probe: {
        seed: [],
        call: { request: { method: 'POST', path: '/users/987654/posts', body: { title: { random: 'title' } } } },
      },
      // The status is what counts: the words of the error are the learner's own.
      project: [],
    },
  ],
});
