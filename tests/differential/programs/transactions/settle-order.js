import { Sequelize, DataTypes } from 'sequelize';

// Queries started together settle in the order sqlite3 answers them.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
await sequelize.sync();
const order = [];
await Promise.all([
  User.findAll().then((users) => order.push(`findAll (${users.length})`)),
  User.create({ name: 'c' }).then(() => order.push('create')),
  sequelize.query('SELECT 1').then(() => order.push('raw')),
]);
console.log(order);
const later = [];
await Promise.all([User.findByPk(1).then(() => later.push('findByPk')), User.update({ name: 'd' }, { where: { id: 1 } }).then(() => later.push('update'))]);
console.log(later);
