import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);
Post.belongsTo(User);

await sequelize.sync();
const user = await User.create({ name: 'Ada' });
const posts = await Post.bulkCreate(['a', 'b', 'c', 'd'].map((title) => ({ title })));
await user.setPosts(posts.slice(0, 2));
console.log(
  'after set:',
  (await user.getPosts()).map((p) => p.title),
);
await user.addPosts([posts[2], posts[3].id]);
console.log(
  'after add:',
  (await user.getPosts()).map((p) => p.title),
);
await user.removePost(posts[0]);
console.log(
  'after remove:',
  (await user.getPosts()).map((p) => p.title),
);
console.log('has a?', await user.hasPost(posts[0]), 'has b and c?', await user.hasPosts([posts[1], posts[2]]));
await user.setPosts([]);
console.log('count after clearing:', await user.countPosts(), await Post.count({ where: { UserId: null } }));
