import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync();
try {
  await Post.create({ title: 'orphan', userId: 9 });
} catch (error) {
  console.log(error.name);
  console.log(error.message);
  console.log(error.parent);
  console.log(error);
}
