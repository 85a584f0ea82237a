import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);
Post.belongsTo(User);

await sequelize.sync();
const [alice, bob] = await User.bulkCreate([{ name: 'Alice' }, { name: 'Bob' }]);
console.log('bulkCreate ids:', alice.id, bob.id);
const post = await Post.create({ title: 'Moving post' });
console.log('author before:', await post.getUser());
await post.setUser(alice);
console.log('author:', (await post.getUser()).name, 'UserId:', post.UserId);
await post.setUser(bob.id);
await post.reload();
console.log('now:', (await post.getUser()).name);
await post.setUser(null);
console.log('after null:', post.UserId, await post.getUser());
console.log(await Post.findAll({ raw: true }));
