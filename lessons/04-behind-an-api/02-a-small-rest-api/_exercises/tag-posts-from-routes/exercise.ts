import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'associations-in-an-api',
  difficulty: 3,
  title: 'Tag posts from routes: GET and POST /posts/:id/tags',
  // Preset in the Request panel: what the instructions ask the learner to send.
  requests: ['GET /posts/1/tags', 'POST /posts/2/tags {"name":"baking"}', 'GET /posts/99/tags'],
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'tags-of-one-post',
      kind: 'probe',
      title: 'GET /posts/:id/tags answers with that post’s tags and no other',
      probe: {
        seed: [
          { as: 'post', model: 'Post', values: { title: { random: 'title' } } },
          { as: 'other', model: 'Post', values: { title: { random: 'title' } } },
          { as: 't1', model: 'Tag', values: { name: { random: 'word' } } },
          { as: 't2', model: 'Tag', values: { name: { random: 'word' } } },
          { as: 't3', model: 'Tag', values: { name: { random: 'word' } } },
          { as: 'l1', model: 'PostTags', values: { postId: { ref: 'post', attribute: 'id' }, tagId: { ref: 't1', attribute: 'id' } } },
          { as: 'l2', model: 'PostTags', values: { postId: { ref: 'other', attribute: 'id' }, tagId: { ref: 't2', attribute: 'id' } } },
          { as: 'l3', model: 'PostTags', values: { postId: { ref: 'post', attribute: 'id' }, tagId: { ref: 't3', attribute: 'id' } } },
        ],
        call: { request: { method: 'GET', path: '/posts/:post.id/tags' } },
      },
      project: ['name'],
    },
    {
      id: 'missing-post',
      kind: 'probe',
      title: 'GET /posts/:id/tags answers 404 for a post that does not exist',
      probe: {
        seed: [],
        call: { request: { method: 'GET', path: '/posts/987654/tags' } },
      },
      project: [],
    },
    {
      id: 'adds-a-new-tag',
      kind: 'probe',
      title: 'POST /posts/:id/tags with a new name tags the post: 201 and all its tags',
      probe: {
        seed: [
          { as: 'post', model: 'Post', values: { title: { random: 'title' } } },
          { as: 'old', model: 'Tag', values: { name: { random: 'word' } } },
          { as: 'link', model: 'PostTags', values: { postId: { ref: 'post', attribute: 'id' }, tagId: { ref: 'old', attribute: 'id' } } },
        ],
        call: { request: { method: 'POST', path: '/posts/:post.id/tags', body: { name: { random: 'word' } } } },
      },
      project: ['name'],
    },
    {
      id: 'reuses-a-tag',
      kind: 'probe',
      title: 'POST /posts/:id/tags with the name of an existing tag links that tag, and creates no second one',
      probe: {
        seed: [
          { as: 'post', model: 'Post', values: { title: { random: 'title' } } },
          { as: 'other', model: 'Post', values: { title: { random: 'title' } } },
          // A known id (the same in every run): the answer must list this very tag.
          { as: 'tag', model: 'Tag', values: { id: { random: 'number' }, name: { random: 'word' } } },
          { as: 'link', model: 'PostTags', values: { postId: { ref: 'other', attribute: 'id' }, tagId: { ref: 'tag', attribute: 'id' } } },
        ],
        call: { request: { method: 'POST', path: '/posts/:post.id/tags', body: { name: { ref: 'tag', attribute: 'name' } } } },
      },
      project: ['id', 'name'],
    },
  ],
});
