import { Sequelize, DataTypes } from 'sequelize';

// Model instances printed as data: toJSON(), get({ plain: true }), JSON.stringify.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING, born: DataTypes.DATEONLY, active: DataTypes.BOOLEAN, meta: DataTypes.JSON });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);
await sequelize.sync();
await User.create({ name: 'Ada', born: '1815-12-10', active: true, meta: { tags: ['math'] }, Posts: [{ title: 'Notes' }] }, { include: Post });
const user = await User.findOne({ include: Post });
console.log(user.toJSON());
console.log(user.get({ plain: true }).Posts);
console.log(JSON.stringify(user));
console.log(user.get('born'), typeof user.active, user.meta);
console.log(await User.findAll({ attributes: ['name', 'active'], raw: true }));
