import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
await sequelize.sync();
await Post.create({ title: 'a' });
console.log((await Post.findAll({ title: 'nope' })).length);
const [post, created] = await Post.findOrCreate({ where: { title: 'b' }, defaults: { title: 'b', rating: 5 } });
console.log(post.title, created);
