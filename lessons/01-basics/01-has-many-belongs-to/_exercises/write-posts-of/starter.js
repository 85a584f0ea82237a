import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING, content: DataTypes.TEXT });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

/**
 * Returns the titles of the posts `user` wrote.
 * TODO: use the accessor that User.hasMany(Post) added to every user.
 */
export async function postsOf(user) {
  throw new Error('postsOf(user) is not written yet');
}

async function main() {
  await sequelize.sync({ force: true });
  const alice = await User.create({ name: 'Alice' });
  await Post.create({ title: 'Hello', content: 'First post', userId: alice.id });
  await Post.create({ title: 'World', content: 'Second post', userId: alice.id });

  console.log(await postsOf(alice));
}

await main();
