import { Sequelize, DataTypes } from 'sequelize';

// Count every statement Sequelize sends: `logging` is called once per query.
let queries = 0;
const sequelize = new Sequelize('sqlite::memory:', {
  logging: () => {
    queries += 1;
  },
});

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const bo = await User.create({ name: 'Bo Chen' });
await Post.create({ title: 'Ten rules for sourdough', userId: ana.id });
await Post.create({ title: 'A week of night trains', userId: bo.id });
await Post.create({ title: 'Small gardens', userId: ana.id });
await Post.create({ title: 'Old maps', userId: bo.id });

// Lazy: one query for the posts, then one more for each post's author.
queries = 0;
const lazyPosts = await Post.findAll({ order: [['id', 'ASC']] });
for (const post of lazyPosts) {
  const author = await post.getUser();
  console.log(`${post.title} by ${author.name}`);
}
console.log(`Lazy: ${queries} queries for ${lazyPosts.length} posts`);

// Eager: the authors come with the posts, in the same query.
queries = 0;
const eagerPosts = await Post.findAll({ include: User, order: [['id', 'ASC']] });
for (const post of eagerPosts) {
  console.log(`${post.title} by ${post.User.name}`);
}
console.log(`Eager: ${queries} query for ${eagerPosts.length} posts`);
