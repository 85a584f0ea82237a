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

// POST /users/:id/posts {"title":"..."}: a post needs a title.
app.post('/users/:id/posts', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  if (!user) return res.status(404).json({ error: `No user ${req.params.id}` });
  const post = await user.createPost({ title: req.body.title });
  res.status(201).json(post);
});

app.listen(3000, () => console.log('Listening on port 3000'));
