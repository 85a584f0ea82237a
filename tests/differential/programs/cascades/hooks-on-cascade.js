import { Sequelize, DataTypes } from 'sequelize';

// With hooks: true, Sequelize destroys the children itself, one by one, and runs their hooks.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post, { onDelete: 'CASCADE', hooks: true });
Post.belongsTo(User);
Post.addHook('beforeDestroy', (post) => console.log('destroying post', post.title));
User.addHook('afterDestroy', (user) => console.log('destroyed user', user.name));

await sequelize.sync();
const user = await User.create({ name: 'Ada', Posts: [{ title: 'a' }, { title: 'b' }] }, { include: Post });
await user.destroy();
console.log('posts left:', await Post.count());
