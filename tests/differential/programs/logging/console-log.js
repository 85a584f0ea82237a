import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: console.log });
const User = sequelize.define('User', { name: DataTypes.STRING });
await sequelize.sync();
await User.create({ name: 'Ada' });
console.log((await User.findAll()).length);
await sequelize.transaction(async (transaction) => {
  await User.update({ name: 'Ada L.' }, { where: { id: 1 }, transaction });
});
