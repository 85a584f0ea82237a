import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

// Every post has exactly one author, kept in Posts.authorId:
// a post without one is refused.
User.hasMany(Post);
Post.belongsTo(User, { foreignKey: { name: 'authorId', allowNull: false } });

async function main() {
  await sequelize.sync({ force: true });

  const ada = await User.create({ name: 'Ada' });
  await ada.createPost({ title: 'Night trains across Europe' });
  await ada.createPost({ title: 'Lisbon in a day' });

  const posts = await ada.getPosts({ order: [['id', 'ASC']] });
  for (const post of posts) {
    const author = await post.getUser();
    console.log(`${post.title}, by ${author.name}`);
  }

  // A post without an author must not reach the table.
  try {
    await Post.create({ title: 'Anonymous rant' });
    console.log('Saved a post without an author!');
  } catch (error) {
    console.log(`Refused: ${error.message}`);
  }
}

await main();
