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

/**
 * The lines of a post's page: first "<title> by <author>", then one line
 * "<commenter>: <comment>" per comment, oldest comment first. One query.
 */
export async function thread(post) {
  const page = await Post.findByPk(post.id, {
    include: [User, { model: Comment, include: [User] }],
    order: [[Comment, 'id', 'ASC']],
  });
  return [
    `${page.title} by ${page.User.name}`,
    ...page.Comments.map((comment) => `${comment.User.name}: ${comment.body}`),
  ];
}

async function main() {
  await sequelize.sync({ force: true });
  const ana = await User.create({ name: 'Ana Lima' });
  const bo = await User.create({ name: 'Bo Chen' });
  const chen = await User.create({ name: 'Chen Wei' });
  const post = await Post.create({ title: 'Ten rules for sourdough', userId: ana.id });
  await Comment.create({ body: 'Rule 4 saved my loaf.', postId: post.id, userId: bo.id });
  await Comment.create({ body: 'What flour do you use?', postId: post.id, userId: chen.id });
  await Comment.create({ body: 'Rye, mostly.', postId: post.id, userId: ana.id });

  for (const line of await thread(post)) {
    console.log(line);
  }
}

await main();
