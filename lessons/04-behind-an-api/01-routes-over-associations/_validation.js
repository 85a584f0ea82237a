import express from 'express';
import { Sequelize, DataTypes, ValidationError } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', {
  // A post needs a title: not null, and not the empty string.
  title: { type: DataTypes.STRING, allowNull: false, validate: { notEmpty: true } },
});
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync();
await User.create({ name: 'Ana' });

const app = express();
app.use(express.json());

app.post('/users/:id/posts', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  if (!user) return res.status(404).json({ error: `No user ${req.params.id}` });
  try {
    const post = await user.createPost({ title: req.body.title });
    res.status(201).json(post);
  } catch (error) {
    // The client sent something wrong: say what, with 400. Any other error stays a 500.
    if (error instanceof ValidationError) {
      return res.status(400).json({ errors: error.errors.map((e) => e.message) });
    }
    throw error;
  }
});

app.listen(3000, () => console.log('Listening on port 3000'));

for (const body of [{ title: '' }, {}]) {
  const response = await fetch('http://localhost:3000/users/1/posts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  console.log(JSON.stringify(body), '->', response.status);
  console.log(JSON.stringify(await response.json()));
}
