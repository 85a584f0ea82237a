import { defineExercise } from '../../../../../src/schemas/exercise';

export default defineExercise({
  id: 'write-posts-of',
  title: 'Write postsOf(user)',
  instructions: [
    'Finish the exported function `postsOf(user)`: it receives a `User` instance and returns (a promise of) the **titles** of that user’s posts, as an array of strings.',
    '',
    'Use the accessor that `User.hasMany(Post)` added to every user. The checks call your function with users and posts of their own, so it must work for any user, not only Alice.',
  ].join('\n'),
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
  hints: [
    '`User.hasMany(Post)` gives every user instance a `getPosts()` method that returns a promise of that user’s posts.',
    'Await the posts, then turn each post into its title: `posts.map((post) => post.title)`.',
    'Printing the right titles is not enough: the checks call `postsOf` themselves, with users your program never created.',
  ],
});
