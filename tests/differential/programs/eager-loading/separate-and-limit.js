import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);

await sequelize.sync();
for (const name of ['A', 'B', 'C']) {
  await User.create({ name, Posts: [{ title: `${name}1` }, { title: `${name}2` }] }, { include: Post });
}
const separate = await User.findAll({ include: { model: Post, separate: true, order: [['title', 'DESC']] }, order: [['name', 'ASC']] });
console.log(separate.map((u) => `${u.name}: ${u.Posts.map((p) => p.title).join(' ')}`));
const limited = await User.findAll({ include: Post, limit: 2, order: [['name', 'DESC']] });
console.log(limited.map((u) => `${u.name}: ${u.Posts.length}`));
const counted = await User.findAndCountAll({ include: Post, distinct: true, limit: 1 });
console.log(counted.count, counted.rows.length);
