import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post);
Post.belongsTo(User);
await sequelize.sync();
await sequelize.sync({ force: true });
const Extended = sequelize.define('User', { name: DataTypes.STRING, email: DataTypes.STRING });
await Extended.sync({ alter: true });
console.log(Object.keys(await sequelize.getQueryInterface().describeTable('Users')));
await sequelize.drop();
console.log(await sequelize.getQueryInterface().showAllTables());
