import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING, status: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);
User.hasMany(Post, { as: 'publishedPosts', scope: { status: 'published' } });

await sequelize.sync();
const user = await User.create({ name: 'Ada' });
await user.createPost({ title: 'draft', status: 'draft' });
const created = await user.createPublishedPost({ title: 'out' });
console.log(created.status);
console.log(
  (await user.getPosts()).map((p) => p.title),
  (await user.getPublishedPosts()).map((p) => p.title),
);
const withBoth = await User.findOne({ include: ['Posts', 'publishedPosts'] });
console.log(withBoth.Posts.length, withBoth.publishedPosts.length);
