import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Book = sequelize.define('Book', {
  isbn: { type: DataTypes.STRING, primaryKey: true },
  title: DataTypes.STRING,
});
const Review = sequelize.define('Review', { stars: DataTypes.INTEGER });

// No foreignKey anywhere: Sequelize names every key itself.
User.hasMany(Post);
Post.belongsTo(User);
Book.hasMany(Review);
Review.belongsTo(Book);

for (const model of [User, Post, Book, Review]) {
  for (const association of Object.values(model.associations)) {
    const { source, target, associationType, foreignKey } = association;
    const method = associationType.charAt(0).toLowerCase() + associationType.slice(1);
    console.log(`${source.name}.${method}(${target.name}) uses ${foreignKey}`);
  }
}

async function main() {
  await sequelize.sync({ force: true });
  const ada = await User.create({ name: 'Ada' });

  // A guessed name: Sequelize silently drops attributes it does not know.
  const guessed = await Post.create({ title: 'Night trains', userId: ada.id });
  // The name Sequelize chose.
  const linked = await Post.create({ title: 'Lisbon in a day', UserId: ada.id });

  for (const post of [guessed, linked]) {
    const author = await post.getUser();
    console.log(`${post.title}: ${author ? `by ${author.name}` : 'no author'}`);
  }
}

await main();
