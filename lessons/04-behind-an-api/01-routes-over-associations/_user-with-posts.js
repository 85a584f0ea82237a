import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
// The alias names the association, and so its key in the JSON.
User.hasMany(Post, { foreignKey: 'userId', as: 'posts' });
Post.belongsTo(User, { foreignKey: 'userId', as: 'author' });

await sequelize.sync();
const ana = await User.create({ name: 'Ana' });
await Post.bulkCreate([
  { title: 'Ten rules for sourdough', userId: ana.id },
  { title: 'Rye, mostly', userId: ana.id },
]);
await User.create({ name: 'Bo' });

const app = express();

// GET /users/1: the user, with their posts nested under "posts", in one query.
app.get('/users/:id', async (req, res) => {
  const user = await User.findByPk(req.params.id, {
    attributes: ['id', 'name'],
    include: { association: 'posts', attributes: ['id', 'title'] },
    order: [['posts', 'id', 'ASC']],
  });
  if (!user) return res.status(404).json({ error: `No user ${req.params.id}` });
  res.json(user);
});

app.listen(3000, () => console.log('Listening on port 3000'));

const response = await fetch('http://localhost:3000/users/1');
console.log(response.status, JSON.stringify(await response.json(), null, 2));
