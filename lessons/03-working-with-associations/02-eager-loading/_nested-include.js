import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Comment = sequelize.define('Comment', { body: DataTypes.TEXT });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });
Post.hasMany(Comment, { foreignKey: 'postId' });
Comment.belongsTo(Post, { foreignKey: 'postId' });
User.hasMany(Comment, { foreignKey: 'userId' });
Comment.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const bo = await User.create({ name: 'Bo Chen' });
const chen = await User.create({ name: 'Chen Wei' });
const post = await ana.createPost({ title: 'Ten rules for sourdough' });
await post.createComment({ body: 'Rule 4 saved my loaf.', userId: bo.id });
await post.createComment({ body: 'What flour do you use?', userId: chen.id });
await post.createComment({ body: 'Rye, mostly.', userId: ana.id });

// The post page: the post, its author, its comments, and each comment's author.
const page = await Post.findByPk(post.id, {
  include: [
    User, // the post's author: post.User
    {
      model: Comment, // the post's comments: post.Comments
      include: [User], // each comment's author: comment.User
    },
  ],
  order: [[Comment, 'id', 'ASC']],
});

console.log(`${page.title}, by ${page.User.name}`);
for (const comment of page.Comments) {
  console.log(`  ${comment.User.name}: ${comment.body}`);
}
