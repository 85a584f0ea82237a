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

  // Only the lines below should change.
  // TODO: this sends one query for the users, then one more query PER USER (N+1).
  //       Load the users together with their posts in a single query instead.
  const users = await User.findAll({ order: [['id', 'ASC']] });
  for (const user of users) {
    const posts = await user.getPosts({ order: [['id', 'ASC']] });
    console.log(`${user.name}: ${posts.map((post) => post.title).join(', ')}`);
  }
}

await main();
