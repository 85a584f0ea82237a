import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'accessor-methods',
  difficulty: 2,
  title: 'Write postsOf(user)',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'titles-of-one-user',
      kind: 'probe',
      title: 'postsOf(user) returns that user’s post titles and no one else’s',
      probe: {
        seed: [
          { as: 'writer', model: 'User', values: { name: { random: 'name' } } },
          { as: 'other', model: 'User', values: { name: { random: 'name' } } },
          { as: 'p1', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
          { as: 'p2', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'other', attribute: 'id' } } },
          { as: 'p3', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
          { as: 'p4', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
        ],
        call: { export: 'postsOf', args: ['writer'] },
      },
    },
    {
      id: 'no-posts',
      kind: 'probe',
      title: 'postsOf(user) returns an empty list for a user without posts',
      probe: {
        seed: [{ as: 'quiet', model: 'User', values: { name: { random: 'name' } } }],
        call: { export: 'postsOf', args: ['quiet'] },
      },
    },
  ],
});
