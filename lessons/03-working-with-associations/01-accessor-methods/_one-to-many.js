import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const [tea, bread, trains, maps] = await Post.bulkCreate([
  { title: 'Tea at five' },
  { title: 'Ten rules for sourdough' },
  { title: 'A week of night trains' },
  { title: 'Old maps' },
]);
const titles = (posts) => posts.map((post) => post.title).join(', ') || 'none';

const hello = await ana.createPost({ title: 'Hello' }); // create
await ana.addPost(tea); // add one
await ana.addPosts([bread, trains]); // add many
console.log(`get: ${titles(await ana.getPosts({ order: [['id', 'ASC']] }))}`);
console.log(`count: ${await ana.countPosts()}`);
console.log(`has one: ${await ana.hasPost(tea)}, ${await ana.hasPost(maps)}`);
console.log(`has many: ${await ana.hasPosts([tea, bread])}, ${await ana.hasPosts([tea, maps])}`);

await ana.removePost(tea); // remove one
await ana.removePosts([bread, trains]); // remove many
console.log(`after remove: ${titles(await ana.getPosts())}`);

await ana.setPosts([maps, bread]); // set: exactly these, no others
console.log(`after set: ${titles(await ana.getPosts({ order: [['id', 'ASC']] }))}`);
console.log(`and hello has userId ${(await hello.reload()).userId}`);
