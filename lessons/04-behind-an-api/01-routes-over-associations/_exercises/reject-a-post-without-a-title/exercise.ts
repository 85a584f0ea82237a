import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'associations-in-an-api',
  difficulty: 2,
  title: 'Answer 400 for a post without a title',
  // Preset in the Request panel: what the instructions ask the learner to send.
  requests: ['POST /users/1/posts {"title":""}', 'POST /users/1/posts {}', 'POST /users/1/posts {"title":"Rye, mostly"}'],
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'valid-post',
      kind: 'probe',
      title: 'A post with a title is created for that user, with 201',
      probe: {
        seed: [{ as: 'writer', model: 'User', values: { id: { random: 'number' }, name: { random: 'name' } } }],
        call: { request: { method: 'POST', path: '/users/:writer.id/posts', body: { title: { random: 'title' } } } },
      },
      project: ['title', 'userId'],
    },
    {
      id: 'empty-title',
      kind: 'probe',
      title: 'An empty title is refused with 400, not saved and not a 500',
      probe: {
        seed: [{ as: 'writer', model: 'User', values: { name: { random: 'name' } } }],
        call: { request: { method: 'POST', path: '/users/:writer.id/posts', body: { title: '' } } },
      },
      project: [],
    },
    {
      id: 'missing-title',
      kind: 'probe',
      title: 'A post without a title is refused with 400',
      probe: {
        seed: [{ as: 'writer', model: 'User', values: { name: { random: 'name' } } }],
        call: { request: { method: 'POST', path: '/users/:writer.id/posts', body: {} } },
      },
      project: [],
    },
    {
      id: 'says-why',
      kind: 'probe',
      title: 'The 400 answer lists the validation messages under "errors"',
      probe: {
        seed: [{ as: 'writer', model: 'User', values: { name: { random: 'name' } } }],
        call: { request: { method: 'POST', path: '/users/:writer.id/posts', body: { title: '' } } },
      },
    },
  ],
});
