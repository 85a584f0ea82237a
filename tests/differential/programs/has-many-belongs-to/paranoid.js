import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { paranoid: true });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { paranoid: true });
User.hasMany(Post);
Post.belongsTo(User);
await sequelize.sync();
const user = await User.create({ name: 'Ada', Posts: [{ title: 'kept' }, { title: 'hidden' }] }, { include: Post });
await Post.destroy({ where: { title: 'hidden' } });
console.log(
  (await user.getPosts()).map((p) => p.title),
  (await user.getPosts({ paranoid: false })).map((p) => p.title),
);
const deleted = await Post.findOne({ where: { title: 'hidden' }, paranoid: false });
console.log(deleted.deletedAt instanceof Date, deleted.isSoftDeleted());
await deleted.restore();
console.log(await Post.count());
