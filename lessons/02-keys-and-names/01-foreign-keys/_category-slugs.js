import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Category = sequelize.define('Category', {
  slug: { type: DataTypes.STRING, allowNull: false, unique: true },
  name: DataTypes.STRING,
});
const Post = sequelize.define('Post', { title: DataTypes.STRING });

// Posts point at a category by its slug, not by its id.
Category.hasMany(Post, { foreignKey: 'categorySlug', sourceKey: 'slug' });
Post.belongsTo(Category, { foreignKey: 'categorySlug', targetKey: 'slug' });

async function main() {
  await sequelize.sync({ force: true });

  const travel = await Category.create({ slug: 'travel', name: 'Travel' });
  await Category.create({ slug: 'food', name: 'Food and drink' });

  // Imported posts carry the slug from their front matter:
  // no id lookup needed.
  await Post.create({ title: 'Night trains across Europe', categorySlug: 'travel' });
  await Post.create({ title: 'Pastéis de nata at home', categorySlug: 'food' });
  await travel.createPost({ title: 'Lisbon in a day' });

  const posts = await travel.getPosts({ order: [['id', 'ASC']] });
  console.log(`${travel.name}: ${posts.map((post) => post.title).join(', ')}`);

  const post = await Post.findOne({ where: { title: 'Pastéis de nata at home' } });
  const category = await post.getCategory();
  console.log(`${post.title} (${post.categorySlug}) is in ${category.name}`);

  try {
    await Post.create({ title: 'Untitled draft', categorySlug: 'gardening' });
  } catch (error) {
    console.log(`Refused: ${error.name}`);
  }
}

await main();
