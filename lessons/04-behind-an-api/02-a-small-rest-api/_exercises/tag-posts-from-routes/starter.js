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
  const tags = await Tag.findAll({ attributes: ['id', 'name'] });
  res.json(tags);
});

// POST /posts/:id/tags {"name":"..."} should tag the post, and answer 201 with all its tags.
app.post('/posts/:id/tags', async (req, res) => {
  throw new Error('POST /posts/:id/tags is not written yet');
});

app.listen(3000, () => console.log('Listening on port 3000'));
