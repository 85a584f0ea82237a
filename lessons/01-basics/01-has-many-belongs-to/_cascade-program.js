import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Comment = sequelize.define('Comment', { text: DataTypes.STRING });

// Deleting a user deletes their posts; deleting a user keeps their comments, unsigned.
User.hasMany(Post, { foreignKey: 'userId', onDelete: 'CASCADE' });
Post.belongsTo(User, { foreignKey: 'userId' });
User.hasMany(Comment, { foreignKey: 'userId', onDelete: 'SET NULL' });
Comment.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana' });
const zoe = await User.create({ name: 'Zoe' });
await Post.create({ title: 'Tea', userId: ana.id });
await Post.create({ title: 'Coffee', userId: ana.id });
await Post.create({ title: 'Water', userId: zoe.id });
await Comment.create({ text: 'Nice!', userId: ana.id });

await ana.destroy();

console.log(
  'Posts left:',
  (await Post.findAll()).map((post) => post.title),
);
const comment = await Comment.findOne();
console.log(`"${comment.text}" by user ${comment.userId}`);
