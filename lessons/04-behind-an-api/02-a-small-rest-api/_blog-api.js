import express from 'express';
import { Sequelize, DataTypes, ValidationError } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', {
  title: { type: DataTypes.STRING, allowNull: false, validate: { notEmpty: true } },
});
User.hasMany(Post, { foreignKey: 'userId', as: 'posts' });
Post.belongsTo(User, { foreignKey: 'userId', as: 'author' });

await sequelize.sync();
const [ana, bo, cy] = await User.bulkCreate([{ name: 'Ana' }, { name: 'Bo' }, { name: 'Cy' }]);
await Post.bulkCreate([
  { title: 'Ten rules for sourdough', userId: ana.id },
  { title: 'Rye, mostly', userId: ana.id },
  { title: 'A week of night trains', userId: bo.id },
  { title: 'Old maps', userId: cy.id },
]);

const app = express();
app.use(express.json());

// GET /users: every user with the titles of their posts, in one query.
app.get('/users', async (req, res) => {
  const users = await User.findAll({
    attributes: ['id', 'name'],
    include: { association: 'posts', attributes: ['title'] },
    order: [
      ['id', 'ASC'],
      ['posts', 'id', 'ASC'],
    ],
  });
  res.json(
    users.map((user) => ({
      id: user.id,
      name: user.name,
      titles: user.posts.map((post) => post.title),
    })),
  );
});

// GET /users/1: one user, their posts nested.
app.get('/users/:id', async (req, res) => {
  const user = await User.findByPk(req.params.id, {
    attributes: ['id', 'name'],
    include: { association: 'posts', attributes: ['id', 'title'] },
  });
  if (!user) return res.status(404).json({ error: `No user ${req.params.id}` });
  res.json(user);
});

// POST /users/1/posts {"title":"..."}: a new post of user 1.
app.post('/users/:id/posts', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  if (!user) return res.status(404).json({ error: `No user ${req.params.id}` });
  try {
    res.status(201).json(await user.createPost({ title: req.body.title }));
  } catch (error) {
    if (error instanceof ValidationError) {
      return res.status(400).json({ errors: error.errors.map((e) => e.message) });
    }
    throw error;
  }
});

// GET /posts/1: one post with its author nested under "author".
app.get('/posts/:id', async (req, res) => {
  const post = await Post.findByPk(req.params.id, {
    attributes: ['id', 'title'],
    include: { association: 'author', attributes: ['id', 'name'] },
  });
  if (!post) return res.status(404).json({ error: `No post ${req.params.id}` });
  res.json(post);
});

// DELETE /posts/1: 204 No Content, an answer without a body.
app.delete('/posts/:id', async (req, res) => {
  const deleted = await Post.destroy({ where: { id: req.params.id } });
  if (!deleted) return res.status(404).json({ error: `No post ${req.params.id}` });
  res.status(204).end();
});

app.listen(3000, () => console.log('Listening on port 3000'));

const response = await fetch('http://localhost:3000/users');
console.log(response.status);
for (const user of await response.json()) console.log(JSON.stringify(user));
