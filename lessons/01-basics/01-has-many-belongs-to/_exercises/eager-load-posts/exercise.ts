import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'eager-loading',
  difficulty: 2,
  title: 'Eager-load posts with include',
  checks: [
    {
      id: 'same-output',
      kind: 'console-lines',
      title: 'It prints every user with their post titles',
      lines: ['Alice: Hello, World', 'Bob: Hi from Bob', 'Chen: Dumplings'],
    },
    { id: 'join', kind: 'join-used', title: 'Users and posts are loaded with a JOIN', tables: ['Users', 'Posts'] },
    { id: 'no-n-plus-one', kind: 'no-n-plus-one', title: 'No query runs once per user (no N+1)', maxRepeats: 1 },
    { id: 'one-select', kind: 'query-count', title: 'A single SELECT reads users and posts', statement: 'select', max: 1 },
  ],
});
