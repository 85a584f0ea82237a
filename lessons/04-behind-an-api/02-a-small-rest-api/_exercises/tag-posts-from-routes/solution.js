import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Tag = sequelize.define('Tag', { name: DataTypes.STRING });
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
await Post.create({ title: 'A week of night trains' });
const [baking] = await Tag.findOrCreate({ where: { name: 'baking' } });
await Tag.findOrCreate({ where: { name: 'travel' } });
await bread.addTag(baking);

const app = express();
app.use(express.json());

// GET /posts/:id/tags should answer with the tags of that one post.
app.get('/posts/:id/tags', async (req, res) => {
  const post = await Post.findByPk(req.params.id);
  if (!post) return res.status(404).json({ error: `No post ${req.params.id}` });
  res.json(await post.getTags({ attributes: ['id', 'name'], joinTableAttributes: [] }));
});

// POST /posts/:id/tags {"name":"..."} should tag the post, and answer 201 with all its tags.
app.post('/posts/:id/tags', async (req, res) => {
  const post = await Post.findByPk(req.params.id);
  if (!post) return res.status(404).json({ error: `No post ${req.params.id}` });
  const [tag] = await Tag.findOrCreate({ where: { name: req.body.name } });
  await post.addTag(tag);
  res.status(201).json(await post.getTags({ attributes: ['id', 'name'], joinTableAttributes: [] }));
});

app.listen(3000, () => console.log('Listening on port 3000'));
