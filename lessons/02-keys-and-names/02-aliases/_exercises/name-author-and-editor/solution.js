import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

// Two relationships between Post and User, each with its own name and its own column.
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'editor', foreignKey: 'editorId' });
User.hasMany(Post, { as: 'writtenPosts', foreignKey: 'authorId' });
User.hasMany(Post, { as: 'editedPosts', foreignKey: 'editorId' });

async function main() {
  await sequelize.sync({ force: true });
  const ana = await User.create({ name: 'Ana Lima' });
  const bo = await User.create({ name: 'Bo Chen' });
  await Post.create({ title: 'Ten rules for sourdough', authorId: ana.id, editorId: bo.id });
  await Post.create({ title: 'A week of night trains', authorId: bo.id, editorId: ana.id });
  await Post.create({ title: 'Small gardens', authorId: ana.id, editorId: bo.id });

  const posts = await Post.findAll({ order: [['id', 'ASC']] });
  for (const post of posts) {
    const author = await post.getAuthor();
    const editor = await post.getEditor();
    console.log(`${post.title}: written by ${author.name}, edited by ${editor.name}`);
  }

  const edited = await bo.getEditedPosts();
  console.log(`${bo.name} edited ${edited.length} posts`);
}

await main();
