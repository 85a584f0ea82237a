import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Comment = sequelize.define('Comment', { body: DataTypes.TEXT });
const Order = sequelize.define('Order', { item: DataTypes.STRING });

// 1. onDelete on one side only: hasMany runs first, creates the column with its
//    default (SET NULL), and the CASCADE asked for on belongsTo never reaches it.
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId', onDelete: 'CASCADE' });

// 2. A chain of CASCADEs: deleting a user deletes their comments...
User.hasMany(Comment, { foreignKey: 'userId', onDelete: 'CASCADE' });
Comment.belongsTo(User, { foreignKey: 'userId', onDelete: 'CASCADE' });
// ...and deleting a post deletes every comment on it, whoever wrote it.
Post.hasMany(Comment, { foreignKey: 'postId', onDelete: 'CASCADE' });
Comment.belongsTo(Post, { foreignKey: 'postId', onDelete: 'CASCADE' });

// 3. RESTRICT: a user with orders cannot be deleted.
User.hasMany(Order, { foreignKey: 'userId', onDelete: 'RESTRICT' });
Order.belongsTo(User, { foreignKey: 'userId', onDelete: 'RESTRICT' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const bo = await User.create({ name: 'Bo Chen' });
const chen = await User.create({ name: 'Chen Wei' });
const post = await ana.createPost({ title: 'Ten rules for sourdough' });
await post.createComment({ body: 'Rule 4 saved my loaf.', userId: bo.id });
await post.createComment({ body: 'Rye, mostly.', userId: ana.id });
await chen.createOrder({ item: 'Teapot' });

await ana.destroy();
const left = await Post.findByPk(post.id);
console.log(`1. Ana is gone; her post stays, with userId ${left.userId}`);
console.log(`   Her comment went with her: ${await Comment.count()} comment left`);

await post.destroy();
console.log(
  `2. The post is gone, and with it Bo's comment: ${await Comment.count()} comments left`,
);

try {
  await chen.destroy();
} catch (error) {
  console.log(`3. ${error.name}: ${error.message}`);
}
