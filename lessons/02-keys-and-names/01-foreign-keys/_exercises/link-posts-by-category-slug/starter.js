import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Category = sequelize.define('Category', {
  slug: { type: DataTypes.STRING, allowNull: false, unique: true },
  name: DataTypes.STRING,
});
const Post = sequelize.define('Post', { title: DataTypes.STRING });

// TODO: a category has many posts, and a post belongs to its category.
//       The link is the column Posts.categorySlug, which holds the
//       category's slug (not its id).

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
