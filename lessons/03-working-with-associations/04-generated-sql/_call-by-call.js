import { Sequelize, DataTypes } from 'sequelize';

// Collect what Sequelize would log, to print it call by call.
let sent = [];
const sequelize = new Sequelize('sqlite::memory:', { logging: (sql) => sent.push(sql) });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Tag = sequelize.define('Tag', { name: DataTypes.STRING });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });
Post.belongsToMany(Tag, { through: 'PostTags', foreignKey: 'postId', otherKey: 'tagId' });
Tag.belongsToMany(Post, { through: 'PostTags', foreignKey: 'tagId', otherKey: 'postId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const post = await Post.create({ title: 'Ten rules for sourdough' });
const baking = await Tag.create({ name: 'baking' });

async function show(call, work) {
  sent = [];
  await work();
  console.log(call);
  for (const sql of sent) {
    // Timestamps written into the SQL change every run: show them as <now>.
    console.log(`  ${sql.replace(/'\d{4}-\d\d-\d\d [\d:.]+ \+00:00'/g, '<now>')}`);
  }
}

await show('ana.addPost(post)', () => ana.addPost(post));
await show('post.getUser()', () => post.getUser());
await show('post.reload()', () => post.reload());
await show('post.getUser()', () => post.getUser());
await show('ana.countPosts()', () => ana.countPosts());
await show('post.addTag(baking)', () => post.addTag(baking));
await show('post.getTags()', () => post.getTags());
await show('baking.removePost(post)', () => baking.removePost(post));
