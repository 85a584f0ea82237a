import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync();
const ana = await User.create({ name: 'Ana' });
await Post.bulkCreate([
  { title: 'Ten rules for sourdough', userId: ana.id },
  { title: 'Rye, mostly', userId: ana.id },
  { title: 'A starter named Bob', userId: ana.id },
]);

const app = express();

// GET /users/1/posts: the posts of user 1, newest first. ?limit=2 keeps the first two.
app.get('/users/:id/posts', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  if (!user) return res.status(404).json({ error: `No user ${req.params.id}` });
  const posts = await user.getPosts({
    attributes: ['id', 'title'],
    order: [['id', 'DESC']],
    ...(req.query.limit ? { limit: Number(req.query.limit) } : {}),
  });
  res.json(posts);
});

app.listen(3000, () => console.log('Listening on port 3000'));

// A program can send requests too: fetch reaches the app it started, as the Request panel does.
const response = await fetch('http://localhost:3000/users/1/posts?limit=2');
console.log(response.status);
for (const post of await response.json()) console.log(JSON.stringify(post));
