import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);
Post.belongsTo(User);

await sequelize.sync();
const user = await User.create({ name: 'Grace', Posts: [{ title: 'COBOL' }, { title: 'Bugs' }] }, { include: [Post] });
console.log(JSON.stringify(user.toJSON()));
const post = await Post.create({ title: 'Nested', User: { name: 'Linus' } }, { include: [User] });
console.log(post.get({ plain: true }));
console.log(await User.count(), await Post.count());
