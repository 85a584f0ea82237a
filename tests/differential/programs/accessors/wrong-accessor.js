import { Sequelize, DataTypes } from 'sequelize';

// A mistake everyone makes once: the accessor of hasMany is plural.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post);

await sequelize.sync();
const user = await User.create({ name: 'Ada' });
console.log(typeof user.getPosts, typeof user.getPost);
console.log(user.Posts);
await user.getPost();
