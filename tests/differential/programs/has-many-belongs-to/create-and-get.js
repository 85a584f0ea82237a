import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING, content: DataTypes.TEXT });

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync({ force: true });
const alice = await User.create({ name: 'Alice' });
await Post.create({ title: 'Hello', content: 'First post', userId: alice.id });
await alice.createPost({ title: 'World', content: 'Second post' });

const posts = await alice.getPosts({ order: [['id', 'ASC']] });
for (const post of posts) console.log(`${alice.name} wrote: ${post.title} (userId ${post.userId})`);
console.log('posts:', await alice.countPosts());
