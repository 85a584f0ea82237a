import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post, { as: 'writings', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });

await sequelize.sync();
const ada = await User.create({ name: 'Ada' });
await ada.createWriting({ title: 'Notes on the engine' });
const post = await Post.findOne({ include: { model: User, as: 'author' } });
console.log(post.author.name, typeof post.getAuthor, typeof post.getUser);
const user = await User.findOne({ include: 'writings' });
console.log(user.writings.map((w) => w.title));
console.log(Object.keys(User.associations), Object.keys(Post.associations));
