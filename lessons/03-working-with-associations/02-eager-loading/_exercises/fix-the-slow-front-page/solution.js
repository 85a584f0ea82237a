import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Comment = sequelize.define('Comment', { body: DataTypes.TEXT });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });
Post.hasMany(Comment, { foreignKey: 'postId' });
Comment.belongsTo(Post, { foreignKey: 'postId' });

/** The blog's front page: every post with its author and how many comments it has. */
export async function frontPage() {
  // One query: the authors and the comments come with the posts.
  const posts = await Post.findAll({ include: [User, Comment], order: [['id', 'ASC']] });
  return posts.map(
    (post) => `${post.title} by ${post.User.name} (comments: ${post.Comments.length})`,
  );
}

async function main() {
  await sequelize.sync({ force: true });
  const ana = await User.create({ name: 'Ana Lima' });
  const bo = await User.create({ name: 'Bo Chen' });
  const bread = await Post.create({ title: 'Ten rules for sourdough', userId: ana.id });
  const trains = await Post.create({ title: 'A week of night trains', userId: bo.id });
  await Post.create({ title: 'Small gardens', userId: ana.id });
  await Comment.create({ body: 'Rule 4 saved my loaf.', postId: bread.id });
  await Comment.create({ body: 'What flour do you use?', postId: bread.id });
  await Comment.create({ body: 'Which line was this?', postId: trains.id });

  for (const line of await frontPage()) {
    console.log(line);
  }
}

await main();
