import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync();
await User.create({ name: 'Ana' });

const app = express();
app.use(express.json());

// POST /users/:id/posts {"title":"..."} should create a post of that user.
app.post('/users/:id/posts', async (req, res) => {
  const post = await Post.create({ title: req.body.title });
  res.json(post);
});

app.listen(3000, () => console.log('Listening on port 3000'));
