import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Comment = sequelize.define('Comment', { body: DataTypes.TEXT });

// A post must have an author: the same key options on both sides.
User.hasMany(Post, { foreignKey: { name: 'authorId', allowNull: false } });
Post.belongsTo(User, { foreignKey: { name: 'authorId', allowNull: false } });

// Careful: the first call defines the column.
// Here it says nothing about null...
User.hasMany(Comment, { foreignKey: 'authorId' });
// ...and this allowNull: false comes too late to change it.
Comment.belongsTo(User, { foreignKey: { name: 'authorId', allowNull: false } });

async function main() {
  await sequelize.sync({ force: true });

  const ada = await User.create({ name: 'Ada' });
  const post = await ada.createPost({ title: 'Night trains' });
  console.log(`${post.title}, authorId ${post.authorId}, by ${(await post.getUser()).name}`);

  try {
    await Post.create({ title: 'Anonymous' });
  } catch (error) {
    console.log(`Post refused: ${error.message}`);
  }

  const comment = await Comment.create({ body: 'Anonymous comment' });
  await comment.reload(); // read the row back as the table holds it
  console.log(`Comment saved with authorId ${comment.authorId}`);
}

await main();
