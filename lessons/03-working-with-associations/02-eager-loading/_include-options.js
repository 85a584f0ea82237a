import { Sequelize, DataTypes, Op } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const bo = await User.create({ name: 'Bo Chen' });
await User.create({ name: 'Chen Wei' }); // has not written anything yet
await ana.createPost({ title: 'Ten rules for sourdough' });
await ana.createPost({ title: 'Small gardens' });
await bo.createPost({ title: 'Sourdough on a night train' });
const names = (users) => users.map((user) => user.name).join(', ');

// 1. By default, every user comes back; a user without posts gets an empty list.
const everyone = await User.findAll({ include: Post, order: [['id', 'ASC']] });
console.log(`1. ${everyone.map((user) => `${user.name} (${user.Posts.length})`).join(', ')}`);

// 2. required: true keeps only the users that have at least one post.
const writers = await User.findAll({
  include: { model: Post, required: true },
  order: [['id', 'ASC']],
});
console.log(`2. ${names(writers)}`);

// 3. A where inside the include filters the posts, and makes the include required.
const bakers = await User.findAll({
  include: { model: Post, where: { title: { [Op.like]: '%sourdough%' } } },
  order: [['id', 'ASC']],
});
console.log(`3. ${bakers.map((user) => `${user.name}: ${user.Posts[0].title}`).join('; ')}`);

// 4. attributes picks the columns, for the main model and for the included one.
const slim = await Post.findAll({
  attributes: ['title'],
  include: { model: User, attributes: ['name'] },
  order: [['id', 'ASC']],
});
console.log(`4. ${JSON.stringify(slim[0].toJSON())}`);
