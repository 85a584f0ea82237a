import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
try {
  await User.create({ name: 'early' });
} catch (error) {
  console.log(error.name, error.message);
  console.log(error.parent);
}
await sequelize.sync();
console.log(await User.count());
await User.findAll({ where: { nope: 1 } });
