import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post, { onDelete: 'CASCADE' });
Post.belongsTo(User);

await sequelize.sync();
const user = await User.create({ name: 'Ada', Posts: [{ title: 'a' }, { title: 'b' }] }, { include: Post });
await User.create({ name: 'Bob', Posts: [{ title: 'c' }] }, { include: Post });
console.log('before:', await Post.count());
await user.destroy();
console.log(
  'after:',
  await Post.count(),
  (await Post.findAll({ raw: true })).map((p) => p.title),
);
