import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
await sequelize.sync();
const user = await User.findOne({ where: { name: 'nobody' } });
console.log('found:', user);
console.log(user.name);
