import { Sequelize, DataTypes } from 'sequelize';

// No logging option: natively every statement is printed as `Executing (default): ...`;
// the engine shows them in the SQL tab instead (the one difference on purpose, README.md).
const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

async function setup() {
  await sequelize.sync({ force: true });
  const user = await User.create({ name: 'Alice' });
  await Post.create({ title: 'Hello', userId: user.id });
  await Post.create({ title: 'World', userId: user.id });
  const posts = await user.getPosts();
  posts.forEach((post) => console.log(`${user.name} wrote: ${post.title}`));
}

setup();
