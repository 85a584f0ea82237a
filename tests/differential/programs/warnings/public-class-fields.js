import { Sequelize, DataTypes, Model } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
class User extends Model {
  name;
}
User.init({ name: DataTypes.STRING }, { sequelize, timestamps: false });
await sequelize.sync();
const user = await User.create({ name: 'Ada' });
console.log('name is', user.name, 'but stored', user.getDataValue('name'));
