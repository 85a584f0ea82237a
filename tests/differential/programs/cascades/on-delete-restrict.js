import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post, { onDelete: 'RESTRICT' });
Post.belongsTo(User);

await sequelize.sync();
const user = await User.create({ name: 'Ada', Posts: [{ title: 'a' }] }, { include: Post });
try {
  await user.destroy();
} catch (error) {
  console.log(error.name, '-', error.message);
  console.log(error.parent);
  console.log(error.table, error.fields, error.index, error.reltype);
}
console.log('users:', await User.count());
