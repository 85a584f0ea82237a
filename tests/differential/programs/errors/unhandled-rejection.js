import { Sequelize, DataTypes } from 'sequelize';

// A query nobody awaits fails: Node reports the unhandled rejection and exits.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: { type: DataTypes.STRING, unique: true } });

async function main() {
  await sequelize.sync();
  await User.create({ name: 'once' });
  console.log('created once');
  User.create({ name: 'once' });
  console.log('sent the duplicate');
}
main();
