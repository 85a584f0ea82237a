import { Sequelize, DataTypes } from 'sequelize';

// A targetKey must be unique: SQLite refuses the foreign key ("foreign key mismatch").
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
Post.belongsTo(User, { foreignKey: 'userName', targetKey: 'name' });

await sequelize.sync();
await User.create({ name: 'alice' });
console.log('created the user');
await Post.create({ title: 'x', userName: 'alice' });
console.log('not reached');
