import { defineExercise } from '../../../../../src/schemas/exercise';

export default defineExercise({
  id: 'eager-load-posts',
  title: 'Eager-load posts with include',
  instructions: [
    'The program prints every user with the titles of their posts, but it asks the database once for the users and then **once more for every user**: the N+1 query problem. Open the SQL log to see it.',
    '',
    'Change the end of `main()` so the users and their posts are loaded in **one** query, with `include`, and print the same lines as before.',
  ].join('\n'),
  checks: [
    { id: 'same-output', kind: 'console-lines', title: 'It prints every user with their post titles', lines: ['Alice: Hello, World', 'Bob: Hi from Bob', 'Chen: Dumplings'] },
    { id: 'join', kind: 'join-used', title: 'Users and posts are loaded with a JOIN', tables: ['Users', 'Posts'] },
    { id: 'no-n-plus-one', kind: 'no-n-plus-one', title: 'No query runs once per user (no N+1)', maxRepeats: 1 },
    { id: 'one-select', kind: 'query-count', title: 'A single SELECT reads users and posts', statement: 'select', max: 1 },
  ],
  hints: [
    '`User.findAll({ include: Post })` loads every user with a `Posts` array already filled in.',
    'The posts of an eager-loaded user are in `user.Posts` (the association’s default name): no `await` needed.',
    'To order the included posts, add `[Post, \'id\', \'ASC\']` to the `order` list.',
  ],
});
