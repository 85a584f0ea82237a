import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { email: { type: DataTypes.STRING, unique: true } }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post, { foreignKey: 'authorEmail', sourceKey: 'email' });
Post.belongsTo(User, { foreignKey: 'authorEmail', targetKey: 'email' });

await sequelize.sync();
const user = await User.create({ email: 'ada@example.com' });
await user.createPost({ title: 'Notes' });
const post = await Post.findOne({ include: User });
console.log(post.authorEmail, post.User.email);
console.log((await user.getPosts()).map((p) => p.title));
console.log(User.associations.Posts.sourceKey, Post.associations.User.targetKey);
