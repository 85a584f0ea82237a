import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync({ force: true });
const zoe = await User.create({ name: 'Zoe' });
const ana = await User.create({ name: 'Ana' });
await Post.create({ title: 'Tea', userId: zoe.id });
await Post.create({ title: 'Coffee', userId: ana.id });
await Post.create({ title: 'Water', userId: zoe.id });

// Eager loading: every post comes back with its author, in one query.
const posts = await Post.findAll({
  include: User,
  order: [
    [User, 'name', 'ASC'],
    ['id', 'ASC'],
  ],
});
for (const post of posts) {
  console.log(`${post.title} by ${post.User.name}`);
}

// The property is named after the association: post.User, not post.user.
console.log(posts[0].user);
