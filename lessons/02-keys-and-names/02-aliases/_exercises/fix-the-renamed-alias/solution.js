import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

// The post's writer is its "author": include it, and read it, under that name.
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'editor', foreignKey: 'editorId' });
User.hasMany(Post, { as: 'writtenPosts', foreignKey: 'authorId' });
User.hasMany(Post, { as: 'editedPosts', foreignKey: 'editorId' });

/** The lines of the magazine's front page: every post with its author and its editor. */
export async function frontPage() {
  const posts = await Post.findAll({
    include: [
      { model: User, as: 'author' },
      { model: User, as: 'editor' },
    ],
    order: [['id', 'ASC']],
  });
  return posts.map(
    (post) => `${post.title}, by ${post.author.name} (edited by ${post.editor.name})`,
  );
}

async function main() {
  await sequelize.sync({ force: true });
  const ana = await User.create({ name: 'Ana Lima' });
  const bo = await User.create({ name: 'Bo Chen' });
  const chen = await User.create({ name: 'Chen Wei' });
  await Post.create({ title: 'Ten rules for sourdough', authorId: ana.id, editorId: bo.id });
  await Post.create({ title: 'A week of night trains', authorId: chen.id, editorId: ana.id });
  await Post.create({ title: 'Small gardens', authorId: bo.id, editorId: chen.id });

  for (const line of await frontPage()) {
    console.log(line);
  }
}

await main();
