import { Sequelize, DataTypes } from 'sequelize';

// The association has an alias: an include must name it.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
Post.belongsTo(User, { as: 'author' });

await sequelize.sync();
try {
  await Post.findAll({ include: User });
} catch (error) {
  console.log(error.name);
  console.log(error.message);
}
await Post.findAll({ include: { model: User, as: 'writer' } });
