import express from 'express';
import { Sequelize, DataTypes } from 'sequelize';

const app = express();
const sequelize = new Sequelize('sqlite::memory:');

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', {
  title: DataTypes.STRING,
  content: DataTypes.TEXT,
  userId: DataTypes.INTEGER,
});

// Define associations
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

async function setup() {
  await sequelize.sync({ force: true });
  const user = await User.create({ name: 'Alice' });
  await Post.create({ title: 'Hello', content: 'First post', userId: user.id });
  await Post.create({ title: 'World', content: 'Second post', userId: user.id });
  const posts = await user.getPosts();
  posts.forEach((post) => {
    console.log(`${user.name} wrote: ${post.title}`);
  });
}

await setup();
