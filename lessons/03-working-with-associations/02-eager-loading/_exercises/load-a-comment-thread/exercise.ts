import { defineExercise } from '#exercise';

const user = (as: string) => ({ as, model: 'User', values: { name: { random: 'name' as const } } });
const comment = (as: string, on: string, by: string) => ({
  as,
  model: 'Comment',
  values: { body: { random: 'title' as const }, postId: { ref: on, attribute: 'id' }, userId: { ref: by, attribute: 'id' } },
});

export default defineExercise({
  topic: 'eager-loading',
  difficulty: 2,
  title: 'Load a comment thread in one query',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'prints-thread',
      kind: 'console-lines',
      title: 'It prints the post, its author, and every comment with its commenter',
      lines: ['Ten rules for sourdough by Ana Lima', 'Bo Chen: Rule 4 saved my loaf.', 'Chen Wei: What flour do you use?', 'Ana Lima: Rye, mostly.'],
    },
    {
      id: 'thread-probe',
      kind: 'probe',
      title: 'thread(post) gives the right lines, in order, for a post it has never seen',
      probe: {
        seed: [
          user('writer'),
          user('reader'),
          user('critic'),
          { as: 'post', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } },
          comment('first', 'post', 'critic'),
          comment('second', 'post', 'reader'),
          comment('third', 'post', 'critic'),
        ],
        call: { export: 'thread', args: ['post'] },
      },
      order: 'exact',
    },
    {
      id: 'quiet-post',
      kind: 'probe',
      title: 'thread(post) gives a single line for a post without comments',
      probe: {
        seed: [user('writer'), { as: 'post', model: 'Post', values: { title: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } }],
        call: { export: 'thread', args: ['post'] },
      },
    },
    { id: 'one-select', kind: 'query-count', title: 'The whole thread is read with a single SELECT', statement: 'select', max: 1 },
    {
      id: 'one-join',
      kind: 'join-used',
      title: 'That SELECT joins posts, comments and users',
      tables: ['Posts', 'Comments', 'Users'],
    },
  ],
});
