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
  const posts = await Post.findAll({ order: [['id', 'ASC']] });
  const lines = [];
  for (const post of posts) {
    const author = await post.getUser();
    const comments = await post.getComments();
    lines.push(`${post.title} by ${author.name} (comments: ${comments.length})`);
  }
  return lines;
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
