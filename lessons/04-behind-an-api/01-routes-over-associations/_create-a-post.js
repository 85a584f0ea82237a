import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync();
const ana = await User.create({ name: 'Ana' });
await Post.create({ title: 'Ten rules for sourdough', userId: ana.id });

const app = express();
// Parses JSON request bodies into req.body.
app.use(express.json());

// POST /users/1/posts {"title":"..."}: a new post of user 1.
app.post('/users/:id/posts', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  if (!user) return res.status(404).json({ error: `No user ${req.params.id}` });
  const post = await user.createPost({ title: req.body.title });
  res.status(201).json(post);
});

app.get('/users/:id/posts', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  if (!user) return res.status(404).json({ error: `No user ${req.params.id}` });
  res.json(await user.getPosts({ attributes: ['id', 'title', 'userId'] }));
});

app.listen(3000, () => console.log('Listening on port 3000'));

const response = await fetch('http://localhost:3000/users/1/posts', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ title: 'Rye, mostly', userId: 99 }),
});
// The timestamps are left out: they change on every run.
const { createdAt, updatedAt, ...created } = await response.json();
console.log(response.status, JSON.stringify(created));
