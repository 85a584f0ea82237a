import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Category = sequelize.define('Category', {
  slug: { type: DataTypes.STRING, allowNull: false, unique: true },
  name: DataTypes.STRING,
});
const Post = sequelize.define('Post', { title: DataTypes.STRING });

// Posts.categorySlug holds a category's slug:
// sourceKey and targetKey name the column it copies.
Category.hasMany(Post, { foreignKey: 'categorySlug', sourceKey: 'slug' });
Post.belongsTo(Category, { foreignKey: 'categorySlug', targetKey: 'slug' });

// Posts exported from the old static site: each names its category by slug.
const imported = [
  { title: 'Night trains across Europe', category: 'travel' },
  { title: 'Pastéis de nata at home', category: 'food' },
  { title: 'Lisbon in a day', category: 'travel' },
  { title: 'A week of winter soup', category: 'food' },
];

async function main() {
  await sequelize.sync({ force: true });

  await Category.create({ slug: 'travel', name: 'Travel' });
  await Category.create({ slug: 'food', name: 'Food and drink' });
  for (const { title, category } of imported) {
    await Post.create({ title, categorySlug: category });
  }

  const categories = await Category.findAll({ order: [['id', 'ASC']] });
  for (const category of categories) {
    const posts = await category.getPosts({ order: [['id', 'ASC']] });
    console.log(`${category.name}: ${posts.map((post) => post.title).join(', ')}`);
  }
}

await main();
