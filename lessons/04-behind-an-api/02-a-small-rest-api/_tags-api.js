import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const Post = sequelize.define('Post', { title: DataTypes.STRING });
// One row per tag name: the database refuses a second "baking".
const Tag = sequelize.define('Tag', { name: { type: DataTypes.STRING, unique: true } });
Post.belongsToMany(Tag, {
  through: 'PostTags',
  foreignKey: 'postId',
  otherKey: 'tagId',
  as: 'tags',
});
Tag.belongsToMany(Post, {
  through: 'PostTags',
  foreignKey: 'tagId',
  otherKey: 'postId',
  as: 'posts',
});

await sequelize.sync();
const bread = await Post.create({ title: 'Ten rules for sourdough' });
const trains = await Post.create({ title: 'A week of night trains' });
// findOrCreate: the tag of that name, created the first time only.
const [baking] = await Tag.findOrCreate({ where: { name: 'baking' } });
const [travel] = await Tag.findOrCreate({ where: { name: 'travel' } });
await bread.addTag(baking);
await trains.addTag(travel);

const app = express();

// GET /posts/1: the post, its tags nested under "tags" (without the join table's rows).
app.get('/posts/:id', async (req, res) => {
  const post = await Post.findByPk(req.params.id, {
    attributes: ['id', 'title'],
    include: { association: 'tags', attributes: ['id', 'name'], through: { attributes: [] } },
    order: [['tags', 'name', 'ASC']],
  });
  if (!post) return res.status(404).json({ error: `No post ${req.params.id}` });
  res.json(post);
});

// GET /tags/baking/posts: the posts with that tag.
app.get('/tags/:name/posts', async (req, res) => {
  const tag = await Tag.findOne({ where: { name: req.params.name } });
  if (!tag) return res.status(404).json({ error: `No tag ${req.params.name}` });
  res.json(await tag.getPosts({ attributes: ['id', 'title'], joinTableAttributes: [] }));
});

// PUT /posts/2/tags/1: tag post 2 with tag 1. DELETE: untag it. Both answer 204.
app.put('/posts/:id/tags/:tagId', async (req, res) => {
  const post = await Post.findByPk(req.params.id);
  const tag = await Tag.findByPk(req.params.tagId);
  if (!post || !tag) return res.status(404).json({ error: 'No such post or tag' });
  await post.addTag(tag);
  res.status(204).end();
});

app.delete('/posts/:id/tags/:tagId', async (req, res) => {
  const post = await Post.findByPk(req.params.id);
  if (!post) return res.status(404).json({ error: `No post ${req.params.id}` });
  await post.removeTag(req.params.tagId);
  res.status(204).end();
});

app.listen(3000, () => console.log('Listening on port 3000'));

const post = await fetch('http://localhost:3000/posts/1');
console.log('GET /posts/1 ->', post.status, JSON.stringify(await post.json(), null, 2));
const tagged = await fetch('http://localhost:3000/tags/travel/posts');
console.log('GET /tags/travel/posts ->', tagged.status);
for (const row of await tagged.json()) console.log(JSON.stringify(row));
