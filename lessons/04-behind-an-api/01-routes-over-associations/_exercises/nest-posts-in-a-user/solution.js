import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'userId', as: 'posts' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync();
const ana = await User.create({ name: 'Ana' });
await Post.bulkCreate([
  { title: 'Ten rules for sourdough', userId: ana.id },
  { title: 'Rye, mostly', userId: ana.id },
]);

const app = express();

// GET /users/:id should answer with the user and their posts, nested under "posts".
app.get('/users/:id', async (req, res) => {
  const user = await User.findByPk(req.params.id, {
    attributes: ['id', 'name'],
    include: { association: 'posts', attributes: ['id', 'title'] },
  });
  if (!user) return res.status(404).json({ error: `No user ${req.params.id}` });
  res.json(user);
});

app.listen(3000, () => console.log('Listening on port 3000'));
