import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Comment = sequelize.define('Comment', { body: DataTypes.TEXT });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });
Post.hasMany(Comment, { foreignKey: 'postId' });
Comment.belongsTo(Post, { foreignKey: 'postId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const post = await ana.createPost({ title: 'Ten rules for sourdough' });
await post.createComment({ body: 'Rule 4 saved my loaf.' });

// 1. Including a model with no association from this one: users and comments are
//    only related through posts.
try {
  await User.findAll({ include: Comment });
} catch (error) {
  console.log(`1. ${error.name}: ${error.message}`);
}

// 2. The property is named after the association: Comments, capital C, plural.
const [loaded] = await Post.findAll({ include: Comment });
console.log(
  `2. loaded.comments is ${loaded.comments}; loaded.Comments has ${loaded.Comments.length}`,
);

// 3. Through posts, it works: a nested include.
const [user] = await User.findAll({ include: { model: Post, include: [Comment] } });
console.log(`3. ${user.name}'s first post has ${user.Posts[0].Comments.length} comment`);
