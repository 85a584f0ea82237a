import { Sequelize, DataTypes } from 'sequelize';

// Lazy loading in a loop sends one query per user (N+1); an include sends one.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);

await sequelize.sync();
await User.bulkCreate([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
await Post.bulkCreate([
  { title: 'a', UserId: 1 },
  { title: 'b', UserId: 2 },
  { title: 'c', UserId: 2 },
]);
for (const user of await User.findAll()) {
  console.log(user.name, (await user.getPosts()).length);
}
const eager = await User.findAll({ include: Post, order: [['id', 'ASC']] });
console.log(eager.map((u) => [u.name, u.Posts.length]));
