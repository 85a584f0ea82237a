import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING, content: DataTypes.TEXT });

// TODO 1: a user has many posts, and a post belongs to its user.
//         Both sides must use the foreign key `userId`.

async function main() {
  await sequelize.sync({ force: true });

  const alice = await User.create({ name: 'Alice' });
  const bob = await User.create({ name: 'Bob' });
  await Post.create({ title: 'Hello', content: 'First post', userId: alice.id });
  await Post.create({ title: 'World', content: 'Second post', userId: alice.id });
  await Post.create({ title: 'Hi from Bob', content: 'Bob was here', userId: bob.id });

  // TODO 2: print every post as "<author's name> wrote: <title>".
  const posts = await Post.findAll({ order: [['id', 'ASC']] });
  for (const post of posts) {
    console.log(`??? wrote: ${post.title}`);
  }
}

await main();
