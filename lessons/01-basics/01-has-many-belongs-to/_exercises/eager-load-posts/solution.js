import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING, content: DataTypes.TEXT });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

async function seed() {
  await sequelize.sync({ force: true });
  const alice = await User.create({ name: 'Alice' });
  const bob = await User.create({ name: 'Bob' });
  const chen = await User.create({ name: 'Chen' });
  await Post.create({ title: 'Hello', content: 'First post', userId: alice.id });
  await Post.create({ title: 'World', content: 'Second post', userId: alice.id });
  await Post.create({ title: 'Hi from Bob', content: 'Bob was here', userId: bob.id });
  await Post.create({ title: 'Dumplings', content: 'A recipe', userId: chen.id });
}

async function main() {
  await seed();

  // One query: the users and their posts come back together through a LEFT OUTER JOIN.
  const users = await User.findAll({
    include: Post,
    order: [
      ['id', 'ASC'],
      [Post, 'id', 'ASC'],
    ],
  });
  for (const user of users) {
    console.log(`${user.name}: ${user.Posts.map((post) => post.title).join(', ')}`);
  }
}

await main();
