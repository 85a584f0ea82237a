import { Sequelize, DataTypes } from 'sequelize';

// The default for a nullable foreign key: ON DELETE SET NULL.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);
Post.belongsTo(User);

await sequelize.sync();
const user = await User.create({ name: 'Ada', Posts: [{ title: 'a' }] }, { include: Post });
await user.destroy();
console.log(await Post.findAll({ raw: true }));
console.log(Post.rawAttributes.UserId.onDelete, Post.rawAttributes.UserId.onUpdate);
