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
  { title: 'A week of night trains', userId: bo.id },
  { title: 'Old maps', userId: cy.id },
  { title: 'Rye, mostly', userId: ana.id },
]);

const app = express();

// GET /posts: every post with its author's name. It is slow: one query per post.
app.get('/posts', async (req, res) => {
  const posts = await Post.findAll({
    attributes: ['id', 'title', 'userId'],
    order: [['id', 'ASC']],
  });
  const answer = [];
  for (const post of posts) {
    const author = await post.getAuthor({ attributes: ['name'] });
    answer.push({ id: post.id, title: post.title, author: author.name });
  }
  res.json(answer);
});

app.listen(3000, () => console.log('Listening on port 3000'));
