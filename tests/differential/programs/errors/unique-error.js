import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { email: { type: DataTypes.STRING, unique: true } }, { timestamps: false });
await sequelize.sync();
await User.create({ email: 'a@example.com' });
try {
  await User.create({ email: 'a@example.com' });
} catch (error) {
  console.log(error.name, '|', error.message);
  console.log(error.fields, error.sql);
  console.log(error.errors.map((item) => [item.message, item.type, item.path, item.value, item.origin, item.validatorKey]));
  console.log(error.parent);
}
await User.bulkCreate([{ email: 'b@example.com' }, { email: 'b@example.com' }]);
