import { Sequelize, DataTypes, Model } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
class User extends Model {
  name;
}
User.init({ name: DataTypes.STRING }, { sequelize, timestamps: false });
await sequelize.sync();
const user = await User.create({ name: 'Ada' });
// Sequelize checks for shadowing fields in a setTimeout(0) after the first build, which races the
// INSERT natively too: wait a turn, so the warning comes before the line below on both sides.
await new Promise((resolve) => setTimeout(resolve, 20));
console.log('name is', user.name, 'but stored', user.getDataValue('name'));
