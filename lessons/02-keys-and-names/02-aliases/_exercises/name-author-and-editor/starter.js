import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

// TODO: every post has an author and an editor, both users (columns authorId and editorId).
//       From a user, reach the posts they wrote (writtenPosts) and the posts they edited
//       (editedPosts).

async function main() {
  await sequelize.sync({ force: true });
  const ana = await User.create({ name: 'Ana Lima' });
  const bo = await User.create({ name: 'Bo Chen' });
  await Post.create({ title: 'Ten rules for sourdough', authorId: ana.id, editorId: bo.id });
  await Post.create({ title: 'A week of night trains', authorId: bo.id, editorId: ana.id });
  await Post.create({ title: 'Small gardens', authorId: ana.id, editorId: bo.id });

  const posts = await Post.findAll({ order: [['id', 'ASC']] });
  for (const post of posts) {
    // TODO: print the author's and the editor's names instead of ???.
    console.log(`${post.title}: written by ???, edited by ???`);
  }

  const edited = await bo.getEditedPosts();
  console.log(`${bo.name} edited ${edited.length} posts`);
}

await main();
