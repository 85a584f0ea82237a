import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', {
  name: { type: DataTypes.STRING, allowNull: false },
  email: { type: DataTypes.STRING, validate: { isEmail: true } },
  age: { type: DataTypes.INTEGER, validate: { min: 0 } },
});
await sequelize.sync();
try {
  await User.create({ email: 'not an email', age: -1 });
} catch (error) {
  console.log(error.name);
  console.log(error.message);
  for (const item of error.errors) console.log(item.path, item.type, item.validatorKey, item.message);
}
await User.create({ name: 'x', age: 'old' });
