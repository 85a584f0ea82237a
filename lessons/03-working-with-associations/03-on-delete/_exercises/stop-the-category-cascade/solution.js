import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Category = sequelize.define('Category', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Comment = sequelize.define('Comment', { body: DataTypes.TEXT });

// A post outlives its category: deleting a category leaves its posts uncategorised.
Category.hasMany(Post, { foreignKey: 'categoryId', onDelete: 'SET NULL' });
Post.belongsTo(Category, { foreignKey: 'categoryId', onDelete: 'SET NULL' });
// A comment makes no sense without its post: deleting a post deletes its comments.
Post.hasMany(Comment, { foreignKey: 'postId', onDelete: 'CASCADE' });
Comment.belongsTo(Post, { foreignKey: 'postId', onDelete: 'CASCADE' });

async function main() {
  await sequelize.sync({ force: true });
  const recipes = await Category.create({ name: 'Recipes' });
  const travel = await Category.create({ name: 'Travel' });
  const bread = await Post.create({ title: 'Ten rules for sourdough', categoryId: recipes.id });
  const soup = await Post.create({ title: 'Winter soups', categoryId: recipes.id });
  const trains = await Post.create({ title: 'A week of night trains', categoryId: travel.id });
  const spam = await Post.create({ title: 'Cheap watches!!!', categoryId: travel.id });
  await Comment.create({ body: 'Rule 4 saved my loaf.', postId: bread.id });
  await Comment.create({ body: 'Leek and potato, always.', postId: soup.id });
  await Comment.create({ body: 'Which line was this?', postId: trains.id });
  await Comment.create({ body: 'Buy now', postId: spam.id });

  // The editors merge the menu: the Recipes category goes, its posts must stay.
  await recipes.destroy();
  // A spam post is deleted, with the comments on it.
  await spam.destroy();

  const posts = await Post.findAll({ include: Category, order: [['id', 'ASC']] });
  for (const post of posts) {
    console.log(`${post.title} (${post.Category ? post.Category.name : 'no category'})`);
  }
  console.log(`Comments left: ${await Comment.count()}`);
}

await main();
