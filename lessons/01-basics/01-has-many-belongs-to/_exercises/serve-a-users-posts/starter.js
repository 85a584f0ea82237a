import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync();
const alice = await User.create({ name: 'Alice' });
await Post.create({ title: 'Hello', userId: alice.id });

const app = express();

// GET /users/:id/posts should answer with the posts of that one user.
app.get('/users/:id/posts', async (req, res) => {
  const posts = await Post.findAll();
  res.json(posts);
});

app.listen(3000, () => console.log('Listening on port 3000'));
