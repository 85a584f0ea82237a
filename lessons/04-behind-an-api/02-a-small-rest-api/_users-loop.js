import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
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

// GET /users: every user with the titles of their posts. One query per user: an N+1.
app.get('/users', async (req, res) => {
  const users = await User.findAll({ attributes: ['id', 'name'], order: [['id', 'ASC']] });
  const answer = [];
  for (const user of users) {
    const posts = await user.getPosts({ attributes: ['title'] });
    answer.push({ id: user.id, name: user.name, titles: posts.map((post) => post.title) });
  }
  res.json(answer);
});

app.listen(3000, () => console.log('Listening on port 3000'));

const response = await fetch('http://localhost:3000/users');
console.log(response.status);
for (const user of await response.json()) console.log(JSON.stringify(user));
